package dev.specboard.people;

import dev.specboard.story.Story;
import dev.specboard.story.StoryStage;

import java.time.Instant;
import java.util.UUID;

/** A story the person wrote, linked by its number, with where it stands. */
public record AuthoredStoryRow(UUID projectId, int number, String title, String status, String review, Instant createdAt) {

    public String key() {
        return Story.key(number);
    }

    public StoryStage stage() {
        return StoryStage.of(status, review);
    }
}
