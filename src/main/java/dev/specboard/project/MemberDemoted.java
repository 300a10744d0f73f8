package dev.specboard.project;

import dev.specboard.kernel.Role;

import java.util.UUID;

/** A member's role went below the one that works tasks (fired in the role change's transaction). */
public record MemberDemoted(UUID projectId, UUID accountId, Role role) {
}
