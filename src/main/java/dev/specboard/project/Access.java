package dev.specboard.project;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The project policy's answer for one request: the project, the caller's effective role in it (an
 * admin counts as owner; a project token is capped at its role) and who the caller is. It is the one
 * place that decides what the caller may do here: {@link #has} is the role alone, {@link #may} adds
 * that an archived project accepts no change, and {@link #requireWrite} refuses with 403 or 409.
 * Templates read {@code access.member}, {@code access.lead}... to show write buttons, which are
 * therefore hidden in an archived project. {@link #counter} answers the project's counters as they were read with the
 * access (see {@link ProjectCounter}).
 */
public record Access(Project project, Role role, UUID accountId, Map<String, Long> counters, boolean tokenLimited) {

    /** An answer whose role is the caller's own ({@code tokenLimited}: an API token capped it below that). */
    public Access(Project project, Role role, UUID accountId, Map<String, Long> counters) {
        this(project, role, accountId, counters, false);
    }

    /**
     * The project's status under a key-share lock held to the end of the change's transaction: archiving locks the row
     * for update, so a change either commits before the archive or waits for it and then reads it archived. Key share
     * (not share) lets changes that bump the project's own counters run side by side as before.
     */
    private static final JdbcStatement LOCK_STATUS = JdbcStatement.numbered(
            "SELECT status FROM projects WHERE id = ?1 FOR KEY SHARE");

    public static final String ARCHIVED_MESSAGE = "This project is archived: it can be read but not changed. "
            + "An owner can unarchive it in the settings.";

    /** An answer without the project's counters, for code that acts on a project but keeps nothing rendered. */
    public Access(Project project, Role role, UUID accountId) {
        this(project, role, accountId, null);
    }

    /**
     * The project's counter {@code name} when the access was resolved (0 while nothing moved it): what a kept rendering
     * of the project is keyed by. Empty for an answer made for a change (the change moves counters after they were
     * read) or made without counters: the caller then reads afresh and keeps nothing.
     */
    public OptionalLong counter(String name) {
        return counters == null ? OptionalLong.empty() : OptionalLong.of(counters.getOrDefault(name, 0L));
    }

    /** This answer without the project's counters, for a request that changes the project. */
    public Access withoutCounters() {
        return counters == null ? this : new Access(project, role, accountId, null, tokenLimited);
    }

    /** The caller's role is at least {@code needed} (reading needs nothing more). */
    public boolean has(Role needed) {
        return role.atLeast(needed);
    }

    /** The caller may change something that needs {@code needed}: the role, and a project that is not archived. */
    public boolean may(Role needed) {
        return has(needed) && !archived();
    }

    public boolean archived() {
        return project.isArchived();
    }

    public boolean isOwner() {
        return may(Role.OWNER);
    }

    public boolean isLead() {
        return may(Role.LEAD);
    }

    public boolean isMember() {
        return may(Role.MEMBER);
    }

    /** The owner's role, archived or not: the settings page (where an owner unarchives) stays reachable. */
    public boolean isOwnerRole() {
        return has(Role.OWNER);
    }

    public boolean isReviewer() {
        return may(Role.REVIEWER);
    }

    /**
     * The lead's role, archived or not: a lead still closes access to an archived project (revokes its preview links, see
     * {@link #requireCloseAccess}), so the page keeps the revoke buttons that every other write button loses.
     */
    public boolean isLeadRole() {
        return has(Role.LEAD);
    }

    /**
     * The caller's role in a refusal: "yours is viewer", or, when the token used capped a higher role, "this token is
     * limited to viewer" (a lead told "yours is viewer" looked for a change of their membership).
     */
    public String whoseRole() {
        return (tokenLimited ? "this token is limited to " : "yours is ") + role.value();
    }

    /** 403 when the caller's role is below {@code needed}; for pages that need a role but change nothing. */
    public Access requireRole(Role needed) {
        if (!has(needed)) {
            throw ApiException.forbidden("This needs the " + needed.value() + " role in " + project.name
                    + "; " + whoseRole() + ".");
        }
        return this;
    }

    /**
     * Every change to project content passes here: 403 for a missing role, 409 for an archived project. The status is
     * read again under a lock (one statement, only for changes) because the project in hand was read before the request's
     * transaction: an archive answered meanwhile must refuse this change, not let it land after the archive.
     */
    public Access requireWrite(Role needed) {
        requireRole(needed);
        if (archived() || archivedNow()) {
            throw ApiException.conflict(ARCHIVED_MESSAGE, Map.of("archived", true));
        }
        return this;
    }

    /**
     * The one change an archived project accepts from its members: closing access it gave out (revoking a preview link,
     * which stays public until revoked or expired). Archiving freezes the content, not the links to it, so this checks the
     * role alone; every other change still goes through {@link #requireWrite}.
     */
    public Access requireCloseAccess(Role needed) {
        return requireRole(needed);
    }

    /**
     * Read once per transaction (the lock then holds until its end, so the status cannot change meanwhile), and only
     * inside one: outside, the lock would end with the statement and protect nothing, and the change's own transaction
     * reads it again.
     */
    private boolean archivedNow() {
        TransactionSynchronizationRegistry tx = Arc.container() == null ? null
                : Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (tx == null || tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return false;
        }
        String key = "project-status-locked:" + project.id;
        if (tx.getResource(key) != null) {
            return false;
        }
        List<String> status = LOCK_STATUS.list(Project.getEntityManager(), new Object[] {project.id}, rs -> rs.getString(1));
        if (status.isEmpty()) {
            throw ProjectAccess.notFound(); // deleted meanwhile
        }
        tx.putResource(key, Boolean.TRUE);
        return Project.STATUS_ARCHIVED.equals(status.get(0));
    }

    public String slug() {
        return project.slug;
    }
}
