package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.repo.RepoService;
import dev.specboard.web.ApiException;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.web.FormErrors;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves implementation tasks through their states (start, complete, fail, release, retry, merge; claims are
 * {@link TaskClaims}'), logging every transition, rolling the spec's status up and raising the events that
 * follow; sets priorities.
 */
@ApplicationScoped
public class TaskService {

    /** Git's short form of a commit SHA: the first 4 or more of its hex digits. */
    private static final java.util.regex.Pattern SHORT_SHA = java.util.regex.Pattern.compile("[0-9a-f]{4,39}");

    @Inject
    EntityManager em;

    @Inject
    SpecService specs;

    @Inject
    Event<SpecCompleted> specCompleted;

    @Inject
    RepoService repos;

    @Inject
    LiveUpdates live;

    @Inject
    WipLimits wipLimits;

    @Inject
    TaskClaims claims;

    @Inject
    TaskHistory history;

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

    /** A completed task, and whether its commit was found in a synced mirror (false: no repository synced yet, not checked). */
    public record Completion(ImplementationTask task, boolean commitChecked) {
    }

    // --- transitions

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
        if (dev.specboard.web.Chars.Check.over(reason, TaskNote.MAX_LENGTH)) {
            // Kept as the task's failure reason and in its history, both read with every task list.
            throw ValidationException.of("reason", "At most " + TaskNote.MAX_LENGTH + " characters");
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
        String taskKey = ImplementationTask.requireKey(key);
        ImplementationTask current = ImplementationTask.byKey(access.project(), taskKey);
        // A card whose lease lapsed shows in pending: moving it on claims it, as for any pending card.
        boolean free = current.status == TaskStatus.PENDING || current.leaseLapsed(Instant.now());
        if (free && (to == TaskStatus.CLAIMED || to == TaskStatus.IN_PROGRESS)) {
            // Passing through claimed on the way to in progress: only the column it lands in counts.
            ImplementationTask claimed = claims.claim(access, taskKey, to == TaskStatus.CLAIMED ? actor : actor.pastWipLimit(true));
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

    /** A reported commit as stored: its full SHA, and whether a synced mirror was asked about it (false: none synced yet). */
    private record Commit(String sha, boolean checked) {
    }

    /** A reported commit SHA, trimmed and in lower case; a problem noted unless it has 40 hex digits or git's short form of them. */
    private static String reportedSha(String commitSha, FormErrors errors) {
        String sha = commitSha == null ? "" : commitSha.trim().toLowerCase(java.util.Locale.ROOT);
        if (!ImplementationTask.isValidSha(sha) && !SHORT_SHA.matcher(sha).matches()) {
            errors.add("commitSha", "Give the commit SHA: 40 hexadecimal characters, or at least the first 4 of them");
        }
        return sha;
    }

    /** Hours that could not be read, refused together with a malformed SHA: a form names every problem at once. */
    static ValidationException withShaProblem(String commitSha, ValidationException unreadableHours) {
        FormErrors errors = FormErrors.none();
        reportedSha(commitSha, errors);
        unreadableHours.errors().asMap().forEach(errors::add);
        return new ValidationException(errors);
    }

    /**
     * The commit a reported SHA names, looked up once in the synced mirrors: a full SHA must be there once any repository
     * is synced; a short one ({@code abc1234}, as agents and people often report it) must start exactly one commit there,
     * which also proves it known, so the mirrors are not opened a second time to check it.
     */
    private Commit commit(UUID projectId, String sha) {
        if (ImplementationTask.isValidSha(sha)) {
            Optional<Boolean> known = repos.commitKnown(projectId, sha);
            if (known.isPresent() && !known.get()) {
                throw ValidationException.of("commitSha", "Commit " + sha + " is not in the synced repository: push it"
                        + " (to any branch) and sync the repository, or check the SHA");
            }
            return new Commit(sha, known.isPresent());
        }
        Set<String> matches = repos.commitsStartingWith(projectId, sha).orElseThrow(() -> ValidationException.of("commitSha",
                "Give the full commit SHA (40 hexadecimal characters): a short one can be looked up only once a repository is synced"));
        if (matches.isEmpty()) {
            throw ValidationException.of("commitSha", "No commit starting with " + sha + " is in the synced repository: push it"
                    + " (to any branch) and sync the repository, or check the SHA");
        }
        if (matches.size() > 1) {
            throw ValidationException.of("commitSha", sha + " starts " + matches.size() + " commits: give more of its digits");
        }
        return new Commit(matches.iterator().next(), true);
    }

    /** A move and, when it completed the task, whether the commit could be checked against a synced mirror. */
    private record Moved(ImplementationTask task, boolean commitChecked) {
    }

    private Moved moveTask(Access access, String key, TaskStatus to, Actor actor, String commitSha, BigDecimal actualHours, String note) {
        access.requireWrite(Role.MEMBER);
        String taskKey = ImplementationTask.requireKey(key);
        ImplementationTask task = ImplementationTask.locked(access.project(), taskKey);
        TaskStatus from = task.status;
        boolean commitChecked = false;
        // A lapsed claim counts as ended though the sweep has not moved it yet: nobody moves it on (another agent may be
        // claiming it this moment), nor gives it back.
        try {
            task.checkLease(Instant.now(), to);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", TaskStatus.PENDING.value(), "leaseExpiresAt", task.leaseExpiresAt.toString()));
        }
        if (to != TaskStatus.PENDING) {
            history.refuseLapsedPending(task, actor.accountId());
        }
        // Every claim goes through TaskClaims (dependencies, file locks, WIP turn). A board move that read the task
        // as claimed before a release committed finds it pending here, and must not claim it past those checks.
        if (from == TaskStatus.PENDING && to.isHeld()) {
            throw refused(task, taskKey + " is not claimed yet: claim it first.", from, to, actor);
        }
        // Who holds it comes first: told "cannot move from claimed to completed", someone else's claimer (or an agent whose
        // lease lapsed and was claimed by another since) looked for a mistake in their move instead of the holder.
        if (task.claimedBy != null && !task.claimedBy.id.equals(actor.accountId()) && !access.isLead()) {
            history.refuseLapsedClaimer(task, actor.accountId());
            throw ApiException.conflict(task.holderOnly(to), Map.of("claimedBy", task.claimedBy.username));
        }
        Optional<String> refusal = from.refusal(to).map(r -> from == TaskStatus.CLAIMED && to == TaskStatus.COMPLETED
                && TaskEvent.VIA_TOKEN.equals(actor.via())
                // An agent is told the call that starts it, as the board's card offers Start.
                ? r.substring(0, r.length() - 1) + " (POST /api/v1/projects/" + access.project().slug + "/tasks/" + taskKey
                + "/start, MCP start_task), then complete it." : r);
        if (refusal.isPresent()) {
            throw refused(task, refusal.get(), from, to, actor);
        }
        wipLimits.hold(access.project(), to, taskKey, actor.pastWipLimit());
        if (to == TaskStatus.COMPLETED) {
            // Every problem of the input is named at once; the hours are checked before the commit is looked up, which
            // opens the repository mirrors.
            FormErrors errors = FormErrors.none();
            String sha = reportedSha(commitSha, errors);
            if (actualHours != null && (actualHours.signum() < 0 || actualHours.compareTo(SpecContent.MAX_HOURS) > 0)) {
                errors.add("actualHours", "Hours between 0 and 9999");
            } else if (actualHours != null && !SpecContent.hasAtMostTwoDecimals(actualHours)) {
                // The column keeps 2 decimals: 1.234 was stored as 1.23 without a word.
                errors.add("actualHours", "Give the hours with at most 2 decimals, like 1.25");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Commit commit = commit(access.project().id, sha);
            commitChecked = commit.checked();
            task.commitSha = commit.sha();
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
        UUID holder = task.claimedBy == null ? null : task.claimedBy.id;
        Instant now = Instant.now();
        task.moveTo(to, em.getReference(Account.class, actor.accountId()), now);
        if (to.isHeld()) {
            task.leaseExpiresAt = now.plus(TaskLeases.length(access.project()));
        }
        if (to == TaskStatus.PENDING) {
            task.commitSha = null;
        }
        history.log(task, from, to, actor, note);
        em.flush();
        specs.rollUp(task.spec.id).ifPresent(specCompleted::fire);
        history.announce(task, from, to, actor, history.specAuthor(task), holder);
        if (to == TaskStatus.COMPLETED) {
            markMerged(task.project.id, repos.onDefaultBranch(task.project.id, Set.of(task.commitSha)), Instant.now());
        }
        return new Moved(task, commitChecked);
    }

    /**
     * A refused move (409): when a lead took the task from the caller since they claimed it, the answer says who and
     * when first, as the caller is not told by the move's own wording ("cannot move from pending to completed").
     */
    private ApiException refused(ImplementationTask task, String refusal, TaskStatus from, TaskStatus to, Actor actor) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of("from", from.value(), "to", to.value()));
        // A failed task keeps its claimer: only one the caller still holds is surely not taken from them.
        boolean holds = from.isHeld() && task.claimedBy != null && task.claimedBy.id.equals(actor.accountId());
        Optional<TaskHistory.TakenAway> taken = holds ? Optional.empty() : history.takenFrom(task, actor.accountId());
        if (taken.isEmpty()) {
            return ApiException.conflict(refusal, details);
        }
        details.put(taken.get().to() == TaskStatus.FAILED ? "failedBy" : "releasedBy", taken.get().by());
        details.put(taken.get().to() == TaskStatus.FAILED ? "failedAt" : "releasedAt", taken.get().at().toString());
        return ApiException.conflict(taken.get().sentence(task.taskKey) + " " + refusal, details);
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
            history.log(t, TaskStatus.COMPLETED, TaskStatus.MERGED, new Actor(null, TaskEvent.VIA_SYSTEM), "Commit " + t.commitSha.substring(0, 12)
                    + " is on the default branch");
            specIds.add(t.spec.id);
        }
        em.flush();
        for (UUID specId : specIds) {
            specs.rollUp(specId).ifPresent(specCompleted::fire);
        }
        for (ImplementationTask t : tasks) {
            history.announce(t, TaskStatus.COMPLETED, TaskStatus.MERGED, new Actor(null, TaskEvent.VIA_SYSTEM));
        }
        return tasks.size();
    }

    /** The claimer (or a lead) gives a claimed or started task back: it is pending again, for anyone. */
    @Transactional
    public ImplementationTask release(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = ImplementationTask.byKey(access.project(), key);
        try {
            task.checkReleasable();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", task.status.value()));
        }
        return transition(access, key, TaskStatus.PENDING, actor, null, null, "Released");
    }

    /**
     * The claimer records where it works on a task it holds (the path of its git worktree, as in seed 001), or clears
     * it with null; the task shows it until the claim ends. Nobody else may say where the claimer works.
     */
    @Transactional
    public ImplementationTask recordWorktree(Access access, String key, String worktreePath, Actor actor) {
        access.requireWrite(Role.MEMBER);
        String path = ImplementationTask.worktreePath(worktreePath);
        ImplementationTask task = ImplementationTask.locked(access.project(), ImplementationTask.requireKey(key));
        history.refuseLapsedClaimer(task, actor.accountId());
        history.refuseLapsedPending(task, actor.accountId());
        try {
            task.recordWorktree(actor.accountId(), path);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", task.status.value()));
        }
        return task;
    }

    /**
     * A completed task goes back to in progress, for its claimer or a lead (as every move of a claimed task): the web's
     * Reopen, the API's and MCP's reopen. Any other status is refused (409), never claimed or started on the way.
     */
    @Transactional
    public ImplementationTask reopen(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = ImplementationTask.byKey(access.project(), ImplementationTask.requireKey(key));
        if (task.status != TaskStatus.COMPLETED) {
            throw ApiException.conflict(task.taskKey + " is " + task.status.label().toLowerCase() + ": only a completed task can be reopened.",
                    Map.of("status", task.status.value()));
        }
        return transition(access, task.taskKey, TaskStatus.IN_PROGRESS, actor, null, null, null);
    }

    /** A failed task goes back to pending for another try; its failure stays in the history. */
    @Transactional
    public ImplementationTask retry(Access access, String key, Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = ImplementationTask.byKey(access.project(), key);
        String note;
        try {
            note = task.retryNote();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", task.status.value()));
        }
        return transition(access, key, TaskStatus.PENDING, actor, null, null, note);
    }

    /** Sets how soon the task should be done (urgent, high, normal, low); claim-next hands out urgent tasks first. */
    @Transactional
    public ImplementationTask prioritize(Access access, String key, String priority) {
        access.requireWrite(Role.MEMBER);
        TaskPriority p = TaskPriority.parse(priority).orElseThrow(() -> ValidationException.of("priority",
                "Choose urgent, high, normal or low"));
        ImplementationTask task = ImplementationTask.locked(access.project(), key);
        task.priority = p;
        live.publish(LiveEvent.forProject("board", access.project().id));
        return task;
    }
}
