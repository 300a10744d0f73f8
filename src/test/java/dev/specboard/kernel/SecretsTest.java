package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void aNewValueFitsAUrlPathAndIsNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String v = Secrets.newValue();
            assertTrue(v.matches("[A-Za-z0-9_-]{43}"), v);
            assertTrue(seen.add(v), "repeated: " + v);
        }
    }

    @Test
    void theHashIsTheHexSha256OfTheUtf8Text() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
        assertEquals(64, Secrets.hash("é").length());
    }
}
