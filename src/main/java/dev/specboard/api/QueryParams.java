package dev.specboard.api;

import dev.specboard.web.QueryValues;

/**
 * Reads the API's query parameters that name one of a fixed set of values ({@code ?status=open}). An unknown value is
 * refused with 422 naming the parameter in {@code details}, as the pages answer 422 to the same filter; 400 stays for a
 * value {@link QueryValues} cannot read at all (a malformed number, id or flag).
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * One of the allowed values (as spelled there; case, surrounding space and a dash for an underscore do not matter), or
     * null when absent or blank. An unknown value is refused (422 naming the parameter), never read as "no filter": a typo would list everything.
     */
    static String oneOf(String name, String raw, java.util.List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        java.util.Optional<String> value = dev.specboard.web.FilterChoices.match(raw, allowed);
        if (value.isPresent()) {
            return value.get();
        }
        throw QueryValues.unknownChoice(name, "must be one of " + String.join(", ", allowed));
    }

    /** {@link #oneOf(String, String, java.util.List)} for an enum whose values the API spells as {@code spelling} gives them. */
    static <E extends Enum<E>> E oneOf(String name, String raw, E[] values, java.util.function.Function<E, String> spelling) {
        String value = oneOf(name, raw, java.util.Arrays.stream(values).map(spelling).toList());
        return value == null ? null : java.util.Arrays.stream(values).filter(v -> spelling.apply(v).equals(value)).findFirst().orElseThrow();
    }

    /** How many rows a page of an API list holds when the list does not say otherwise (features, journeys, jobs, plans). */
    static final int PAGE_SIZE = 50;

    /**
     * Page {@code page} (null: the first) of a list the service gives whole, {@link #PAGE_SIZE} rows a page as the lists
     * paged in the database are; past the last page an empty list, so a client asking for the next page until one comes
     * back short stops.
     */
    static <T> java.util.List<T> page(java.util.List<T> all, Integer page) {
        long from = ((page == null ? 1L : Math.max(1L, page)) - 1) * PAGE_SIZE;
        return from >= all.size() ? java.util.List.of() : all.subList((int) from, (int) Math.min(all.size(), from + PAGE_SIZE));
    }
}
