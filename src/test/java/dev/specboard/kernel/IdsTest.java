package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
