package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.JdbcStatement;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes a task's history: each move logged with who made it, then announced to the spec's author and the board. */
@ApplicationScoped
class TaskHistory {

    /**
     * How the account's (?2) last claim of the task (?1) ended: the first move out of claimed or in progress after it, by
     * whom, with its note and time, and whether anyone claimed the task since. The log is all that remembers a former
     * claimer, so this reads it, only when someone not holding the task acts on it.
     */
    private static final JdbcStatement LAST_CLAIM_END = JdbcStatement.numbered("""
            SELECT e.to_status, e.actor_id, a.username, e.note, e.created_at, EXISTS (
                       SELECT 1 FROM task_events n WHERE n.task_id = ?1 AND n.from_status = 'pending'
                       AND n.to_status IN ('claimed', 'in_progress') AND n.created_at > e.created_at) AS claimed_since
            FROM task_events e LEFT JOIN accounts a ON a.id = e.actor_id
            WHERE e.task_id = ?1 AND e.from_status IN ('claimed', 'in_progress') AND e.to_status IN ('pending', 'failed')
              AND e.created_at > (SELECT max(c.created_at) FROM task_events c WHERE c.task_id = ?1 AND c.actor_id = ?2
                                  AND c.from_status = 'pending' AND c.to_status IN ('claimed', 'in_progress'))
            ORDER BY e.created_at, e.id LIMIT 1""");

    private static final String LAPSE_NOTE = "Lease expired: ";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    EntityManager em;

    @Inject
    Event<TaskTransitioned> transitioned;

    /** Logs a move of the task, with its actor, door and note. */
    void log(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor, String note) {
        TaskEvent e = new TaskEvent();
        e.task = task;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor.accountId() == null ? null : em.getReference(Account.class, actor.accountId());
        e.via = actor.via();
        e.note = note;
        e.persist();
    }

    /** Raises {@link TaskTransitioned} for a logged move. */
    void announce(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor) {
        announce(task, from, to, actor, specAuthor(task));
    }

    /** Raises {@link TaskTransitioned} for a logged move of a task that {@code holder} held before it (null: nobody). */
    void announce(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor, UUID specAuthor, UUID holder) {
        transitioned.fire(new TaskTransitioned(task.project.id, task.taskKey, from, to, actor.accountId(), specAuthor, holder));
    }

    /**
     * When someone else last took the task from this account (a release or failure by another account, right after this
     * account's claim), who and when: its former claimer, refused a move, is told why instead of only "cannot move from
     * pending to completed". Read only on that refusal path. A lapsed lease (no actor) is not told here.
     */
    Optional<TakenAway> takenFrom(ImplementationTask task, UUID accountId) {
        return lastClaimEnd(task, accountId)
                .filter(end -> !end.claimedSince() && end.byId() != null && !end.byId().equals(accountId))
                .map(end -> new TakenAway(end.to(), end.by(), end.at()));
    }

    /** How an account's last claim of a task ended, as {@link #LAST_CLAIM_END} reads it. */
    private record ClaimEnd(TaskStatus to, UUID byId, String by, String note, Instant at, boolean claimedSince) {
    }

    /** How the account's last claim of the task ended; empty when it never claimed it or its last claim goes on. */
    private Optional<ClaimEnd> lastClaimEnd(ImplementationTask task, UUID accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return LAST_CLAIM_END.list(em, new Object[] {task.id, accountId}, rs -> new ClaimEnd(
                        TaskStatus.parse(rs.getString(1)).orElseThrow(), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(6)))
                .stream().findFirst();
    }

    /** A task taken from its claimer: where it went (pending or failed), by whom, when. */
    record TakenAway(TaskStatus to, String by, Instant at) {

        /** The sentence for the former claimer. */
        String sentence(String taskKey) {
            return taskKey + (to == TaskStatus.FAILED ? " was marked failed by " : " was released by ") + by + " at " + MINUTE.format(at)
                    + " and is no longer yours" + (to == TaskStatus.FAILED ? "." : ": claim it again to go on.");
        }
    }

    /** Raises {@link TaskTransitioned} for a logged move whose spec's author the caller read already. */
    void announce(ImplementationTask task, TaskStatus from, TaskStatus to, TaskService.Actor actor, UUID specAuthor) {
        announce(task.project.id, task.taskKey, from, to, actor, specAuthor);
    }

    /** Raises {@link TaskTransitioned} for a move made in SQL, of the project's task of this key. */
    void announce(UUID projectId, String taskKey, TaskStatus from, TaskStatus to, TaskService.Actor actor, UUID specAuthor) {
        transitioned.fire(new TaskTransitioned(projectId, taskKey, from, to, actor.accountId(), specAuthor));
    }

    /** Who wrote the task's spec, read without loading the spec's content. */
    UUID specAuthor(ImplementationTask task) {
        return (UUID) em.createNativeQuery("SELECT author_id FROM technical_specs WHERE id = ?1")
                .setParameter(1, task.spec.id).getSingleResult();
    }

    /**
     * 409 for an account acting on a task another now holds after the account's own claim of it lapsed: told only
     * the holder, an agent could not tell that it had lost the task by missing its heartbeats. Nothing when the account
     * never held it, gave it back, or holds it.
     */
    void refuseLapsedClaimer(ImplementationTask task, UUID accountId) {
        if (accountId == null || task.claimedBy == null || task.claimedBy.id.equals(accountId) || !task.status.isHeld()) {
            return;
        }
        Optional<ClaimEnd> lapse = lastClaimEnd(task, accountId)
                .filter(end -> end.to() == TaskStatus.PENDING && end.note() != null && end.note().startsWith(LAPSE_NOTE));
        if (lapse.isEmpty()) {
            return;
        }
        Instant lapsedAt = lapsedAt(lapse.get().note(), lapse.get().at());
        throw ApiException.conflict("Your claim of " + task.taskKey + " lapsed at " + MINUTE.format(lapsedAt)
                        + "; it is now claimed by " + task.claimedBy.username + ".",
                Map.of("claimedBy", task.claimedBy.username, "lapsedAt", lapsedAt.toString()));
    }

    /**
     * 409 for an account acting on a task that went back to pending when the account's own claim of it lapsed, and that
     * nobody claimed since: "is pending: only a claimed or started task has a lease" or "cannot move from pending to
     * completed" did not tell an agent that it had lost the task by missing its heartbeats. Nothing otherwise.
     */
    void refuseLapsedPending(ImplementationTask task, UUID accountId) {
        if (task.status != TaskStatus.PENDING) {
            return;
        }
        Optional<ClaimEnd> lapse = lastClaimEnd(task, accountId).filter(end -> !end.claimedSince() && end.to() == TaskStatus.PENDING
                && end.byId() == null && end.note() != null && end.note().startsWith(LAPSE_NOTE));
        if (lapse.isEmpty()) {
            return;
        }
        Instant lapsedAt = lapsedAt(lapse.get().note(), lapse.get().at());
        throw ApiException.conflict("Your claim of " + task.taskKey + " lapsed at " + MINUTE.format(lapsedAt) + "; claim it again.",
                Map.of("status", TaskStatus.PENDING.value(), "lapsedAt", lapsedAt.toString()));
    }

    /** When the lease ran out, as the lapse's note says ({@link TaskLeases#expiredNote}); else when the lapse was logged. */
    private static Instant lapsedAt(String note, Instant logged) {
        int at = note.lastIndexOf(" before ");
        try {
            return at < 0 ? logged : Instant.parse(note.substring(at + " before ".length()));
        } catch (DateTimeParseException e) {
            return logged;
        }
    }
}
