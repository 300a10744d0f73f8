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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes a task's history: each move logged with who made it, then announced to the spec's author and the board. */
@ApplicationScoped
class TaskHistory {

    /**
     * The first move back to pending after the account's last claim of the task (?1, ?2): its note and time. The log is
     * all that remembers a former claimer, so this reads it, only when someone not holding the task acts on it.
     */
    private static final JdbcStatement AFTER_LAST_CLAIM = JdbcStatement.numbered("""
            SELECT e.note, e.created_at FROM task_events e
            WHERE e.task_id = ?1 AND e.to_status = 'pending' AND e.created_at > (
                SELECT max(c.created_at) FROM task_events c WHERE c.task_id = ?1 AND c.actor_id = ?2 AND c.to_status = 'claimed')
            ORDER BY e.created_at LIMIT 1""");

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
        if (accountId == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("""
                        select e.fromStatus, e.toStatus, a.id, a.username, e.createdAt from TaskEvent e left join e.actor a
                        where e.task.id = :task and ((e.fromStatus = :pending and e.toStatus in :held)
                          or (e.fromStatus in :held and e.toStatus in :away))
                        order by e.createdAt desc, e.id desc""", Object[].class)
                .setParameter("task", task.id).setParameter("pending", TaskStatus.PENDING)
                .setParameter("held", List.of(TaskStatus.CLAIMED, TaskStatus.IN_PROGRESS))
                .setParameter("away", List.of(TaskStatus.PENDING, TaskStatus.FAILED))
                .setMaxResults(2).getResultList();
        if (rows.size() < 2) {
            return Optional.empty();
        }
        Object[] away = rows.get(0);
        Object[] claim = rows.get(1);
        boolean claimedByMe = claim[0] == TaskStatus.PENDING && accountId.equals(claim[2]);
        boolean takenByOther = away[1] != TaskStatus.IN_PROGRESS && away[1] != TaskStatus.CLAIMED && away[2] != null
                && !accountId.equals(away[2]);
        if (!claimedByMe || !takenByOther) {
            return Optional.empty();
        }
        return Optional.of(new TakenAway((TaskStatus) away[1], (String) away[3], (Instant) away[4]));
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
        List<Object[]> after = AFTER_LAST_CLAIM.list(em, new Object[] {task.id, accountId},
                rs -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)});
        if (after.isEmpty() || after.get(0)[0] == null || !((String) after.get(0)[0]).startsWith(LAPSE_NOTE)) {
            return;
        }
        Instant lapsedAt = lapsedAt((String) after.get(0)[0], ((OffsetDateTime) after.get(0)[1]).toInstant());
        throw ApiException.conflict("Your claim of " + task.taskKey + " lapsed at " + MINUTE.format(lapsedAt)
                        + "; it is now claimed by " + task.claimedBy.username + ".",
                Map.of("claimedBy", task.claimedBy.username, "lapsedAt", lapsedAt.toString()));
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
