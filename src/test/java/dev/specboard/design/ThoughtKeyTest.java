package dev.specboard.design;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThoughtKeyTest {

    @Test
    void aSubjectThatFitsIsItsOwnKey() {
        assertEquals("entity:Contact", Thought.key("entity:Contact"));
        String fits = "observation:/" + "a".repeat(300 - 13);
        assertEquals(fits, Thought.key(fits));
    }

    @Test
    void longSubjectsAlikeAtTheStartGetDistinctStableKeysThatKeepTheirStart() {
        String start = "branch:" + java.util.UUID.randomUUID() + ".q.";
        String one = start + "x".repeat(300) + " one";
        String two = start + "x".repeat(300) + " two";
        assertEquals(300, Thought.key(one).length());
        assertNotEquals(Thought.key(one), Thought.key(two));
        assertEquals(Thought.key(one), Thought.key(one), "the same subject always finds the row it made");
        assertTrue(Thought.key(one).startsWith(start), "a prefix query for the journey's questions finds it");
        assertTrue(Thought.key(one).startsWith(one.substring(0, Thought.MAX_PREFIX)));
    }

    @Test
    void aKeyNeverEndsInHalfACharacter() {
        String subject = "observation:/" + "a".repeat(Thought.MAX_PREFIX - 14) + "\uD83D\uDE00" + "b".repeat(100);
        String key = Thought.key(subject);
        assertTrue(key.length() <= 300);
        assertFalse(Character.isHighSurrogate(key.charAt(key.indexOf('#', Thought.MAX_PREFIX - 2) - 1)), key);
    }
}
