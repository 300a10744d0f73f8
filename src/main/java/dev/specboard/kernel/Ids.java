package dev.specboard.kernel;

import dev.specboard.web.ApiException;

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

    /** The id the text names, as {@link #parseOrNull}; null, blank or malformed text answers 404 with {@code message}, as an unknown id does. */
    public static UUID parseOr404(String s, String message) {
        UUID id = parseOrNull(s);
        if (id == null) {
            throw ApiException.notFound(message);
        }
        return id;
    }
}
