package dev.specboard.project;

import dev.specboard.kernel.Role;
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

    /**
     * Refuses a change to an archived project with 409; every service that changes project content
     * calls this after the role check.
     */
    public Access requireWritable() {
        if (project.isArchived()) {
            throw dev.specboard.web.ApiException.conflict("This project is archived: it can be read but not changed. "
                    + "An owner can unarchive it in the settings.");
        }
        return this;
    }

    /** The role check for services: 403 when the caller's role is below {@code needed}. */
    public Access requireRole(Role needed) {
        if (!can(needed)) {
            throw dev.specboard.web.ApiException.forbidden("This needs the " + needed.value() + " role in " + project.name
                    + "; yours is " + role.value() + ".");
        }
        return this;
    }

    public String slug() {
        return project.slug;
    }
}
