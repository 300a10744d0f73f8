package dev.specboard.spec;

import java.util.UUID;

/**
 * CDI event: the specs linked to a story changed in a way that may change whether all are complete (one was linked,
 * unlinked, or left complete because a task reopened), so the story follows them ({@link SpecRollups}).
 */
public record StorySpecsChanged(UUID projectId, int storyNumber) {
}
