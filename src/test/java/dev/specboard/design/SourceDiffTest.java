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
}
