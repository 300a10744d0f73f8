package dev.specboard.web;

/**
 * Which page of a list a request shows: the page asked for, kept between the first and the last (an empty list has one
 * page), so a link to a page that no longer exists shows the last one instead of nothing.
 */
public record PageNumbers(int page, int pages, long total, int size) {

    /**
     * The page asked for ({@code null}: the first; {@link QueryValues#page} refuses zero and below) of {@code total} rows
     * shown {@code size} at a time.
     */
    public static PageNumbers of(Integer requested, long total, int size) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = requested == null || requested < 1 ? 1 : Math.min(requested, pages);
        return new PageNumbers(page, pages, total, size);
    }

    /** How many rows come before this page. */
    public int offset() {
        return (page - 1) * size;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
