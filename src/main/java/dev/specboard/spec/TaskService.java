package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.repo.RepoService;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves implementation tasks through their states (claim, start, complete, fail, release, merge),
 * logging every transition, rolling the spec's status up and raising the events that follow.
 */
@ApplicationScoped
public class TaskService {

    /** Skips tasks whose spec waits for an incomplete dependency. */
    private static final String READY = " NOT EXISTS (SELECT 1 FROM spec_dependencies d JOIN technical_specs ds ON ds.id = d.depends_on_id"
            + " WHERE d.spec_id = t.spec_id AND ds.status <> 'complete') ";

    @Inject
    EntityManager em;

    @Inject
    SpecService specs;

    @Inject
    Event<TaskTransitioned> transitioned;

    @Inject
    Event<SpecCompleted> specCompleted;

    @Inject
    RepoService repos;

    /** Who acts and through which door, for the transition log. */
    public record Actor(UUID accountId, String via) {
    }

    /** The phase an agent works on, and only that phase (progressive disclosure). */
    public record TaskContextView(TaskRow task, String specKey, String specTitle, String overview, String phaseName,
                              String phaseDescription, BigDecimal phaseHours, String phaseContent, List<String> assignedFiles) {
    }

    /** A line of a task's history. */
    public record EventRow(TaskStatus from, TaskStatus to, String actor, String via, String note, Instant at) {
    }

    // --- transitions

    /**
     * Claims a pending task atomically for the actor: exactly one of concurrent claimers wins, the others get 409.
     * The row lock decides who wins (the others wait, then no longer find it pending); the move itself is the task's own.
     */
    @Transactional
    public ImplementationTask claim(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        String taskKey = normalize(key);
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
        return afterClaim(won.get(0), actor);
    }

    /**
     * Claims the oldest pending task whose spec's dependencies are complete, skipping rows other
     * claimers hold ({@code FOR UPDATE SKIP LOCKED}); empty when nothing is ready.
     */
    @Transactional
    public Optional<ImplementationTask> claimNext(Access access, Actor actor) {
        access.requireWrite(Role.MEMBER);
        @SuppressWarnings("unchecked")
        List<UUID> won = em.createNativeQuery("""
                        SELECT t.id FROM implementation_tasks t JOIN technical_specs s ON s.id = t.spec_id
                        WHERE t.project_id = ?1 AND t.status = 'pending' AND """ + READY + """
                        ORDER BY t.created_at, s.spec_number, t.task_number
                        LIMIT 1
                        FOR UPDATE OF t SKIP LOCKED""")
                .setParameter(1, access.project().id).getResultList();
        if (won.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(afterClaim(won.get(0), actor));
    }

    /** The claimer holds the task's row lock: the task moves itself to claimed, by its own transition rule. */
    private ImplementationTask afterClaim(UUID id, Actor actor) {
        ImplementationTask task = em.find(ImplementationTask.class, id);
        em.refresh(task);
        task.moveTo(TaskStatus.CLAIMED, em.getReference(Account.class, actor.accountId()), Instant.now());
        em.flush();
        log(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor, null);
        // Status is derived: only the first claim of a spec takes its row lock.
        em.createNativeQuery("""
                UPDATE technical_specs SET status = 'in_progress', started_at = coalesce(started_at, now())
                WHERE id = ?1 AND status IN ('draft', 'approved')""").setParameter(1, task.spec.id).executeUpdate();
        fire(task, TaskStatus.PENDING, TaskStatus.CLAIMED, actor);
        return task;
    }

    /** The claimant (or a lead) starts work on a claimed task. */
    @Transactional
    public ImplementationTask start(Access access, String key, Actor actor) {
        return transition(access, key, TaskStatus.IN_PROGRESS, actor, null, null, null);
    }

    /**
     * The claimant (or a lead) completes a started task with its commit SHA and, optionally, the hours
     * it took; when a synced default branch already contains the commit, the task is merged at once.
     */
    @Transactional
    public ImplementationTask complete(Access access, String key, String commitSha, BigDecimal actualHours, Actor actor) {
        return transition(access, key, TaskStatus.COMPLETED, actor, commitSha, actualHours, null);
    }

    /** The claimant (or a lead) reports that a task failed, with the reason. */
    @Transactional
    public ImplementationTask fail(Access access, String key, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "Say why the task failed");
        }
        return transition(access, key, TaskStatus.FAILED, actor, null, null, reason.strip());
    }

    /**
     * Moves a task to any column, as the board does: pending → claimed/in progress claims atomically,
     * completing needs a commit SHA, illegal moves are refused with the reason (409).
     */
    @Transactional
    public ImplementationTask move(Access access, String key, TaskStatus to, String commitSha, BigDecimal actualHours, String note,
                                   Actor actor) {
        access.requireWrite(Role.MEMBER);
        String taskKey = normalize(key);
        ImplementationTask current = find(access.project(), taskKey);
        if (current.status == TaskStatus.PENDING && (to == TaskStatus.CLAIMED || to == TaskStatus.IN_PROGRESS)) {
            ImplementationTask claimed = claim(access, taskKey, actor);
            return to == TaskStatus.CLAIMED ? claimed : transition(access, taskKey, TaskStatus.IN_PROGRESS, actor, null, null, null);
        }
        if (to == TaskStatus.FAILED && (note == null || note.isBlank())) {
            note = "Moved to failed on the board";
        }
        return transition(access, taskKey, to, actor, commitSha, actualHours, note);
    }

    private ImplementationTask transition(Access access, String key, TaskStatus to, Actor actor, String commitSha,
                                          BigDecimal actualHours, String note) {
        access.requireWrite(Role.MEMBER);
        String taskKey = normalize(key);
        ImplementationTask task = find(access.project(), taskKey);
        em.lock(task, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        TaskStatus from = task.status;
        if (from == TaskStatus.PENDING && to == TaskStatus.IN_PROGRESS) {
            throw ApiException.conflict(taskKey + " is not claimed yet: claim it first.");
        }
        Optional<String> refusal = from.refusal(to);
        if (refusal.isPresent()) {
            throw ApiException.conflict(refusal.get(), Map.of("from", from.value(), "to", to.value()));
        }
        if (task.claimedBy != null && !task.claimedBy.id.equals(actor.accountId()) && !access.isLead()) {
            throw ApiException.conflict(taskKey + " is claimed by " + task.claimedBy.username
                    + "; only they or a lead can move it.", Map.of("claimedBy", task.claimedBy.username));
        }
        if (to == TaskStatus.COMPLETED) {
            String sha = commitSha == null ? "" : commitSha.trim().toLowerCase();
            if (!ImplementationTask.isValidSha(sha)) {
                throw ValidationException.of("commitSha", "Give the full commit SHA: 40 hexadecimal characters");
            }
            if (actualHours != null && (actualHours.signum() < 0 || actualHours.compareTo(SpecContent.MAX_HOURS) > 0)) {
                throw ValidationException.of("actualHours", "Hours between 0 and 9999");
            }
            task.commitSha = sha;
            if (actualHours != null) {
                task.actualHours = actualHours;
            }
        }
        if (to == TaskStatus.FAILED) {
            task.failureReason = note;
        }
        if (to == TaskStatus.PENDING && from == TaskStatus.FAILED) {
            task.failureReason = null;
        }
        task.moveTo(to, em.getReference(Account.class, actor.accountId()), Instant.now());
        if (to == TaskStatus.PENDING) {
            task.commitSha = null;
        }
        log(task, from, to, actor, note);
        em.flush();
        specs.rollUp(task.spec.id).ifPresent(specCompleted::fire);
        fire(task, from, to, actor);
        if (to == TaskStatus.COMPLETED) {
            markMerged(task.project.id, repos.onDefaultBranch(task.project.id, Set.of(task.commitSha)), Instant.now());
        }
        return task;
    }

    /**
     * The repository sync's hook: marks every completed task of the project with one of these commits
     * as merged at the given time, rolls their specs up and returns how many tasks moved.
     */
    @Transactional
    public int markMerged(UUID projectId, Collection<String> commitShas, Instant mergedAt) {
        List<String> shas = commitShas.stream().filter(ImplementationTask::isValidSha).toList();
        if (shas.isEmpty()) {
            return 0;
        }
        List<ImplementationTask> tasks = ImplementationTask.<ImplementationTask>find(
                        "from ImplementationTask t join fetch t.spec where t.project.id = ?1 and t.commitSha in ?2 and t.status = ?3",
                        projectId, shas, TaskStatus.COMPLETED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Set<UUID> specIds = new HashSet<>();
        for (ImplementationTask t : tasks) {
            t.status = TaskStatus.MERGED;
            t.mergedAt = mergedAt == null ? Instant.now() : mergedAt;
            log(t, TaskStatus.COMPLETED, TaskStatus.MERGED, new Actor(null, TaskEvent.VIA_SYSTEM), "Commit " + t.commitSha.substring(0, 12)
                    + " is on the default branch");
            specIds.add(t.spec.id);
        }
        em.flush();
        for (UUID specId : specIds) {
            specs.rollUp(specId).ifPresent(specCompleted::fire);
        }
        for (ImplementationTask t : tasks) {
            fire(t, TaskStatus.COMPLETED, TaskStatus.MERGED, new Actor(null, TaskEvent.VIA_SYSTEM));
        }
        return tasks.size();
    }

    private void log(ImplementationTask task, TaskStatus from, TaskStatus to, Actor actor, String note) {
        TaskEvent e = new TaskEvent();
        e.task = task;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor.accountId() == null ? null : em.getReference(Account.class, actor.accountId());
        e.via = actor.via();
        e.note = note;
        e.persist();
    }

    private void fire(ImplementationTask task, TaskStatus from, TaskStatus to, Actor actor) {
        UUID author = (UUID) em.createNativeQuery("SELECT author_id FROM technical_specs WHERE id = ?1")
                .setParameter(1, task.spec.id).getSingleResult();
        transitioned.fire(new TaskTransitioned(task.project.id, task.taskKey, from, to, actor.accountId(), author));
    }

    private ApiException whyNotClaimable(Project project, String taskKey, UUID accountId) {
        ImplementationTask task = find(project, taskKey);
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

    // --- reading

    public ImplementationTask find(Project project, String key) {
        String taskKey = normalize(key);
        return ImplementationTask.<ImplementationTask>find(
                        "from ImplementationTask t join fetch t.spec left join fetch t.claimedBy where t.project = ?1 and t.taskKey = ?2",
                        project, taskKey)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("No task " + key + " in this project"));
    }

    private static String normalize(String key) {
        return ImplementationTask.normalizeKey(key).orElseThrow(() -> ApiException.notFound("No task " + key + " in this project"));
    }

    /** One task as a row, with its blocked flag. */
    public TaskRow row(Project project, String key) {
        ImplementationTask t = find(project, key);
        return rows(List.of(t), blockedSpecs(project)).get(0);
    }

    /** The phase of this task only, with the spec's overview. */
    public TaskContextView context(Project project, String key) {
        ImplementationTask t = find(project, key);
        TaskRow row = rows(List.of(t), blockedSpecs(project)).get(0);
        TechnicalSpec spec = t.spec;
        if (spec.isHierarchical()) {
            SpecContent content = spec.parsedContent();
            SpecContent.Phase phase = content.phase(t.scope).orElse(new SpecContent.Phase(null, t.scope, t.scopeDescription,
                    t.estimatedHours, "", t.assignedFiles()));
            return new TaskContextView(row, spec.key(), spec.title, content.overview(), phase.name(), phase.description(),
                    phase.hoursOrZero(), phase.content() == null ? "" : phase.content(), phase.files());
        }
        return new TaskContextView(row, spec.key(), spec.title, null, t.scope, t.scopeDescription, t.estimatedHours,
                spec.content, t.assignedFiles());
    }

    /** A task's transitions, oldest first, with who made them. */
    public List<EventRow> history(Project project, String key) {
        return em.createQuery("from TaskEvent e left join fetch e.actor where e.task.project = :p and e.task.taskKey = :k "
                        + "order by e.createdAt, e.id", TaskEvent.class)
                .setParameter("p", project).setParameter("k", normalize(key)).getResultList().stream()
                .map(e -> new EventRow(e.fromStatus, e.toStatus, e.actor == null ? null : e.actor.username, e.via, e.note, e.createdAt))
                .toList();
    }

    /** Tasks for the API list, optionally by status and spec. */
    public List<TaskRow> list(Project project, TaskStatus status, String specKey) {
        StringBuilder q = new StringBuilder("from ImplementationTask t join fetch t.spec s left join fetch t.claimedBy where t.project = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", project);
        if (status != null) {
            q.append(" and t.status = :status");
            params.put("status", status);
        }
        if (specKey != null && !specKey.isBlank()) {
            q.append(" and s.specNumber = :n");
            params.put("n", TechnicalSpec.parseKey(specKey).orElse(-1));
        }
        q.append(" order by s.specNumber, t.taskNumber");
        var query = em.createQuery(q.toString(), ImplementationTask.class);
        params.forEach(query::setParameter);
        return rows(query.getResultList(), blockedSpecs(project));
    }

    /** Numbers of the project's specs that wait for an incomplete dependency. */
    @SuppressWarnings("unchecked")
    public Set<Integer> blockedSpecs(Project project) {
        List<Number> rows = em.createNativeQuery("""
                SELECT DISTINCT s.spec_number FROM technical_specs s
                JOIN spec_dependencies d ON d.spec_id = s.id JOIN technical_specs ds ON ds.id = d.depends_on_id
                WHERE s.project_id = ?1 AND ds.status <> 'complete'""").setParameter(1, project.id).getResultList();
        Set<Integer> out = new HashSet<>();
        rows.forEach(n -> out.add(n.intValue()));
        return out;
    }

    static List<TaskRow> rows(Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs) {
        return tasks.stream().map(t -> new TaskRow(t.taskKey, t.spec.specNumber, t.spec.title, t.spec.storyNumber, t.scope,
                t.scopeDescription, t.assignedFiles(), t.branchName, t.status,
                t.claimedBy == null ? null : t.claimedBy.username, t.claimedAt, t.startedAt, t.completedAt, t.commitSha, t.mergedAt,
                t.failureReason, t.estimatedHours, t.actualHours, t.createdAt, t.updatedAt,
                t.status == TaskStatus.PENDING && blockedSpecs.contains(t.spec.specNumber))).toList();
    }

}
