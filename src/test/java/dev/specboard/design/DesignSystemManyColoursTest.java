package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.web.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mockup of thousands of distinct colours: the recompute stores them all as tokens but proposes only the most used
 * as thoughts, one more thought counting the rest. It used to write a thought per colour and, over several such pages,
 * compare every pair of colours past the transaction's timeout, so the design system never caught up.
 */
@QuarkusTest
class DesignSystemManyColoursTest {

    @Inject
    TestData data;

    @Inject
    DesignSystemWorker worker;

    @Test
    void aRecomputeOfThreeThousandColoursProposesAtMostTheCapOfThoughts() {
        TestData.Team t = data.team();
        StringBuilder css = new StringBuilder(":root { --brand: #dc2626; } .b { color: var(--brand); } .c { background: var(--brand); }\n");
        for (int i = 1; i <= 3_000; i++) {
            css.append(".c").append(i).append(" { color: ").append(String.format("#%06x", i * 5573)).append("; }\n");
        }
        PageResourceTest.createPage(t, "Home", "/", null, "<main><h1 class='b'>Hi</h1></main>", css.toString());
        DesignSystem ds = settled(t);
        DesignTokens.Tokens tokens = DesignJson.read(ds.tokens, DesignTokens.Tokens.class, DesignTokens.Tokens.none());
        assertEquals(3_001, tokens.colors().size(), "every colour is a token of the design system");

        List<Thought> chain = QuarkusTransaction.requiringNew().call(() -> Thought.<Thought>list("projectId = ?1 and (subjectKey like 'token:%' "
                + "or subjectKey = ?2)", t.project().id, ThoughtService.MORE_COLOURS));
        List<Thought> proposed = chain.stream().filter(th -> th.subjectKind().equals("token")).toList();
        assertEquals(ThoughtService.TOKEN_THOUGHTS, proposed.size(), "the most used colours are proposed one by one");
        assertTrue(proposed.stream().anyMatch(th -> th.subjectKey.equals("token:#dc2626")), "the most used colour is among them");
        Thought more = chain.stream().filter(th -> th.subjectKey.equals(ThoughtService.MORE_COLOURS)).findFirst().orElseThrow();
        assertTrue(more.reasoning.startsWith("The mockups use 2801 more colours"), more.reasoning);
        assertEquals("observation", more.thoughtType);
    }

    @Test
    void aStoppingInstanceClaimsNoRecompute() {
        boolean was = Stopping.set(true);
        try {
            assertEquals(0, worker.drain(), "a stop does not wait for a round of recomputes");
        } finally {
            Stopping.set(was);
        }
    }

    /** The project's design system once its recompute has run (right after the save, and every few seconds). */
    private static DesignSystem settled(TestData.Team t) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            DesignSystem ds = QuarkusTransaction.requiringNew().call(() -> DesignSystem.forProject(t.project().id).orElseThrow());
            if (ds.recomputeRequestedAt == null && ds.computedAt != null) {
                return ds;
            }
            assertTrue(Instant.now().isBefore(deadline), "the design system was not recomputed in time");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
