package dev.specboard.spec;

import dev.specboard.kernel.JdbcStatement;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Keeps claims alive while their claimer sends heartbeats, and hands tasks whose lease ran out back to pending. */
@ApplicationScoped
public class TaskLeases {

    @Inject
    EntityManager em;

    @Inject
    SpecService specs;

    @Inject
    TaskHistory history;

    @Inject
    Event<SpecCompleted> specCompleted;

    @Inject
    Event<TaskLeaseExpired> leaseExpired;

    /** How long a claim or a heartbeat holds a task of this project. */
    static Duration length(Project project) {
        return Duration.ofMinutes(project.taskLeaseMinutes);
    }

    /** The claimer extends the lease of the task it holds by the project's lease length (409 for anyone else). */
    @Transactional
    public ImplementationTask heartbeat(Access access, String key, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = ImplementationTask.locked(access.project(), key);
        history.refuseLapsedClaimer(task, actor.accountId());
        history.refuseLapsedPending(task, actor.accountId());
        try {
            task.renewLease(actor.accountId(), Instant.now(), length(access.project()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", (task.leaseLapsed(Instant.now()) ? TaskStatus.PENDING : task.status).value()));
        }
        return task;
    }

    /** Logs a claim that lapsed and was taken over, by the system, just before the new claim's own log entry at ?4. */
    private static final JdbcStatement LOG_TAKEN_OVER = JdbcStatement.numbered("""
            INSERT INTO task_events (task_id, from_status, to_status, actor_id, via, note, created_at)
            VALUES (?1, ?2, 'pending', NULL, ?3, ?5, ?4 - interval '1 microsecond')""");

    /** What the log says of a claim whose lease ran out, its time written as {@link Instant#toString()} writes it. */
    static String expiredNote(String claimer, Instant leaseExpiredAt) {
        return "Lease expired: " + (claimer == null ? "the claimer" : claimer) + " sent no heartbeat before " + leaseExpiredAt;
    }

    /**
     * A claim by key takes a task whose lease lapsed before the sweep came: the old claim ends here in the claiming
     * transaction (which holds the task's row lock), exactly as the sweep would have ended it.
     */
    void endLapsed(ImplementationTask task, Instant claimAt) {
        TaskStatus was = task.status;
        UUID former = task.claimedBy == null ? null : task.claimedBy.id;
        String formerName = task.claimedBy == null ? null : task.claimedBy.username;
        Instant lapsedAt = task.leaseExpiresAt;
        task.moveTo(TaskStatus.PENDING, null, claimAt);
        task.commitSha = null;
        endedLapsed(task.project.id, task.project.slug, task.id, task.taskKey, was, former, formerName, lapsedAt, history.specAuthor(task), claimAt);
    }

    /**
     * Logs, announces and tells the former claimer of a lapsed claim that a new claim (at {@code claimAt}) ended in its
     * own transaction, as {@link #expireLeases} does for the ones it sweeps. The spec needs no roll-up: its task is held
     * before and after.
     */
    void endedLapsed(UUID projectId, String projectSlug, UUID taskId, String taskKey, TaskStatus was, UUID formerClaimer,
                     String formerName, Instant lapsedAt, UUID specAuthor, Instant claimAt) {
        LOG_TAKEN_OVER.update(em, taskId, was.value(), TaskEvent.VIA_SYSTEM, claimAt.atOffset(java.time.ZoneOffset.UTC),
                expiredNote(formerName, lapsedAt));
        history.announce(projectId, taskKey, was, TaskStatus.PENDING, new TaskService.Actor(null, TaskEvent.VIA_SYSTEM), specAuthor);
        if (formerClaimer != null) {
            leaseExpired.fire(new TaskLeaseExpired(projectId, projectSlug, List.of(taskKey), formerClaimer));
        }
    }

    /** Logs a lapsed task: its notes are written in Java, so that their time reads as {@link Instant#toString()} does everywhere else. */
    private static final JdbcStatement LOG_EXPIRED = JdbcStatement.numbered("""
            INSERT INTO task_events (task_id, from_status, to_status, actor_id, via, note, created_at)
            SELECT CAST(x.task AS uuid), x.status, 'pending', NULL, ?4, x.note, now()
            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x (task, status, note)""");

    /**
     * Returns tasks whose lease ran out to pending, at most {@code limit} at a time: each is logged, each former
     * claimer is told once per project, open boards and event streams hear it. Rows another instance is sweeping
     * are skipped ({@code FOR UPDATE SKIP LOCKED}), so any number of instances may sweep. The statements are the
     * same few however many tasks lapsed (one per former claimer for the notification).
     */
    @Transactional
    public int expireLeases(int limit) {
        return end(ImplementationTask.lapsedSql("t", "now()") + " ORDER BY t.lease_expires_at LIMIT ?1", List.of(limit), null);
    }

    /**
     * Returns the tasks someone removed from a project held there to pending, in the removal's transaction: logged as
     * ended by the removal, not as a lease without heartbeat ("Lease expired: dave sent no heartbeat before …" sent the
     * reader looking for a dead agent), and without telling the one removed, who no longer sees the project.
     */
    @Transactional
    public int endClaimsOfRemoved(UUID projectId, UUID accountId) {
        return endClaimsOf(projectId, accountId, claimer -> claimer + " was removed from the project");
    }

    /** As {@link #endClaimsOfRemoved}, for someone whose new role ({@code role}) may no longer work tasks. */
    @Transactional
    public int endClaimsOfDemoted(UUID projectId, UUID accountId, Role role) {
        // Only viewer and reviewer are below member: "bob became a viewer".
        return endClaimsOf(projectId, accountId, claimer -> claimer + " became a " + role.value());
    }

    private int endClaimsOf(UUID projectId, UUID accountId, java.util.function.UnaryOperator<String> note) {
        return end("t.project_id = ?1 AND t.claimed_by = ?2 AND t.status IN ('claimed', 'in_progress') ORDER BY t.lease_expires_at",
                List.of(projectId, accountId), claimer -> note.apply(claimer == null ? "The claimer" : claimer));
    }

    /**
     * Moves the tasks {@code where} picks (its parameters numbered from 1) back to pending, and logs and announces each;
     * {@code endedBy} writes the note of claims a membership change ended (null: their lease ran out, and the claimer is told).
     */
    private int end(String where, List<Object> parameters, java.util.function.UnaryOperator<String> endedBy) {
        // Picks and moves in one statement, which answers the claimer and lease from before the move for the log.
        jakarta.persistence.Query query = em.createNativeQuery("""
                        WITH expired AS MATERIALIZED (
                            SELECT t.id, t.status, t.claimed_by, t.lease_expires_at FROM implementation_tasks t
                            WHERE %s
                            FOR UPDATE SKIP LOCKED),
                        moved AS (
                            UPDATE implementation_tasks t SET status = 'pending', claimed_by = NULL, claimed_at = NULL, started_at = NULL,
                                   lease_expires_at = NULL, commit_sha = NULL, worktree_path = NULL, updated_at = now(), version = t.version + 1
                            FROM expired e WHERE t.id = e.id
                            RETURNING t.id, t.project_id, t.spec_id, t.task_id)
                        SELECT m.project_id, p.slug, m.spec_id, s.author_id, m.task_id, e.status, e.claimed_by,
                               m.id, e.lease_expires_at, a.username
                        FROM moved m JOIN expired e ON e.id = m.id JOIN projects p ON p.id = m.project_id
                             JOIN technical_specs s ON s.id = m.spec_id LEFT JOIN accounts a ON a.id = e.claimed_by
                        ORDER BY e.lease_expires_at, m.task_id""".formatted(where));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        String[] tasks = new String[rows.size()];
        String[] statuses = new String[rows.size()];
        String[] notes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            tasks[i] = r[7].toString();
            statuses[i] = (String) r[5];
            notes[i] = endedBy != null ? endedBy.apply((String) r[9]) : expiredNote((String) r[9], (Instant) r[8]);
        }
        LOG_EXPIRED.update(em, tasks, statuses, notes, TaskEvent.VIA_SYSTEM);
        Set<UUID> specIds = new LinkedHashSet<>();
        rows.forEach(r -> specIds.add((UUID) r[2]));
        specs.rollUp(specIds).forEach(specCompleted::fire);
        TaskService.Actor system = new TaskService.Actor(null, TaskEvent.VIA_SYSTEM);
        Map<List<UUID>, List<Object[]>> byClaimer = new LinkedHashMap<>();
        for (Object[] r : rows) {
            history.announce((UUID) r[0], (String) r[4], TaskStatus.parse((String) r[5]).orElseThrow(), TaskStatus.PENDING, system, (UUID) r[3]);
            if (r[6] != null && endedBy == null) {
                byClaimer.computeIfAbsent(List.of((UUID) r[6], (UUID) r[0]), k -> new ArrayList<>()).add(r);
            }
        }
        byClaimer.forEach((claimerAndProject, lapsed) -> leaseExpired.fire(new TaskLeaseExpired(claimerAndProject.get(1),
                (String) lapsed.get(0)[1], lapsed.stream().map(r -> (String) r[4]).toList(), claimerAndProject.get(0))));
        return rows.size();
    }
}
