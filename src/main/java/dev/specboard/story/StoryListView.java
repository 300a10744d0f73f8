package dev.specboard.story;

import dev.specboard.web.PageNumbers;

import java.util.List;

/** One page of the filtered story list. */
public record StoryListView(List<StoryRow> rows, PageNumbers at, StoryFilter filter) {
}
