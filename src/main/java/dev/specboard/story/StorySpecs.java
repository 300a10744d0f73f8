package dev.specboard.story;

import java.util.List;
import java.util.UUID;

/**
 * The technical specs that implement a story, as its page lists them. Specs belong to spec, which links to stories and
 * implements this; story only shows them.
 */
public interface StorySpecs {

    /** The story's specs by number, in one query. */
    List<Linked> forStory(UUID projectId, int storyNumber);

    /** A spec as the story's page names it: key, title and status (as stored and as read). */
    record Linked(String key, String title, String status, String statusLabel) {
    }
}
