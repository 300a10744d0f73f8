package dev.specboard.spec;

import java.util.UUID;

/** CDI event: a task changed status (notifications tell the spec's author about claims, completions and failures). */
public record TaskTransitioned(UUID projectId, String taskKey, TaskStatus from, TaskStatus to, UUID actorAccountId,
                               UUID specAuthorId) {
}
