package dev.specboard.spec;

import java.util.UUID;

/**
 * CDI event: a task changed status (notifications tell the spec's author about claims, completions and failures, and
 * the account that held the task when someone else released it or marked it failed: {@code holderId}, null when none).
 */
public record TaskTransitioned(UUID projectId, String taskKey, TaskStatus from, TaskStatus to, UUID actorAccountId,
                               UUID specAuthorId, UUID holderId) {

    public TaskTransitioned(UUID projectId, String taskKey, TaskStatus from, TaskStatus to, UUID actorAccountId, UUID specAuthorId) {
        this(projectId, taskKey, from, to, actorAccountId, specAuthorId, null);
    }

    /** Someone other than its holder took the task away from them (a lead's release or failure); never a lapsed lease. */
    public boolean takenFromHolder() {
        return holderId != null && actorAccountId != null && !holderId.equals(actorAccountId) && from.isHeld()
                && (to == TaskStatus.PENDING || to == TaskStatus.FAILED);
    }
}
