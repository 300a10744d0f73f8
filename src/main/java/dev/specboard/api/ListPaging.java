package dev.specboard.api;

import jakarta.enterprise.context.RequestScoped;

import java.util.List;

/**
 * Where the page of an API list this request answers stands: whether another page follows and how many rows there are
 * in all (every paged list counts them, in one statement at most, under the filters of its page). {@link PagingLinks} turns it into the {@code Link} and {@code X-Total-Count}
 * headers, {@link McpTools#call} into a list tool's {@code nextPage}; the answer's JSON stays the bare array.
 */
@RequestScoped
public class ListPaging {

    private int page;

    private boolean next;

    private Long total;

    private int size;
    private boolean partial;

    /** Page {@code page} (null: the first) of a list the service gives whole, {@link QueryParams#PAGE_SIZE} rows a page. */
    public <T> List<T> of(List<T> all, Integer page) {
        counted(page, all.size(), QueryParams.PAGE_SIZE);
        return QueryParams.page(all, page);
    }

    /**
     * A list answered whole, every row at once (no {@code page} asked of a list the contract gives whole): its size is its
     * total, as on its pages, and no other page exists. Answers {@code all}.
     */
    public <T> List<T> whole(List<T> all) {
        whole(all.size());
        return all;
    }

    /** A list of {@code total} rows answered whole (see {@link #whole(List)}), written as it is read. */
    public void whole(long total) {
        record(1, false, total, (int) Math.max(1, Math.min(Integer.MAX_VALUE, total)));
    }

    /**
     * Marks the list as ranked from only part of its matches (a search where more matched than it ranks): the client
     * learns that refining the query may find better rows, not only that more pages follow.
     */
    public void partial(boolean partial) {
        this.partial = partial;
    }

    /** Page {@code page} of a list of {@code total} rows (which its service counted anyway), {@code size} a page. */
    public void counted(Integer page, long total, int size) {
        record(page, (long) first(page) * size < total, total, size);
    }

    private void record(Integer page, boolean next, Long total, int size) {
        this.page = first(page);
        this.next = next;
        this.total = total;
        this.size = size;
    }

    private static int first(Integer page) {
        return page == null ? 1 : Math.max(1, page);
    }

    /** Whether this request answered a page of a list (0 when it did not). */
    int page() {
        return page;
    }

    /** The page after this one, or null when this is the last (or the request answered no list). */
    Integer nextPage() {
        return page > 0 && next ? page + 1 : null;
    }

    /** The list's last page (1 for an empty list), or null when the list did not count its rows. */
    Integer lastPage() {
        return page == 0 || total == null || size <= 0 ? null : (int) Math.max(1, (total + size - 1) / size);
    }

    /** Whether the list was ranked from only part of its matches. */
    boolean partial() {
        return partial;
    }

    /** The rows of the whole list, or null when the list did not count them. */
    Long total() {
        return total;
    }
}
