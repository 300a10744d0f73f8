package dev.specboard.design;

import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One analysis reads a bounded part of a large mockup and keeps no declaration it has measured; analyses at once are bounded. */
class MockupAnalysisBoundsTest {

    /** The tester's body: about 264 KB, 4,800 elements each with a style attribute. */
    static String largeMockup(int n) {
        return "<p>" + n + "-salt</p>" + "<i class=\"c\" style=\"color:#0a0b0c;margin:4px\">a</i>".repeat(4_800);
    }

    @Test
    void aLargeMockupIsReadUpToTheCapAndMarkedPartial() {
        String html = largeMockup(1);
        assertTrue(html.length() > 240_000 && html.length() <= MockupForm.MAX, "about 264 KB, under the limit: " + html.length());
        MockupStyles styles = new MockupStyles();
        MockupAnalysis a = MockupAnalyzer.analyze(html, "", "", styles);
        assertTrue(a.partial(), "4,800 styled elements are more than one analysis reads");
        assertEquals(2 * MockupAnalyzer.MAX_STYLED_ELEMENTS, styles.declarationsRead, "two declarations of each of the first styled elements");
        assertEquals(0, styles.pending(), "declarations without var() are measured as read, none kept");
        assertEquals(MockupAnalyzer.MAX_STYLED_ELEMENTS, a.colorUsage().get(0).count());
        assertEquals("#0a0b0c", a.colorUsage().get(0).value());
        assertEquals(List.of(4d), a.spacingAnalysis().values().stream().map(MockupAnalysis.Measure::px).toList());
        assertTrue(DesignJson.write(a).length() < 2_000, "the stored analysis stays small");
    }

    @Test
    void declarationsAreCappedAndOnlyThoseUsingCustomPropertiesWait() {
        String css = ":root { --c: #0a0b0c; }" + ".a { color: var(--c); }".repeat(30_000);
        MockupStyles styles = new MockupStyles();
        MockupAnalysis a = MockupAnalyzer.analyze("<p class='a'>x</p>", css, "", styles);
        assertTrue(a.partial());
        assertEquals(MockupAnalyzer.MAX_DECLARATIONS, styles.declarationsRead);
        assertEquals(MockupAnalyzer.MAX_DECLARATIONS - 1, a.colorUsage().get(0).count(), "every var() use read is counted once the custom properties are known");
        assertEquals(0, styles.pending());
    }

    @Test
    void aSmallMockupIsWholeAndAStyleCannotReachIntoItsNeighbour() {
        MockupAnalysis a = MockupAnalyzer.analyze("<a href='/x' style='color:#111111}#s1{color:#222222'>x</a><button style='background:#333333'>b</button>"
                + "<p style='border:1px solid rgb(1, 2, 3)'>p</p><svg><rect fill='gold'/></svg>", "");
        assertFalse(a.partial());
        List<String> used = a.colorsUsed();
        assertTrue(used.containsAll(List.of("#333333", "#010203", "#ffd700")), used.toString());
        assertFalse(a.colorUsage().stream().anyMatch(c -> c.value().equals("#222222") && c.contexts().contains("buttons")), a.colorUsage().toString());
        assertTrue(a.colorUsage().stream().filter(c -> c.value().equals("#333333")).findFirst().orElseThrow().contexts().contains("buttons"));
    }

    @Test
    void interactionsAreCapped() {
        MockupAnalysis a = MockupAnalyzer.analyze("<a href='/x'>x</a>".repeat(MockupAnalyzer.MAX_INTERACTIONS + 10), "");
        assertEquals(MockupAnalyzer.MAX_INTERACTIONS, a.interactions().size());
        assertTrue(a.partial());
    }

    @Test
    void anAnalysisThatFindsNoTurnAnswersBusyNotDatabaseUnreachableAndTheOtherKindsKeepTheirTurns() {
        DesignWork work = new DesignWork();
        work.analysesAtOnce = 1;
        work.rendersAtOnce = 1;
        work.waitSeconds = 0;
        work.init();
        try (dev.specboard.kernel.HeavyWork.Turn held = work.analyses().turn()) {
            ApiException busy = assertThrows(ApiException.class, () -> work.analyses().run(() -> MockupAnalyzer.analyze(largeMockup(2), "")));
            assertEquals(503, busy.status());
            assertEquals(5, busy.retryAfterSeconds());
            assertEquals("Specboard is busy; try again in a few seconds.", busy.getMessage());
            assertTrue(work.renders().run(() -> MockupDocument.render(largeMockup(2), "", "")).contains("0a0b0c"), "frames have turns of their own");
        }
        assertFalse(work.analyses().run(() -> MockupAnalyzer.analyze("<p>x</p>", "")).partial(), "the turn given back is taken again");
    }
}
