package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationTest {

    @Test
    void factsLinkToFilesWhoseNamesHoldHashQuestionMarkPercentOrSpace() {
        Explanation.Result r = new Explanation.Result("app", "odd #dir/call me?.py", 3, 3, 1, "0123456789abcdef", "words", List.of(),
                List.of(new Explanation.UsedName("say_hello", "function",
                        List.of(new Explanation.Definition("odd #dir/100% greet.py", 1, "function", "def say_hello(name)")))),
                List.of(), List.of(new Explanation.ThreadLink(UUID.randomUUID(), 3, 4, "open")), null, null, null, null);
        String md = Explanation.factsMarkdown(r, "/projects/p/repos/app");
        assertTrue(md.contains("[odd #dir/100% greet.py:1](/projects/p/repos/app/blob/odd%20%23dir/100%25%20greet.py#L1)"), md);
        assertTrue(md.contains("[lines 3–4](/projects/p/repos/app/blob/odd%20%23dir/call%20me%3F.py#L3-L4)"), md);
    }
}
