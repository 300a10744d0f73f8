package dev.specboard.story;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarsTest {

    @Test
    void recognisesEveryEarsPatternAndNumbersThem() {
        String ac = """
                Some intro text that is not a requirement.
                - WHEN the user submits the form THE SYSTEM SHALL save the story
                * IF the title is empty, THEN the system shall show an error
                1. While offline, the app shall queue changes
                WHERE exports are enabled THE SYSTEM SHALL offer CSV
                The system shall log every approval.
                """;
        List<Ears.Requirement> r = Ears.recognise(ac);
        assertEquals(5, r.size());
        assertEquals(new Ears.Requirement(1, "event-driven", "WHEN the user submits the form THE SYSTEM SHALL save the story"), r.get(0));
        assertEquals("unwanted behaviour", r.get(1).kind());
        assertEquals("state-driven", r.get(2).kind());
        assertEquals("While offline, the app shall queue changes", r.get(2).text());
        assertEquals("optional feature", r.get(3).kind());
        assertEquals("ubiquitous", r.get(4).kind());
        assertEquals(5, r.get(4).number());
    }

    @Test
    void linesWithoutShallOrWithoutTheKeywordsAreNotRequirements() {
        assertTrue(Ears.recognise("WHEN the user clicks save\nthe button is blue\nIf it works, great, it shall be\nshall we?").isEmpty());
        assertTrue(Ears.recognise(null).isEmpty());
        assertTrue(Ears.recognise("  ").isEmpty());
    }

    @Test
    void boldAndCheckboxMarkupIsIgnored() {
        List<Ears.Requirement> r = Ears.recognise("- [ ] **WHEN** a lead approves **THE SYSTEM SHALL** notify the author");
        assertEquals(1, r.size());
        assertEquals("WHEN a lead approves THE SYSTEM SHALL notify the author", r.get(0).text());
    }
}
