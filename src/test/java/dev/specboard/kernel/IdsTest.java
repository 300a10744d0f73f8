package dev.specboard.kernel;

import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdsTest {

    @Test
    void readsAnIdWithBlanksAround() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.parseOrNull(" " + id + "\n"));
    }

    @Test
    void nullBlankAndMalformedTextNameNoId() {
        assertNull(Ids.parseOrNull(null));
        assertNull(Ids.parseOrNull(""));
        assertNull(Ids.parseOrNull("   "));
        assertNull(Ids.parseOrNull("not-an-id"));
        assertNull(Ids.parseOrNull("1-2-3-4-5-6"));
    }

    @Test
    void anIdThatNamesNothingAnswers404WithTheCallersMessage() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.parseOr404(" " + id, "No such page"));
        for (String text : new String[] {null, "", " ", "not-an-id"}) {
            ApiException e = assertThrows(ApiException.class, () -> Ids.parseOr404(text, "No such page"));
            assertEquals(404, e.status());
            assertEquals("No such page", e.getMessage());
        }
    }
}
