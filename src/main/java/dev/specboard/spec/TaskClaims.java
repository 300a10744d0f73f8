package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Hands pending tasks out to one claimer each: a named task, or the best ready one, and why none was ready. */
@ApplicationScoped
public class TaskClaims {

    /** Skips tasks whose spec waits for an incomplete dependency. */
    private static final String READY = " NOT EXISTS (SELECT 1 FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id"
            + " WHERE d.spec_id = t.spec_id AND ds.status <> 'complete') ";

    /** The first key of the advisory lock that makes a project's claims take turns. */
    private static final int CLAIM_LOCK = 0x5b7a;

    public static final String NOTHING_PENDING = "none-pending";
    public static final String ALL_BLOCKED = "blocked";
    public static final String ALL_OVERLAPPING = "overlapping";

    @Inject
    EntityManager em;

    @Inject
    WipLimits wipLimits;

    @Inject
    TaskHistory history;

    /**
     * Claims a pending task atomically for the actor: exactly one of concurrent claimers wins, the others get 409.
     * The row lock decides who wins (the others wait, then no longer find it pending); the move itself is the task's own.
     */
    @Transactional
    public ImplementationTask claim(Access access, String key, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        String taskKey = ImplementationTask.requireKey(key);
        serializeClaims(access.project());
        @SuppressWarnings("unchecked")
        List<UUID> won = em.createNativeQuery("""
                        SELECT t.id FROM implementation_tasks t
                        WHERE t.project_id = ?1 AND t.task_id = ?2 AND t.status = 'pending' AND """ + READY + """
                         FOR UPDATE OF t""")
                .setParameter(1, access.project().id).setParameter(2, taskKey)
                .getResultList();
        if (won.isEmpty()) {
            throw whyNotClaimable(access.project(), taskKey, actor.accountId());
        }
        wipLimits.hold(access.project(), TaskStatus.CLAIMED, taskKey, actor.pastWipLimit());
        return afterClaim(access, won.get(0), actor);
    }

    /**
     * Claims the best ready task: by priority, then the specs others wait for, then age (phase order
     * within a spec); never one whose assigned files overlap a claimed or started task. Claims of one
     * project take turns (a transaction-scoped advisory lock), so two parallel callers cannot take two
     * overlapping tasks; empty when nothing can be handed out ({@link #whyNothingReady} says why).
     */
    @Transactional
    public Optional<ImplementationTask> claimNext(Access access, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        serializeClaims(access.project());
        @SuppressWarnings("unchecked")
        // What every candidate is checked against is gathered once (held files, blocked specs, how many specs wait
        // on each), not again for each of thousands of pending tasks as correlated subqueries did.
        List<UUID> won = em.createNativeQuery("""
                        WITH held AS MATERIALIZED (
                            SELECT DISTINCT f.path FROM implementation_tasks h CROSS JOIN jsonb_array_elements_text(h.assigned_files) f(path)
                            WHERE h.project_id = ?1 AND h.status IN ('claimed', 'in_progress')),
                        blocked AS MATERIALIZED (
                            SELECT d.spec_id FROM spec_dependencies d JOIN technical_specs sp ON sp.id = d.spec_id
                            JOIN technical_specs ds ON ds.id = d.depends_on_id WHERE sp.project_id = ?1 AND ds.status <> 'complete'),
                        waiting AS MATERIALIZED (
                            SELECT w.depends_on_id AS spec_id, count(*) AS n FROM spec_dependencies w
                            JOIN technical_specs sp ON sp.id = w.depends_on_id WHERE sp.project_id = ?1 GROUP BY w.depends_on_id)
                        SELECT t.id FROM implementation_tasks t JOIN technical_specs s ON s.id = t.spec_id
                        LEFT JOIN waiting w ON w.spec_id = t.spec_id
                        WHERE t.project_id = ?1 AND t.status = 'pending' AND t.spec_id NOT IN (SELECT spec_id FROM blocked)
                          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(t.assigned_files) a(path)
                                          WHERE a.path IN (SELECT path FROM held))
                        ORDER BY\s""" + TaskPriority.rankSql("t.priority") + """
                        , coalesce(w.n, 0) DESC, t.created_at, s.spec_number, t.task_number
                        LIMIT 1 FOR UPDATE OF t SKIP LOCKED""")
                .setParameter(1, access.project().id).getResultList();
        if (won.isEmpty()) {
            return Optional.empty();
        }
        wipLimits.hold(access.project(), TaskStatus.CLAIMED, null, actor.pastWipLimit());
        return Optional.of(afterClaim(access, won.get(0), actor));
    }

    /** Why claim-next handed nothing out: {@code none-pending}, {@code blocked} (dependencies) or {@code overlapping}. */
    public String whyNothingReady(Project project) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE """ + READY + """
                        ) FROM implementation_tasks t WHERE t.project_id = ?1 AND t.status = 'pending'""")
                .setParameter(1, project.id).getSingleResult();
        if (((Number) counts[0]).longValue() == 0) {
            return NOTHING_PENDING;
        }
        return ((Number) counts[1]).longValue() == 0 ? ALL_BLOCKED : ALL_OVERLAPPING;
    }

    /** Claims in one project take turns until commit, so that the overlap check sees every earlier claim. */
    private void serializeClaims(Project project) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, CLAIM_LOCK).setParameter(2, project.id.toString()).getSingleResult();
    }

    /** The claimer holds the task's row lock: the task moves itself to claimed, by its own transition rule. */
    private ImplementationTask afterClaim(Access access, UUID id, TaskService.Actor actor) {
        ImplementationTask task = em.find(ImplementationTask.class, id);
        em.refresh(task);
        Instant now = Instant.now();
        task.moveTo(TaskStatus.CLAIMED, em.getReference(Account.class, actor.accountId()), now);
        task.leaseExpiresAt = now.plus(TaskLeases.length(access.project()));
        em.flush();
        history.log(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, null);
        // Status is derived: only the first claim of a spec takes its row lock.
        em.createNativeQuery("""
                UPDATE technical_specs SET status = 'in_progress', started_at = coalesce(started_at, now())
                WHERE id = ?1 AND status IN ('draft', 'approved')""").setParameter(1, task.spec.id).executeUpdate();
        history.announce(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor);
        return task;
    }

    private ApiException whyNotClaimable(Project project, String taskKey, UUID accountId) {
        ImplementationTask task = ImplementationTask.byKey(project, taskKey);
        em.refresh(task);
        if (task.status != TaskStatus.PENDING) {
            if (task.claimedBy != null && task.status.isHeld()) {
                String who = task.claimedBy.id.equals(accountId) ? "you" : task.claimedBy.username;
                return ApiException.conflict(taskKey + " is already claimed by " + who + ".",
                        Map.of("status", task.status.value(), "claimedBy", task.claimedBy.username));
            }
            return ApiException.conflict(taskKey + " is " + task.status.label().toLowerCase() + ", not pending.",
                    Map.of("status", task.status.value()));
        }
        List<String> blockers = blockersOf(task.spec.id);
        return ApiException.conflict(task.spec.key() + " depends on " + String.join(", ", blockers)
                + ", which " + (blockers.size() == 1 ? "is" : "are") + " not complete yet: " + taskKey + " cannot be claimed.",
                Map.of("blockedBy", blockers));
    }

    @SuppressWarnings("unchecked")
    private List<String> blockersOf(UUID specId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT ds.spec_number, ds.status FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id
                WHERE d.spec_id = ?1""").setParameter(1, specId).getResultList();
        Map<String, String> statuses = new HashMap<>();
        rows.forEach(r -> statuses.put("SPEC-" + r[0], (String) r[1]));
        return TechnicalSpec.blockers(statuses);
    }
}
