package dev.specboard.web;

import java.util.List;
import java.util.Optional;

/**
 * Reads a list page's filters that name one of a fixed set of values ({@code ?status=open}). An unknown value is never
 * read as "any", which would list everything as if it were the answer to a typo: it is named as a problem of its filter,
 * and the page answers 422 with nothing listed ({@link #listed}), like a refused form re-rendered. The API refuses the same
 * values with 422 ({@code api.QueryParams}), both matching them by {@link #match}.
 */
public final class FilterChoices {

    private final FormErrors errors = FormErrors.none();

    /**
     * One of {@code allowed} as spelled there, matched ignoring case, surrounding space and a dash for an underscore; empty
     * when {@code raw} is absent or blank or names none of them (the caller says which).
     */
    public static Optional<String> match(String raw, List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String given = raw.strip().replace('-', '_');
        return allowed.stream().filter(given::equalsIgnoreCase).findFirst();
    }

    /**
     * The allowed value the filter {@code name} names, "" for no filter; an unknown one is recorded ("There is no status
     * “bogus”: choose draft or ready", {@code what} naming the filter in that sentence) and read as "".
     */
    public String oneOf(String name, String what, String raw, List<String> allowed) {
        Optional<String> value = match(raw, allowed);
        if (value.isEmpty() && raw != null && !raw.isBlank()) {
            refuse(name, what, raw, choices(allowed));
        }
        return value.orElse("");
    }

    /** Refuses the filter {@code name}, whose value {@code raw} names no {@code what}, saying what to {@code choose} instead. */
    public void refuse(String name, String what, String raw, String choose) {
        String given = InputGuard.printable(raw.strip());
        given = given.length() > 60 ? given.substring(0, 60) + "\u2026" : given;
        errors.add(name, "There is no " + what + " \u201c" + given + "\u201d: choose " + choose);
    }

    /** The filters that were refused, by query parameter; none when every value was known. */
    public FormErrors errors() {
        return errors;
    }

    public boolean refused() {
        return errors.any();
    }

    /** The rows to list: none when a filter was refused, as the page shows the problem instead. */
    public <T> List<T> listed(java.util.function.Supplier<List<T>> rows) {
        return refused() ? List.of() : rows.get();
    }

    /** The page with 200, or 422 when a filter was refused. */
    public jakarta.ws.rs.core.Response answer(Object page) {
        return refused() ? Htmx.invalid(page) : Htmx.page(page);
    }

    /** The allowed values as a choice in words: "draft, ready or done". */
    public static String choices(List<String> allowed) {
        if (allowed.size() < 2) {
            return String.join("", allowed);
        }
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }
}
