package dev.specboard.design;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceDiffTest {

    @Test
    void versionsThatDifferThroughoutAreTooLargeAndLongDiffsShowAtMostMaxRows() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        SourceDiff.Section huge = SourceDiff.section("HTML", a.toString(), b.toString());
        assertTrue(huge.tooLarge());
        assertTrue(huge.changed());
        assertTrue(huge.lines().isEmpty());

        SourceDiff.Section oneChange = SourceDiff.section("HTML", a.toString(), a.toString().replace("a4000\n", "changed\n"));
        assertFalse(oneChange.tooLarge());
        assertEquals(1, oneChange.added());
        assertEquals(1, oneChange.removed());
        assertEquals(SourceDiff.MAX_ROWS, oneChange.lines().size());
        assertEquals(5002 - SourceDiff.MAX_ROWS, oneChange.hidden());
    }

    @Test
    void equalVersionsAreUnchangedWithoutRowsAndLongVersionsAreComparedUpToTheirFirstLines() {
        String same = "<p>x</p>\n".repeat(100_000);
        SourceDiff.Section unchanged = SourceDiff.section("HTML", same, same.replace("\n", "\r\n"));
        assertFalse(unchanged.changed());
        assertTrue(unchanged.lines().isEmpty());
        assertEquals(SourceDiff.section("CSS", null, ""), SourceDiff.section("CSS", "", null));

        StringBuilder a = new StringBuilder();
        for (int i = 0; i < SourceDiff.MAX_LINES + 10_000; i++) {
            a.append("l").append(i).append('\n');
        }
        String before = a.toString();
        SourceDiff.Section early = SourceDiff.section("HTML", before, before.replace("\nl10\n", "\nchanged\n"));
        assertTrue(early.partial());
        assertEquals(1, early.added());
        assertEquals(1, early.removed());
        assertEquals(SourceDiff.MAX_ROWS, early.lines().size());
        assertEquals(SourceDiff.MAX_LINES + 1 - SourceDiff.MAX_ROWS, early.hidden(), "rows of the lines read only");
        assertEquals("20,000", early.maxLines());

        SourceDiff.Section late = SourceDiff.section("HTML", before, before.replace("\nl25000\n", "\nchanged\n"));
        assertTrue(late.partial());
        assertTrue(late.changed(), "a change past the lines read still shows as a change");
        assertEquals(0, late.added() + late.removed());

        SourceDiff.Section shortOnes = SourceDiff.section("HTML", "a\nb\n", "a\nc\n");
        assertFalse(shortOnes.partial());
        assertEquals(java.util.List.of("same", "removed", "added", "same"), shortOnes.lines().stream().map(SourceDiff.Line::kind).toList());
    }
}
