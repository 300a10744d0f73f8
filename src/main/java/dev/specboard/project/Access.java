package dev.specboard.project;

import java.util.UUID;

/**
 * The outcome of the access check for one request: the project, the caller's effective role in it
 * (an admin counts as owner; a project token is capped at its role) and who the caller is.
 */
public record Access(Project project, Role role, UUID accountId) {

    public boolean can(Role needed) {
        return role.atLeast(needed);
    }

    public boolean isOwner() {
        return can(Role.OWNER);
    }

    public boolean isLead() {
        return can(Role.LEAD);
    }

    public boolean isMember() {
        return can(Role.MEMBER);
    }

    public boolean isReviewer() {
        return can(Role.REVIEWER);
    }

    public String slug() {
        return project.slug;
    }
}
