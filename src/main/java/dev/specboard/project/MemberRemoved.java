package dev.specboard.project;

import java.util.UUID;

/** Someone was removed from a project (fired in the removal's transaction). */
public record MemberRemoved(UUID projectId, UUID accountId) {
}
