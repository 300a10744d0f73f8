package dev.specboard.story;

import java.util.UUID;

/** Fired synchronously, inside the approving transaction, when a lead approves a story's current version. */
public record StoryApproved(UUID projectId, UUID storyId, int storyNumber) {
}
