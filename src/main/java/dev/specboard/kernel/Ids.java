package dev.specboard.kernel;

import java.util.UUID;

/** Reads the ids that arrive as text in paths, forms and stored answers, where a malformed one means "no such thing". */
public final class Ids {

    private Ids() {
    }

    /** The id the text names (surrounding blanks ignored), or null for null, blank or malformed text: callers answer 404 or a field error, never a 500. */
    public static UUID parseOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
