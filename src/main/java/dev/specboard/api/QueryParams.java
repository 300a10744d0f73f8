package dev.specboard.api;

import dev.specboard.web.QueryValues;

import java.util.UUID;

/**
 * Reads the API's typed query parameters from their text. JAX-RS answers a query value that does not convert
 * ({@code ?limit=abc}) with 404, as if the path were unknown; the API contract answers malformed input with 400
 * naming the parameter, so the API takes such parameters as text and reads them here, with the rules
 * {@link QueryValues} applies to the typed query parameters of every route.
 */
final class QueryParams {

    private QueryParams() {
    }

    /** A whole number, or null when absent or blank. */
    static Integer wholeNumber(String name, String raw) {
        return QueryValues.wholeNumber(name, raw);
    }

    /** A list's page number, from 1, or null when absent or blank (the first page). */
    static Integer page(String raw) {
        return QueryValues.page(raw);
    }

    /** An id, or null when absent or blank. */
    static UUID id(String name, String raw) {
        return QueryValues.id(name, raw);
    }

    /** true or false; absent or blank is false. */
    static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name, "must be true or false");
        };
    }

    /**
     * One of the allowed values (as spelled there; case, surrounding space and a dash for an underscore do not matter), or
     * null when absent or blank. An unknown value is malformed, never read as "no filter": a typo would list everything.
     */
    static String oneOf(String name, String raw, java.util.List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String given = raw.strip().replace('-', '_');
        for (String value : allowed) {
            if (value.equalsIgnoreCase(given)) {
                return value;
            }
        }
        throw malformed(name, "must be one of " + String.join(", ", allowed));
    }

    /** {@link #oneOf(String, String, java.util.List)} for an enum whose values the API spells as {@code spelling} gives them. */
    static <E extends Enum<E>> E oneOf(String name, String raw, E[] values, java.util.function.Function<E, String> spelling) {
        String value = oneOf(name, raw, java.util.Arrays.stream(values).map(spelling).toList());
        return value == null ? null : java.util.Arrays.stream(values).filter(v -> spelling.apply(v).equals(value)).findFirst().orElseThrow();
    }

    private static QueryValues.Malformed malformed(String name, String expected) {
        return new QueryValues.Malformed(name, expected);
    }
}
