package dev.specboard.api;

import io.quarkus.arc.Arc;

import java.util.ArrayList;
import java.util.List;

/**
 * A list tool's rows when another page follows ({@link ListPaging}): still the JSON array of its rows, carrying the
 * page to ask for next, which {@link ItemsContent} gives as {@code nextPage} and in words.
 */
final class PagedRows<T> extends ArrayList<T> {

    private final int nextPage;

    private PagedRows(List<T> rows, int nextPage) {
        super(rows);
        this.nextPage = nextPage;
    }

    int nextPage() {
        return nextPage;
    }

    /** A tool's answer as it is, or, when it is a page of a list that goes on, as {@link PagedRows}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T of(T answer) {
        if (!(answer instanceof List<?> rows) || !Arc.container().requestContext().isActive()) {
            return answer;
        }
        Integer next = Arc.container().instance(ListPaging.class).get().nextPage();
        return next == null ? answer : (T) new PagedRows(rows, next);
    }
}
