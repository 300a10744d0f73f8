package dev.specboard.api;

import dev.specboard.web.QueryValues;

/**
 * Reads the API's query parameters that name one of a fixed set of values ({@code ?status=open}). An unknown value is
 * refused with 400 naming the parameter, as {@link QueryValues} refuses a malformed number, id or flag on every route.
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * One of the allowed values (as spelled there; case, surrounding space and a dash for an underscore do not matter), or
     * null when absent or blank. An unknown value is malformed, never read as "no filter": a typo would list everything.
     */
    static String oneOf(String name, String raw, java.util.List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        java.util.Optional<String> value = dev.specboard.web.FilterChoices.match(raw, allowed);
        if (value.isPresent()) {
            return value.get();
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
