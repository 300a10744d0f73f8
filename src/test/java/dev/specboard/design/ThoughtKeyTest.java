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

    @Test
    void aLinkNamesItsSubjectInWordsNotByItsKey() {
        java.util.UUID id = java.util.UUID.randomUUID();
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("entity:Contact", "entity Contact");
        labels.put("field:Contact.email", "field email of Contact");
        labels.put("relationship:Contact.company", "relationship company of Contact");
        labels.put("question:Company", "question about Company");
        labels.put("token:#1e293b", "colour #1e293b");
        labels.put("feature:Contact/" + id, "feature for Contact");
        labels.put("operation:" + id + ".creates.Contact", "creates Contact");
        labels.put("branch:" + id + ".pay.Card declined", "branch Card declined of pay");
        // "Builds on: observation:/home#form-1" beside "Leads to: entity User": an observation is named in words too.
        labels.put("observation:/home#form-1", "form 1 on /home");
        labels.put("observation:/lessons/all#table-2", "table 2 on /lessons/all");
        labels.put("observation:/#cards-1", "card grid 1 on /");
        labels.put("observation:/contacts", "observation on /contacts");
        labels.put("observation:seeded-1", "observation seeded-1");
        labels.forEach((key, label) -> {
            Thought t = new Thought();
            t.subjectKey = key;
            assertEquals(label, t.subjectLabel(), key);
        });
        Thought none = new Thought();
        none.thoughtType = "inference";
        assertEquals("inference", none.subjectLabel(), "a thought without a subject is named by its type");
    }
}
