package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.kernel.Role;
import dev.specboard.repo.RepoService;
import dev.specboard.web.ApiException;
import dev.specboard.notification.Mentions;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.web.Markdown;
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

    /** Skips tasks sharing an assigned file with a task someone holds. */
    private static final String NO_OVERLAP = " NOT EXISTS (SELECT 1 FROM implementation_tasks h"
            + " CROSS JOIN jsonb_array_elements_text(h.assigned_files) hf(path)"
            + " WHERE h.project_id = t.project_id AND h.status IN ('claimed', 'in_progress')"
            + " AND hf.path IN (SELECT jsonb_array_elements_text(t.assigned_files))) ";

    /** The first key of the advisory lock that makes a project's claims take turns. */
    private static final int CLAIM_LOCK = 0x5b7a;

    public static final String NOTHING_PENDING = "none-pending";
    public static final String ALL_BLOCKED = "blocked";
    public static final String ALL_OVERLAPPING = "overlapping";

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

    @Inject
    LiveUpdates live;

    @Inject
    Markdown markdown;

    @Inject
    Event<TaskLeaseExpired> leaseExpired;

    @Inject
    WipLimits wipLimits;

    @Inject
    Event<TaskNoted> noted;

    /** The live event kind of a new progress note. */
    public static final String NOTE_EVENT = "task-note";

    /**
     * Who acts and through which door, for the transition log, and whether they confirmed going past a
     * column's WIP limit.
     */
    public record Actor(UUID accountId, String via, boolean pastWipLimit) {

        public Actor(UUID accountId, String via) {
            this(accountId, via, false);
        }

        public Actor pastWipLimit(boolean confirmed) {
            return new Actor(accountId, via, confirmed);
        }
    }

    /** The phase an agent works on, and only that phase (progressive disclosure). */
    public record TaskContextView(TaskRow task, String specKey, String specTitle, String overview, String phaseName,
                              String phaseDescription, BigDecimal phaseHours, String phaseContent, List<String> assignedFiles) {
    }

    /** A completed task, and whether its commit was found in a synced mirror (false: no repository synced yet, not checked). */
    public record Completion(ImplementationTask task, boolean commitChecked) {
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
        holdWipLimit(access.project(), TaskStatus.CLAIMED, taskKey, actor);
        return afterClaim(access, won.get(0), actor);
    }

    /**
     * Claims the best ready task: by priority, then the specs others wait for, then age (phase order
     * within a spec); never one whose assigned files overlap a claimed or started task. Claims of one
     * project take turns (a transaction-scoped advisory lock), so two parallel callers cannot take two
     * overlapping tasks; empty when nothing can be handed out ({@link #whyNothingReady} says why).
     */
    @Transactional
    public Optional<ImplementationTask> claimNext(Access access, Actor actor) {
        access.requireWrite(Role.MEMBER);
        serializeClaims(access.project());
        @SuppressWarnings("unchecked")
        List<UUID> won = em.createNativeQuery("""
                        SELECT t.id FROM implementation_tasks t JOIN technical_specs s ON s.id = t.spec_id
                        WHERE t.project_id = ?1 AND t.status = 'pending' AND """ + READY + " AND " + NO_OVERLAP
                        + " ORDER BY " + TaskPriority.rankSql("t.priority")
                        + ", (SELECT count(*) FROM spec_dependencies w WHERE w.depends_on_id = t.spec_id) DESC,"
                        + " t.created_at, s.spec_number, t.task_number LIMIT 1 " + """
                        FOR UPDATE OF t SKIP LOCKED""")
                .setParameter(1, access.project().id).getResultList();
        if (won.isEmpty()) {
            return Optional.empty();
        }
        holdWipLimit(access.project(), TaskStatus.CLAIMED, null, actor);
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

    /**
     * Refuses a move into a column that already holds its WIP limit unless the actor confirmed it; work
     * going back to pending is never held up.
     */
    private void holdWipLimit(Project project, TaskStatus to, String taskKey, Actor actor) {
        if (actor.pastWipLimit() || to == TaskStatus.PENDING) {
            return;
        }
        Integer limit = wipLimits.of(project).get(to);
        if (limit == null) {
            return;
        }
        int holding = wipLimits.holding(project, to, taskKey);
        if (holding + 1 > limit) {
            throw new WipLimitExceeded(to, limit, holding);
        }
    }

    /** Claims in one project take turns until commit, so that the overlap check sees every earlier claim. */
    private void serializeClaims(Project project) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, CLAIM_LOCK).setParameter(2, project.id.toString()).getSingleResult();
    }

    /** The claimer holds the task's row lock: the task moves itself to claimed, by its own transition rule. */
    private ImplementationTask afterClaim(Access access, UUID id, Actor actor) {
        ImplementationTask task = em.find(ImplementationTask.class, id);
        em.refresh(task);
        Instant now = Instant.now();
        task.moveTo(TaskStatus.CLAIMED, em.getReference(Account.class, actor.accountId()), now);
        task.leaseExpiresAt = now.plus(lease(access.project()));
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
    public Completion complete(Access access, String key, String commitSha, BigDecimal actualHours, Actor actor) {
        Moved moved = moveTask(access, key, TaskStatus.COMPLETED, actor, commitSha, actualHours, null);
        return new Completion(moved.task(), moved.commitChecked());
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
            // Passing through claimed on the way to in progress: only the column it lands in counts.
            ImplementationTask claimed = claim(access, taskKey, to == TaskStatus.CLAIMED ? actor : actor.pastWipLimit(true));
            return to == TaskStatus.CLAIMED ? claimed : transition(access, taskKey, TaskStatus.IN_PROGRESS, actor, null, null, null);
        }
        if (to == TaskStatus.FAILED && (note == null || note.isBlank())) {
            note = "Moved to failed on the board";
        }
        return transition(access, taskKey, to, actor, commitSha, actualHours, note);
    }

    private ImplementationTask transition(Access access, String key, TaskStatus to, Actor actor, String commitSha,
                                          BigDecimal actualHours, String note) {
        return moveTask(access, key, to, actor, commitSha, actualHours, note).task();
    }

    /** A move and, when it completed the task, whether the commit could be checked against a synced mirror. */
    private record Moved(ImplementationTask task, boolean commitChecked) {
    }

    private Moved moveTask(Access access, String key, TaskStatus to, Actor actor, String commitSha, BigDecimal actualHours, String note) {
        access.requireWrite(Role.MEMBER);
        String taskKey = normalize(key);
        ImplementationTask task = find(access.project(), taskKey);
        em.lock(task, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        TaskStatus from = task.status;
        boolean commitChecked = false;
        if (from == TaskStatus.PENDING && to == TaskStatus.IN_PROGRESS) {
            throw ApiException.conflict(taskKey + " is not claimed yet: claim it first.");
        }
        Optional<String> refusal = from.refusal(to);
        if (refusal.isPresent()) {
            throw ApiException.conflict(refusal.get(), Map.of("from", from.value(), "to", to.value()));
        }
        holdWipLimit(access.project(), to, taskKey, actor);
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
            Optional<Boolean> known = repos.commitKnown(access.project().id, sha);
            if (known.isPresent() && !known.get()) {
                throw ValidationException.of("commitSha", "Commit " + sha + " is not in the synced repository: push it"
                        + " (to any branch) and sync the repository, or check the SHA");
            }
            commitChecked = known.isPresent();
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
        Instant now = Instant.now();
        task.moveTo(to, em.getReference(Account.class, actor.accountId()), now);
        if (to.isHeld()) {
            task.leaseExpiresAt = now.plus(lease(access.project()));
        }
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
        return new Moved(task, commitChecked);
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

    /** The claimer extends the lease of the task it holds by the project's lease length (409 for anyone else). */
    @Transactional
    public ImplementationTask heartbeat(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = locked(access.project(), key);
        try {
            task.renewLease(actor.accountId(), Instant.now(), lease(access.project()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", task.status.value()));
        }
        return task;
    }

    /** The claimer (or a lead) gives a claimed or started task back: it is pending again, for anyone. */
    @Transactional
    public ImplementationTask release(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = find(access.project(), key);
        if (!task.status.isHeld()) {
            throw ApiException.conflict(task.taskKey + " is " + task.status.label().toLowerCase()
                    + ": only a claimed or started task can be released.", Map.of("status", task.status.value()));
        }
        return transition(access, key, TaskStatus.PENDING, actor, null, null, "Released");
    }

    /** A failed task goes back to pending for another try; its failure stays in the history. */
    @Transactional
    public ImplementationTask retry(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = find(access.project(), key);
        if (task.status != TaskStatus.FAILED) {
            throw ApiException.conflict(task.taskKey + " is " + task.status.label().toLowerCase() + ": only a failed task can be retried.",
                    Map.of("status", task.status.value()));
        }
        String reason = task.failureReason;
        return transition(access, key, TaskStatus.PENDING, actor, null, null,
                "Retry" + (reason == null || reason.isBlank() ? "" : " after: " + reason));
    }

    /** Adds an entry (markdown) to the task's progress log; open boards show it. */
    @Transactional
    public TaskNoteRow addNote(Access access, String key, String body, Actor actor) {
        access.requireWrite(Role.MEMBER);
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "Write the note");
        }
        if (body.length() > TaskNote.MAX_LENGTH) {
            throw ValidationException.of("body", "At most " + TaskNote.MAX_LENGTH + " characters");
        }
        TaskNote note = new TaskNote();
        note.task = find(access.project(), key);
        note.author = em.find(Account.class, actor.accountId());
        note.via = actor.via();
        note.body = body.strip();
        note.persist();
        em.flush();
        UUID specAuthor = (UUID) em.createNativeQuery("SELECT author_id FROM technical_specs WHERE id = ?1")
                .setParameter(1, note.task.spec.id).getSingleResult();
        noted.fire(new TaskNoted(access.project().id, access.project().slug, note.task.taskKey, note.author.id, note.author.username,
                note.task.claimedBy == null ? null : note.task.claimedBy.id, specAuthor, Mentions.parse(note.body)));
        live.publish(LiveEvent.forProject(NOTE_EVENT, access.project().id));
        return new TaskNoteRow(note.id, note.author.username, note.via, note.body, markdown.render(note.body), note.createdAt);
    }

    /** Sets how soon the task should be done (urgent, high, normal, low); claim-next hands out urgent tasks first. */
    @Transactional
    public ImplementationTask prioritize(Access access, String key, String priority) {
        access.requireWrite(Role.MEMBER);
        TaskPriority p = TaskPriority.parse(priority).orElseThrow(() -> ValidationException.of("priority",
                "Choose urgent, high, normal or low"));
        ImplementationTask task = locked(access.project(), key);
        task.priority = p;
        live.publish(LiveEvent.forProject("board", access.project().id));
        return task;
    }

    /**
     * Returns tasks whose lease ran out to pending, at most {@code limit} at a time: each is logged,
     * its former claimer is told, open boards and event streams hear it. Rows another instance is
     * sweeping are skipped ({@code FOR UPDATE SKIP LOCKED}), so any number of instances may sweep.
     */
    @Transactional
    public int expireLeases(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> expired = em.createNativeQuery("""
                        SELECT t.id FROM implementation_tasks t
                        WHERE t.status IN ('claimed', 'in_progress') AND t.lease_expires_at < now()
                        ORDER BY t.lease_expires_at LIMIT ?1
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, limit).getResultList();
        Actor system = new Actor(null, TaskEvent.VIA_SYSTEM);
        for (UUID id : expired) {
            ImplementationTask task = em.find(ImplementationTask.class, id);
            em.refresh(task);
            TaskStatus from = task.status;
            Account claimer = task.claimedBy;
            Instant lapsed = task.leaseExpiresAt;
            task.moveTo(TaskStatus.PENDING, null, Instant.now());
            task.commitSha = null;
            log(task, from, TaskStatus.PENDING, system, "Lease expired: " + claimer.username + " sent no heartbeat before " + lapsed);
            em.flush();
            specs.rollUp(task.spec.id).ifPresent(specCompleted::fire);
            fire(task, from, TaskStatus.PENDING, system);
            leaseExpired.fire(new TaskLeaseExpired(task.project.id, task.project.slug, task.taskKey, claimer.id));
        }
        return expired.size();
    }

    private ImplementationTask locked(Project project, String key) {
        ImplementationTask task = find(project, key);
        em.lock(task, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        return task;
    }

    private static java.time.Duration lease(Project project) {
        return java.time.Duration.ofMinutes(project.taskLeaseMinutes);
    }

    /** A task's progress log, oldest first, with the authors, in one query. */
    public List<TaskNoteRow> notes(Project project, String key) {
        return em.createQuery("from TaskNote n join fetch n.author where n.task.project = :p and n.task.taskKey = :k "
                        + "order by n.createdAt, n.id", TaskNote.class)
                .setParameter("p", project).setParameter("k", normalize(key)).getResultList().stream()
                .map(n -> new TaskNoteRow(n.id, n.author.username, n.via, n.body, markdown.render(n.body), n.createdAt)).toList();
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
        StringBuilder q = new StringBuilder("from ImplementationTask t join t.spec s where t.project = :p");
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
        return rows(em, withSpecs(em, query.getResultList()), blockedSpecs(project));
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

    /**
     * Loads the specs of these tasks in one query, each spec once. A {@code join fetch t.spec} would repeat
     * the spec's whole content (every phase) on every task row: for a spec of 2,000 phases that is its
     * content 2,000 times over, which ran a 256 MB heap out of memory.
     */
    static List<ImplementationTask> withSpecs(EntityManager em, List<ImplementationTask> tasks) {
        jakarta.persistence.PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Set<Object> ids = new java.util.HashSet<>();
        for (ImplementationTask t : tasks) {
            ids.add(util.getIdentifier(t.spec)); // read from the proxy, without loading it
        }
        if (!ids.isEmpty()) {
            em.createQuery("from TechnicalSpec s where s.id in :ids", TechnicalSpec.class).setParameter("ids", ids).getResultList();
        }
        return tasks;
    }

    static List<TaskRow> rows(Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs) {
        return rows(tasks, blockedSpecs, t -> t.claimedBy == null ? null : t.claimedBy.username);
    }

    /**
     * Rows of many tasks, with their claimers' names read in one query of names only: fetching the claimers
     * would load each one's whole account (its password hash included) for a name on a card.
     */
    static List<TaskRow> rows(EntityManager em, Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs) {
        jakarta.persistence.PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Set<Object> ids = new HashSet<>();
        for (ImplementationTask t : tasks) {
            if (t.claimedBy != null) {
                ids.add(util.getIdentifier(t.claimedBy)); // read from the proxy, without loading it
            }
        }
        Map<Object, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select a.id, a.username from Account a where a.id in :ids", Object[].class).setParameter("ids", ids)
                    .getResultList().forEach(r -> names.put(r[0], (String) r[1]));
        }
        return rows(tasks, blockedSpecs, t -> t.claimedBy == null ? null : names.get(util.getIdentifier(t.claimedBy)));
    }

    private static List<TaskRow> rows(Collection<ImplementationTask> tasks, Set<Integer> blockedSpecs,
                                      java.util.function.Function<ImplementationTask, String> claimer) {
        return tasks.stream().map(t -> new TaskRow(t.taskKey, t.spec.specNumber, t.spec.title, t.spec.storyNumber, t.scope,
                t.scopeDescription, t.assignedFiles(), t.branchName, t.status,
                claimer.apply(t), t.claimedAt, t.startedAt, t.completedAt, t.commitSha, t.mergedAt,
                t.failureReason, t.estimatedHours, t.actualHours, t.createdAt, t.updatedAt,
                t.status == TaskStatus.PENDING && blockedSpecs.contains(t.spec.specNumber), t.priority, t.leaseExpiresAt)).toList();
    }

}
