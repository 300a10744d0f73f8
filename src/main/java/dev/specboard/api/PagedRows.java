package dev.specboard.api;

import io.quarkus.arc.Arc;

import java.util.ArrayList;
import java.util.List;

/**
 * A list tool's rows when another page follows or the list was ranked from only part of its matches ({@link ListPaging}):
 * still the JSON array of its rows, carrying the page to ask for next and that partial ranking, which {@link ItemsContent}
 * gives as {@code nextPage} and {@code partial} and in words.
 */
final class PagedRows<T> extends ArrayList<T> {

    private final Integer nextPage;

    private final boolean partial;

    private final Long total;

    private PagedRows(List<T> rows, Integer nextPage, boolean partial, Long total) {
        super(rows);
        this.nextPage = nextPage;
        this.partial = partial;
        this.total = total;
    }

    /** The rows of the whole list, or null when the list did not count them. */
    Long total() {
        return total;
    }

    /** The page to ask for next, or null on the last page. */
    Integer nextPage() {
        return nextPage;
    }

    boolean partial() {
        return partial;
    }

    /** A tool's answer as it is, or, when it is a page of a list that goes on, as {@link PagedRows}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T of(T answer) {
        if (!(answer instanceof List<?> rows) || !Arc.container().requestContext().isActive()) {
            return answer;
        }
        ListPaging paging = Arc.container().instance(ListPaging.class).get();
        Integer next = paging.nextPage();
        return next == null && !paging.partial() ? answer : (T) new PagedRows(rows, next, paging.partial(), paging.total());
    }
}
