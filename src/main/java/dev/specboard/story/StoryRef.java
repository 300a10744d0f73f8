package dev.specboard.story;

import java.util.UUID;

/** A story as listed inside a context. */
public record StoryRef(UUID contextId, UUID storyId, int number, String title, String status, String review,
                       boolean dirty, int version, Integer approvedVersion) {

    public String key() {
        return Story.key(number);
    }

    public StoryStage stage() {
        return StoryStage.of(status, review);
    }
}
