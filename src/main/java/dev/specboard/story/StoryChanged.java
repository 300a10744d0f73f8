package dev.specboard.story;

import java.util.UUID;

/**
 * Fired synchronously, inside the editing transaction, when an approved story gets a new version:
 * whatever was derived from it (contexts, components, specs) observes this to mark itself dirty.
 */
public record StoryChanged(UUID projectId, UUID storyId, int storyNumber) {
}
