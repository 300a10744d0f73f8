package dev.specboard.api;

import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;

import java.util.List;

/**
 * The lists of an API body (and so of the MCP tools that call the API with one), checked before any entry is worked on:
 * at most so many entries, and none of them null. A body of 5000 story numbers was looked up number by number before it
 * was refused for its length in characters, and {@code [null]} was dropped without a word, as if the entry had not been sent.
 */
final class BodyLists {

    /** The most entries a list of words or numbers in a body takes (business rules, key elements, story numbers...). */
    static final int MAX_ENTRIES = 100;

    /** The most pages one reordering names: the pages under one parent. */
    static final int MAX_ORDERED = 1000;

    private final FormErrors errors = FormErrors.none();

    static BodyLists check() {
        return new BodyLists();
    }

    /** What a null entry of a list of words or numbers is told. */
    static final String NULL_ENTRY = "An entry is a value, not null: leave it out instead";

    /**
     * A list of at most {@code max} entries, none null, each null named {@code field[i]} with {@code nullEntry} (a list of
     * objects says what the object is); left out (null) is fine. Too long, its entries are not looked at.
     */
    BodyLists list(String field, List<?> values, int max, String nullEntry) {
        if (values == null) {
            return this;
        }
        if (values.size() > max) {
            errors.add(field, tooMany(max, values.size()));
            return this;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(field + "[" + i + "]", nullEntry);
            }
        }
        return this;
    }

    /** A list of words or numbers of at most {@code max} entries, none null. */
    BodyLists list(String field, List<?> values, int max) {
        return list(field, values, max, NULL_ENTRY);
    }

    /** A list of words or numbers of at most {@link #MAX_ENTRIES}, none null. */
    BodyLists list(String field, List<?> values) {
        return list(field, values, MAX_ENTRIES);
    }

    /** Refuses the body (422 naming each list) when any list broke its rule. */
    void refuse() {
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }

    /** The message for a list longer than it may be, naming the limit. */
    static String tooMany(int max, int given) {
        return "At most " + max + " entries; this list has " + given;
    }
}
