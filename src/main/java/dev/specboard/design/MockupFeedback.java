package dev.specboard.design;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What people said about one mockup version (seed 004's {@code user_feedback}), stored as {@code {"notes": [...]}} in
 * the order written; notes are only ever appended, in one statement, so two people writing at once both keep theirs.
 */
public record MockupFeedback(List<Note> notes) {

    /** Longer feedback belongs in a review thread or a design doc. */
    public static final int MAX_CHARS = 4000;

    /** One note: who wrote it (an account id, named when shown), what and when. */
    public record Note(UUID authorId, String text, Instant at) {
    }

    /** A note as shown: its author's username (null for an account that is gone). */
    public record Shown(String author, String text, Instant at) {
    }

    public MockupFeedback {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static MockupFeedback of(Mockup m) {
        return DesignJson.read(m.userFeedback, MockupFeedback.class, new MockupFeedback(List.of()));
    }
}
