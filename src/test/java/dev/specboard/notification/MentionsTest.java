package dev.specboard.notification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionsTest {

    private static List<String> parse(String s) {
        return List.copyOf(Mentions.parse(s));
    }

    @Test
    void findsMentionsInOrderWithoutDuplicates() {
        assertEquals(List.of("ada", "grace"), parse("@ada please look, and @grace too. Thanks @Ada!"));
    }

    @Test
    void mentionMayFollowPunctuationOrStartALine() {
        assertEquals(List.of("ada", "bob", "carl"), parse("(@ada) cc:@bob\n@carl"));
    }

    @Test
    void emailAddressesAreNotMentions() {
        assertTrue(parse("write to ada@example.com or a.b@c.d").isEmpty());
    }

    @Test
    void trailingDotAndDashAreNotPartOfTheName() {
        assertEquals(List.of("ada.l", "bob"), parse("thanks @ada.l. and @bob-"));
    }

    @Test
    void namesMayContainDotsDashesAndUnderscores() {
        assertEquals(List.of("ada_l-2.x"), parse("@ada_l-2.x"));
    }

    @Test
    void mentionsInsideCodeAreIgnored() {
        assertEquals(List.of("real"), parse("use `@Inject` here\n```java\n@Override\n@ada\n```\nthen @real"));
    }

    @Test
    void aLoneAtSignIsNothing() {
        assertTrue(parse("a @ b and @ and @@").isEmpty());
        assertTrue(parse(null).isEmpty());
    }
}
