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
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Hands pending tasks out to one claimer each: a named task, or the best ready one, and why none was ready.
 *
 * <p>Claims of one project run side by side. The task's row lock decides who gets a task; a claim also holds a
 * transaction-scoped advisory lock on each of the task's assigned files (keyed by project and path) until it
 * commits, so that a parallel claim cannot take a task sharing a file before the first one is visible. Only a
 * project with a WIP limit on the claimed column makes its claims take turns, so that counting the column is exact.
 *
 * <p>Why this cannot deadlock: every claim takes its locks in one order: the project's turn (only with a WIP limit),
 * the task row, its file locks in ascending key order, then the spec row (the first claim of a spec only).
 * claim-next never waits for a row (SKIP LOCKED) nor for a file ({@code pg_try_advisory_xact_lock}: a file taken by a
 * parallel claim makes it pass the task over); only a claim by key waits, for its row and then its files in ascending
 * order, so two claims cannot hold files in opposite orders. A claim holding file locks waits for nothing but a spec
 * row, and nothing that holds a spec row waits for a file lock. (A spec edit that rewrites a task while that task's
 * claim waits for the edited spec's row is the one wait cycle, as before this design; PostgreSQL breaks it.)
 */
@ApplicationScoped
public class TaskClaims {

    /** Skips tasks whose spec waits for an incomplete dependency. */
    private static final String READY = " NOT EXISTS (SELECT 1 FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id"
            + " WHERE d.spec_id = t.spec_id AND ds.status <> 'complete') ";

    /** Held tasks (claimed or started) of project ?1 sharing a file with the JSON array {@code files}, through their GIN index. */
    private static String heldSharing(String files) {
        return "SELECT 1 FROM implementation_tasks h WHERE h.project_id = ?1 AND h.status IN ('claimed', 'in_progress')"
                + " AND h.assigned_files @> ANY (ARRAY(SELECT jsonb_build_array(f) FROM jsonb_array_elements_text(" + files + ") f))";
    }

    /**
     * The best ready pending task of project ?1, row-locked, skipping the ids of ?2 (comma-separated). The order is
     * the one of {@code implementation_tasks_claim_order_idx}, so PostgreSQL walks that index and stops at the first
     * task that fits: not row-locked by a parallel claim, its spec waiting for nothing, no file shared with held work.
     */
    private static final String NEXT_CANDIDATE = """
            SELECT t.* FROM implementation_tasks t
            WHERE t.project_id = ?1 AND t.status = 'pending' AND t.id <> ALL (CAST(string_to_array(?2, ',') AS uuid[]))
              AND t.spec_id NOT IN (SELECT d.spec_id FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id
                                    WHERE ds.project_id = ?1 AND ds.status <> 'complete')
              AND (t.assigned_files = '[]' OR NOT EXISTS (""" + heldSharing("t.assigned_files") + """
            ))
            ORDER BY t.claim_rank, t.spec_waiters DESC, t.created_at, t.spec_number, t.task_number
            LIMIT 1 FOR UPDATE OF t SKIP LOCKED""";

    /** The first key of the advisory locks on assigned files (the second is a hash of project and path). */
    private static final int FILE_LOCK = 0x5b7b;

    public static final String NOTHING_PENDING = "none-pending";
    public static final String ALL_BLOCKED = "blocked";
    public static final String ALL_OVERLAPPING = "overlapping";

    @Inject
    EntityManager em;

    @Inject
    WipLimits wipLimits;

    @Inject
    TaskHistory history;

    private final Semaphore parallel;

    @Inject
    TaskClaims(@ConfigProperty(name = "specboard.tasks.parallel-claims", defaultValue = "4") int parallelClaims) {
        parallel = new Semaphore(Math.max(1, parallelClaims), true);
    }

    /** For the container's client proxy only. */
    protected TaskClaims() {
        parallel = null;
    }

    /**
     * Claims a pending task atomically for the actor: exactly one of concurrent claimers wins, the others get 409.
     * The row lock decides who wins (the others wait, then no longer find it pending); the move itself is the task's own.
     */
    @Transactional
    public ImplementationTask claim(Access access, String key, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        String taskKey = ImplementationTask.requireKey(key);
        Optional<Integer> limit = wipLimits.claimTurn(access.project());
        @SuppressWarnings("unchecked")
        List<ImplementationTask> won = em.createNativeQuery("""
                        SELECT t.* FROM implementation_tasks t
                        WHERE t.project_id = ?1 AND t.task_id = ?2 AND t.status = 'pending' AND """ + READY + """
                         FOR UPDATE OF t""", ImplementationTask.class)
                .setParameter(1, access.project().id).setParameter(2, taskKey)
                .getResultList();
        if (won.isEmpty()) {
            throw whyNotClaimable(access.project(), taskKey, actor.accountId());
        }
        wipLimits.holdClaim(access.project(), limit, taskKey, actor.pastWipLimit());
        ImplementationTask task = won.get(0);
        // A board move reads the task before it claims it: the copy in hand may be older than the locked row.
        em.refresh(task);
        lockFiles(access.project(), task.assignedFiles(), true);
        afterClaim(access, task, actor);
        return task;
    }

    /**
     * Claims the best ready task: by priority, then the specs others wait for, then age (phase order
     * within a spec); never one whose assigned files overlap a claimed or started task, nor one sharing a file
     * with a task a parallel claim is taking (its file locks). Empty when nothing can be handed out
     * ({@link #whyNothingReady} says why). Answers the task with its context (the task, its spec's overview, its
     * phase) from what the claim read: the spec's text is read only by the first reader of its version. At most
     * {@code specboard.tasks.parallel-claims} of these run at once on an instance, the others wait for their turn
     * before their transaction begins: more claims at once than PostgreSQL has cores only lengthen the row-locked
     * head of the queue every claim walks past.
     */
    public Optional<ClaimView> claimNext(Access access, TaskService.Actor actor) {
        parallel.acquireUninterruptibly();
        try {
            return QuarkusTransaction.joiningExisting().call(() -> claimBest(access, actor));
        } finally {
            parallel.release();
        }
    }

    /** A task just claimed, its context, and whether it has progress notes (from earlier claims of it). */
    public record ClaimView(ImplementationTask task, TaskService.TaskContextView context, boolean hasNotes) {
    }

    private Optional<ClaimView> claimBest(Access access, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        Project project = access.project();
        Optional<Integer> limit = wipLimits.claimTurn(project);
        List<String> passed = new ArrayList<>();
        while (true) {
            @SuppressWarnings("unchecked")
            List<ImplementationTask> next = em.createNativeQuery(NEXT_CANDIDATE, ImplementationTask.class)
                    .setParameter(1, project.id).setParameter(2, String.join(",", passed)).getResultList();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            ImplementationTask candidate = next.get(0);
            if (holdFiles(project, candidate)) {
                wipLimits.holdClaim(project, limit, null, actor.pastWipLimit());
                return Optional.of(view(candidate, afterClaim(access, candidate, actor)));
            }
            passed.add(candidate.id.toString());
        }
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

    /**
     * Takes the candidate's file locks without waiting, then checks afresh (a new statement sees every claim
     * committed meanwhile) that no held task has one of its files. When a file is taken or held, the locks taken
     * here are let go again (a savepoint), and false says: pass this task over. The passed-over task stays row-locked
     * until this claim commits, so for that moment parallel claims pass it over too (and may answer 204 "overlapping").
     */
    private boolean holdFiles(Project project, ImplementationTask candidate) {
        List<String> files = candidate.assignedFiles();
        if (files.isEmpty()) {
            return true;
        }
        em.createNativeQuery("SAVEPOINT claim_files").executeUpdate();
        if (lockFiles(project, files, false)) {
            Number held = (Number) em.createNativeQuery("SELECT count(*) FROM (" + heldSharing("CAST(?2 AS jsonb)") + " LIMIT 1) x")
                    .setParameter(1, project.id).setParameter(2, candidate.assignedFilesJson).getSingleResult();
            if (held.intValue() == 0) {
                return true;
            }
        }
        em.createNativeQuery("ROLLBACK TO SAVEPOINT claim_files").executeUpdate();
        return false;
    }

    /**
     * Locks the files for this transaction, in ascending key order: waiting for each ({@code wait}), or trying
     * each once and answering whether all were free.
     */
    private boolean lockFiles(Project project, List<String> files, boolean wait) {
        if (files.isEmpty()) {
            return true;
        }
        String keys = files.stream().map(f -> (project.id + "\n" + f).hashCode()).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(","));
        String lock = wait ? "pg_advisory_xact_lock(?1, k) IS NOT NULL" : "pg_try_advisory_xact_lock(?1, k)";
        // unnest yields the keys in array order, and each is locked as its row comes.
        Object all = em.createNativeQuery("SELECT bool_and(ok) FROM (SELECT " + lock
                        + " AS ok FROM unnest(CAST(string_to_array(?2, ',') AS int[])) k) l")
                .setParameter(1, FILE_LOCK).setParameter(2, keys).getSingleResult();
        return Boolean.TRUE.equals(all);
    }

    /**
     * The claimer holds the task's row lock: the task moves itself to claimed, by its own transition rule. The
     * statement that starts the spec also reads what the claim's answer needs (see {@link #view}).
     */
    private Object[] afterClaim(Access access, ImplementationTask task, TaskService.Actor actor) {
        // Truncated to what PostgreSQL keeps, so that the answer built from this copy says what a later read says.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        task.moveTo(TaskStatus.CLAIMED, em.getReference(Account.class, actor.accountId()), now);
        task.leaseExpiresAt = now.plus(TaskLeases.length(access.project()));
        history.log(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, null);
        // Status is derived: only the first claim of a spec takes its row lock. (A native statement flushes first: the
        // task's move and its log are written before it; its select sees the spec as the statement began.)
        Object[] spec = (Object[]) em.createNativeQuery("""
                WITH started AS (UPDATE technical_specs SET status = 'in_progress', started_at = coalesce(started_at, now())
                                 WHERE id = ?1 AND status IN ('draft', 'approved'))
                SELECT s.author_id, s.spec_number, s.title, s.story_number, s.version, s.spec_type = 'hierarchical',
                       CASE WHEN s.spec_type = 'hierarchical' THEN NULL ELSE s.content END,
                       (SELECT a.username FROM accounts a WHERE a.id = ?3),
                       EXISTS (SELECT 1 FROM task_notes n WHERE n.task_id = ?2)
                FROM technical_specs s WHERE s.id = ?1""")
                .setParameter(1, task.spec.id).setParameter(2, task.id).setParameter(3, actor.accountId()).getSingleResult();
        history.announce(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, (UUID) spec[0]);
        return spec;
    }

    /**
     * The claimed task's context from what {@link #afterClaim} read: the spec's number, title and story, the claimer's
     * name, whether the task has notes, and the text of a monolithic spec; a hierarchical spec's text is read and
     * parsed only by the first reader of its version. The spec itself is never loaded.
     */
    private ClaimView view(ImplementationTask task, Object[] spec) {
        UUID specId = task.spec.id;
        String title = (String) spec[2];
        TaskRow row = TaskService.row(task, ((Number) spec[1]).intValue(), title,
                spec[3] == null ? null : ((Number) spec[3]).intValue(), (String) spec[7], false);
        SpecContent hierarchical = Boolean.TRUE.equals(spec[5])
                ? TechnicalSpec.sharedContent(specId, ((Number) spec[4]).intValue(), () -> (String) em.createNativeQuery(
                        "SELECT content FROM technical_specs WHERE id = ?1").setParameter(1, specId).getSingleResult())
                : null;
        return new ClaimView(task, TaskService.context(task, row, title, hierarchical, (String) spec[6]), Boolean.TRUE.equals(spec[8]));
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
