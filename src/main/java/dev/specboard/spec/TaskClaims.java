package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.JdbcStatement;
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
import java.time.ZoneOffset;
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
 * the task row, the project's file key (shared, or alone for a task of many files), its file locks in ascending key
 * order, then the spec row (the first claim of a spec only).
 * claim-next never waits for a row (SKIP LOCKED) nor for a file ({@code pg_try_advisory_xact_lock}: a file taken by a
 * parallel claim makes it pass the task over); only a claim by key waits, for its row and then its files in ascending
 * order, so two claims cannot hold files in opposite orders. A claim holding file locks waits for nothing but a spec
 * row, and nothing that holds a spec row waits for a file lock. (A spec edit that rewrites a task while that task's
 * claim waits for the edited spec's row is the one wait cycle, as before this design; PostgreSQL breaks it.)
 */
@ApplicationScoped
public class TaskClaims {

    /** Where a claim returns to when a candidate's files are taken (plain JDBC: nothing for Hibernate to flush or evict). */
    private static final JdbcStatement SAVEPOINT = JdbcStatement.numbered("SAVEPOINT claim_files");
    private static final JdbcStatement ROLLBACK_TO_SAVEPOINT = JdbcStatement.numbered("ROLLBACK TO SAVEPOINT claim_files");

    /** The first key of the advisory locks on assigned files (the second is a hash of project and path). */
    private static final int FILE_LOCK = 0x5b7b;

    /** The first key of the advisory lock on a project's files as a whole (the second is a hash of the project). */
    private static final int PROJECT_FILE_LOCK = 0x5b7c;

    /** A task with more assigned files than this locks the project's files as a whole instead of each file. */
    static final int FINE_FILES = 32;

    public static final String NOTHING_PENDING = "none-pending";
    public static final String ALL_BLOCKED = "blocked";
    public static final String ALL_OVERLAPPING = "overlapping";

    @Inject
    EntityManager em;

    @Inject
    WipLimits wipLimits;

    @Inject
    TaskHistory history;

    @Inject
    TaskLeases leases;

    private final Semaphore parallel;

    @Inject
    TaskClaims(@ConfigProperty(name = "specboard.tasks.parallel-claims", defaultValue = "8") int parallelClaims) {
        parallel = new Semaphore(Math.max(1, parallelClaims), true);
    }

    /** For the container's client proxy only. */
    protected TaskClaims() {
        parallel = null;
    }

    /**
     * Claims a pending task atomically for the actor: exactly one of concurrent claimers wins, the others get 409, and
     * so does a claim of a task sharing a file with held work (once the claims holding it committed).
     * The row lock decides who wins (the others wait, then no longer find it pending); the move itself is the task's own.
     */
    @Transactional
    public ImplementationTask claim(Access access, String key, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        String taskKey = ImplementationTask.requireKey(key);
        Optional<Integer> limit = wipLimits.claimTurn(access.project());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<ImplementationTask> won = em.createNativeQuery("""
                        SELECT t.* FROM implementation_tasks t
                        WHERE t.project_id = ?1 AND t.task_id = ?2 AND """ + ClaimStatements.claimable("?3") + " AND " + ClaimStatements.READY + """
                         FOR UPDATE OF t""", ImplementationTask.class)
                .setParameter(1, access.project().id).setParameter(2, taskKey).setParameter(3, now)
                .getResultList();
        if (won.isEmpty()) {
            throw whyNotClaimable(access.project(), taskKey, actor.accountId());
        }
        wipLimits.holdClaim(access.project(), limit, taskKey, actor.pastWipLimit());
        ImplementationTask task = won.get(0);
        // A board move reads the task before it claims it: the copy in hand may be older than the locked row.
        em.refresh(task);
        if (task.status.isHeld()) {
            leases.endLapsed(task, now);
        }
        lockFiles(access.project(), task.assignedFiles(), true);
        refuseSharedFiles(access.project(), task, actor.accountId());
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
     * before their transaction begins: many more claims at once only lengthen the row-locked head of the queue every
     * claim walks past, while a few more than PostgreSQL has cores share each commit's WAL flush.
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
    public record ClaimView(String taskKey, TaskQueries.TaskContextView context, boolean hasNotes) {
    }

    /**
     * A task without files in a project without a WIP limit is claimed by one statement. A candidate with files stays
     * row-locked while the claim takes its file locks, then a second statement claims it; in a project with a WIP limit
     * the claim first takes the project's turn, and counts the column before it claims.
     */
    private Optional<ClaimView> claimBest(Access access, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        Project project = access.project();
        // Truncated to what PostgreSQL keeps, like every other move's time.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object[] params = {project.id, "", false, actor.accountId(), now.atOffset(ZoneOffset.UTC),
                now.plus(TaskLeases.length(project)).atOffset(ZoneOffset.UTC), actor.via()};
        Optional<Integer> limit = Optional.empty();
        List<String> passed = new ArrayList<>();
        while (true) {
            params[1] = String.join(",", passed);
            ClaimStatements.Claimed c = ClaimStatements.CLAIM_NEXT.query(em, params, ClaimStatements.Claimed::read);
            if (c.limited() && !(Boolean) params[2]) {
                limit = wipLimits.claimTurn(project);
                params[2] = true;
                continue;
            }
            if (c.candidateId() == null) {
                return Optional.empty();
            }
            if (c.taskKey() == null) {
                if (!holdFiles(project, c.candidateId(), SpecContent.parseList(c.candidateFiles()), c.candidateFiles())) {
                    passed.add(c.candidateId().toString());
                    continue;
                }
                wipLimits.holdClaim(project, limit, null, actor.pastWipLimit());
                params[1] = c.candidateId().toString();
                c = ClaimStatements.CLAIM_LOCKED.query(em, params, ClaimStatements.Claimed::read);
            }
            if (c.was() != null && c.was().isHeld()) {
                leases.endedLapsed(project.id, c.projectSlug(), c.candidateId(), c.taskKey(), c.was(),
                        c.formerClaimer(), c.formerName(), c.lapsedAt(), c.specAuthor(), now);
            }
            history.announce(project.id, c.taskKey(), TaskStatus.PENDING, TaskStatus.CLAIMED, actor, c.specAuthor());
            return Optional.of(view(c));
        }
    }


    /** Why claim-next handed nothing out: {@code none-pending}, {@code blocked} (dependencies) or {@code overlapping}; a lapsed claim counts as pending. */
    public String whyNothingReady(Project project) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE """ + ClaimStatements.READY + """
                        ) FROM implementation_tasks t WHERE t.project_id = ?1 AND """ + ClaimStatements.claimable("now()"))
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
    private boolean holdFiles(Project project, UUID candidate, List<String> files, String filesJson) {
        if (files.isEmpty()) {
            return true;
        }
        SAVEPOINT.update(em);
        if (lockFiles(project, files, false)) {
            Number held = (Number) em.createNativeQuery("SELECT count(*) FROM (" + ClaimStatements.heldSharing("CAST(?2 AS jsonb)", "?3") + " LIMIT 1) x")
                    .setParameter(1, project.id).setParameter(2, filesJson).setParameter(3, candidate).getSingleResult();
            if (held.intValue() == 0) {
                return true;
            }
        }
        ROLLBACK_TO_SAVEPOINT.update(em);
        return false;
    }

    /**
     * A claim by key holds the task's file locks: a new statement sees every claim committed meanwhile, and refuses (409)
     * when held work shares a file, naming the files, the tasks holding them and their claimers (claim-next passes such a task over).
     */
    private void refuseSharedFiles(Project project, ImplementationTask task, UUID accountId) {
        if (task.assignedFiles().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT h.task_id, h.claimed_by, a.username, string_agg(f, E'\n' ORDER BY f)
                        FROM implementation_tasks h LEFT JOIN accounts a ON a.id = h.claimed_by
                             CROSS JOIN jsonb_array_elements_text(CAST(?2 AS jsonb)) f
                        WHERE h.project_id = ?1 AND h.status IN ('claimed', 'in_progress') AND h.id <> ?3 AND h.assigned_files @> jsonb_build_array(f)
                        """ + " AND " + ImplementationTask.notLapsedSql("h", "now()")
                        + " GROUP BY h.task_id, h.claimed_by, a.username ORDER BY h.task_id")
                .setParameter(1, project.id).setParameter(2, task.assignedFilesJson).setParameter(3, task.id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        // The first few files and holders named, the rest counted: 12,000 shared files were each named (a 627 KB answer).
        List<String> held = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<Map<String, Object>> holders = new ArrayList<>();
        int sharedFiles = 0;
        for (Object[] r : rows) {
            String who = accountId.equals(r[1]) ? "you" : String.valueOf(r[2]);
            List<String> shared = List.of(((String) r[3]).split("\n"));
            sharedFiles += shared.size();
            if (holders.size() < NAMED) {
                held.add(named(shared, NAMED_FILES) + " with " + r[0] + ", claimed by " + who);
                holders.add(Map.of("task", r[0], "claimedBy", String.valueOf(r[2]), "files", shared.subList(0, Math.min(shared.size(), NAMED)),
                        "fileCount", shared.size()));
            }
            shared.stream().filter(f -> files.size() < NAMED && !files.contains(f)).forEach(files::add);
        }
        String others = rows.size() > NAMED ? " and " + (rows.size() - NAMED) + " more tasks" : "";
        throw ApiException.conflict(task.taskKey + " shares " + String.join("; ", held) + others
                + ": it can be claimed once that work is completed or released.",
                Map.of("files", files, "heldBy", holders, "sharedFiles", sharedFiles, "heldByCount", rows.size()));
    }

    /** How many files, and holding tasks, a refusal for shared files lists; how many files its sentence names per task. */
    private static final int NAMED = 20;
    private static final int NAMED_FILES = 5;

    /** {@code a, b, c and 9 more}. */
    private static String named(List<String> files, int max) {
        return files.size() <= max ? String.join(", ", files)
                : String.join(", ", files.subList(0, max)) + " and " + (files.size() - max) + " more";
    }

    /**
     * Locks the files for this transaction: waiting ({@code wait}), or trying once and answering whether all were free.
     * Every claim first takes the project's file-lock key, shared when the task has at most {@link #FINE_FILES} files
     * (it then locks each file's key in ascending order), alone when it has more: one task of 12,000 files took a lock
     * each and ran PostgreSQL out of lock slots, every claim of the project then failing. Two tasks sharing a file still
     * exclude each other: both hold that file's key, or one holds the project's key alone. Running out anyway is 503.
     */
    private boolean lockFiles(Project project, List<String> files, boolean wait) {
        if (files.isEmpty()) {
            return true;
        }
        boolean wide = files.size() > FINE_FILES;
        String keys = wide ? "" : files.stream().map(f -> (project.id + "\n" + f).hashCode()).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(","));
        String mode = wide ? "" : "_shared";
        String whole = wait ? "pg_advisory_xact_lock" + mode + "(?3, ?4) IS NOT NULL" : "pg_try_advisory_xact_lock" + mode + "(?3, ?4)";
        String lock = wait ? "pg_advisory_xact_lock(?1, k) IS NOT NULL" : "pg_try_advisory_xact_lock(?1, k)";
        try {
            // The project's key first, then unnest yields the keys in array order, each locked as its row comes.
            Object all = em.createNativeQuery("SELECT CASE WHEN " + whole + " THEN (SELECT coalesce(bool_and(ok), true) FROM (SELECT " + lock
                            + " AS ok FROM unnest(CAST(string_to_array(?2, ',') AS int[])) k) l) ELSE false END")
                    .setParameter(1, FILE_LOCK).setParameter(2, keys).setParameter(3, PROJECT_FILE_LOCK)
                    .setParameter(4, project.id.hashCode()).getSingleResult();
            return Boolean.TRUE.equals(all);
        } catch (jakarta.persistence.PersistenceException e) {
            if (outOfLocks(e)) {
                throw new ApiException(503, "Too many claims are taking their file locks at once; nothing was claimed. Try again in a moment.");
            }
            throw e;
        }
    }

    /** PostgreSQL's "out of shared memory" (53200): its lock table is full, which a later try may find otherwise. */
    private static boolean outOfLocks(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException q && "53200".equals(q.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The claimer holds the task's row lock: the task moves itself to claimed, by its own transition rule. */
    private void afterClaim(Access access, ImplementationTask task, TaskService.Actor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        task.moveTo(TaskStatus.CLAIMED, em.getReference(Account.class, actor.accountId()), now);
        task.leaseExpiresAt = now.plus(TaskLeases.length(access.project()));
        history.log(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, null);
        // Status is derived: only the first claim of a spec takes its row lock.
        UUID author = (UUID) em.createNativeQuery("""
                WITH started AS (UPDATE technical_specs SET status = 'in_progress', started_at = coalesce(started_at, now())
                                 WHERE id = ?1 AND status IN ('draft', 'approved'))
                SELECT s.author_id FROM technical_specs s WHERE s.id = ?1""")
                .setParameter(1, task.spec.id).getSingleResult();
        history.announce(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, author);
    }

    /**
     * The claimed task's context from what its claiming statement read: a hierarchical spec's text is read and parsed
     * only by the first reader of its version. Neither the task nor the spec is loaded as an entity.
     */
    private ClaimView view(ClaimStatements.Claimed c) {
        SpecContent hierarchical = c.hierarchical()
                ? TechnicalSpec.sharedContent(c.specId(), c.specVersion(), () -> (String) em.createNativeQuery(
                        "SELECT content FROM technical_specs WHERE id = ?1").setParameter(1, c.specId()).getSingleResult())
                : null;
        return new ClaimView(c.taskKey(), TaskQueries.context(c.row(), c.row().specTitle(), hierarchical, c.monolithic(), c.specDirty()), c.hasNotes());
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
