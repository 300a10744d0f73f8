package dev.specboard.story;

import java.util.List;

/** One page of the filtered story list. */
public record StoryListView(List<StoryRow> rows, long total, int page, int pages, StoryFilter filter) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public String previousQuery() {
        return filter.query(page - 1);
    }

    public String nextQuery() {
        return filter.query(page + 1);
    }
}
