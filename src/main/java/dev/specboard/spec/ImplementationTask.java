package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One implementation task ({@code TASK-n-k}) of a spec: a phase's scope, claimed and done by one person or agent. */
@Entity
@Table(name = "implementation_tasks")
public class ImplementationTask extends TimestampedEntity {

    public static final String BRANCH_PREFIX = "roadmap-implementation_task-";
    static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}$");
    private static final Pattern KEY = Pattern.compile("^(?i:TASK-)?" + TechnicalSpec.KEY_NUMBER + "-" + TechnicalSpec.KEY_NUMBER + "$");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "spec_id")
    public TechnicalSpec spec;

    /** The seed's name for the human key, e.g. TASK-12-3. */
    @Column(name = "task_id")
    public String taskKey;

    @Column(name = "task_number")
    public int taskNumber;

    public String scope;

    @Column(name = "scope_description")
    public String scopeDescription;

    /** JSON array of paths (kept as text here: a JSON {@code List} mapping clashes with text[] columns elsewhere). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "assigned_files")
    public String assignedFilesJson = "[]";

    @Column(name = "branch_name")
    public String branchName;

    @Column(name = "worktree_path")
    public String worktreePath;

    @Convert(converter = TaskStatus.Converter.class)
    public TaskStatus status = TaskStatus.PENDING;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "claimed_by")
    public Account claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "commit_sha")
    public String commitSha;
    @Column(name = "merged_at")
    public Instant mergedAt;
    @Column(name = "failure_reason")
    public String failureReason;

    /** While claimed or in progress: when the claim lapses unless its claimer sends a heartbeat. */
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Convert(converter = TaskPriority.Converter.class)
    public TaskPriority priority = TaskPriority.NORMAL;

    @Column(name = "estimated_hours")
    public BigDecimal estimatedHours = BigDecimal.ZERO;
    @Column(name = "actual_hours")
    public BigDecimal actualHours;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Account createdBy;

    @Version
    public int version;

    public List<String> assignedFiles() {
        return SpecContent.parseList(assignedFilesJson);
    }

    public void assignedFiles(List<String> files) {
        assignedFilesJson = SpecContent.listJson(files);
    }

    public static String key(int specNumber, int taskNumber) {
        return "TASK-" + specNumber + "-" + taskNumber;
    }

    public static String defaultBranch(String taskKey) {
        return BRANCH_PREFIX + taskKey;
    }

    /** Normalises {@code task-12-3} or {@code 12-3} to {@code TASK-12-3}. */
    public static Optional<String> normalizeKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.trim());
        return m.matches() ? Optional.of(key(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /** The canonical key of this input, or 404 when it is no task key. */
    public static String requireKey(String key) {
        return normalizeKey(key).orElseThrow(() -> ApiException.notFound("No task " + key + " in this project"));
    }

    /** The project's task of this key with its spec and claimer, or 404. */
    public static ImplementationTask byKey(Project project, String key) {
        return ImplementationTask.<ImplementationTask>find(
                        "from ImplementationTask t join fetch t.spec left join fetch t.claimedBy where t.project = ?1 and t.taskKey = ?2",
                        project, requireKey(key))
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("No task " + key + " in this project"));
    }

    /**
     * The project's task of this key, row-locked until commit and read afresh, or 404. It is locked by a refresh: a
     * lock of the copy in hand would check its version, and fail when a parallel move (a release, the lease sweep)
     * committed after this transaction read the task; the caller decides on the task as it is now.
     */
    static ImplementationTask locked(Project project, String key) {
        ImplementationTask task = byKey(project, key);
        getEntityManager().refresh(task, LockModeType.PESSIMISTIC_WRITE);
        return task;
    }

    /** A worktree path as its claimer reports it: trimmed, null when blank; 422 when it is not one absolute path on one line of at most 1,000 characters. */
    public static String worktreePath(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String path = raw.strip();
        if (dev.specboard.web.Chars.Check.over(path, 1000)) {
            throw ValidationException.of("worktreePath", "At most 1,000 characters");
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("worktreePath", "A path on one line, without control characters");
        }
        // A relative path says nothing to whoever reads it with the task: relative to which directory, on which machine?
        if (!path.startsWith("/") && !path.startsWith("\\\\") && !path.matches("[A-Za-z]:[\\\\/].*")) {
            throw ValidationException.of("worktreePath", "An absolute path (starting with / or a drive such as C:\\), not a relative one");
        }
        return path;
    }

    public static boolean isValidSha(String sha) {
        return sha != null && SHA.matcher(sha).matches();
    }

    /** Applies a move that the transition table allows, stamping the times it stands for. */
    void moveTo(TaskStatus to, Account actor, Instant now) {
        TaskStatus from = status;
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException(from.refusal(to).orElse("Illegal move"));
        }
        switch (to) {
            case PENDING -> {
                claimedBy = null;
                claimedAt = null;
                startedAt = null;
                // The worktree was the last claimer's: the next one works elsewhere.
                worktreePath = null;
            }
            case CLAIMED -> {
                claimedBy = actor;
                claimedAt = now;
            }
            case IN_PROGRESS -> {
                if (from == TaskStatus.PENDING) {
                    claimedBy = actor;
                    claimedAt = now;
                }
                if (startedAt == null) {
                    startedAt = now;
                }
                completedAt = null;
            }
            case COMPLETED -> {
                if (!isValidSha(commitSha)) {
                    throw new IllegalStateException("Completing needs the commit SHA (40 hexadecimal characters).");
                }
                completedAt = now;
            }
            case FAILED -> completedAt = null;
            case MERGED -> mergedAt = now;
        }
        status = to;
        if (!to.isHeld()) {
            leaseExpiresAt = null;
        }
    }

    /** Refuses to give back a task nobody holds: only a claimed or started task can be released. */
    void checkReleasable() {
        if (!status.isHeld()) {
            throw new IllegalStateException(taskKey + " is " + status.label().toLowerCase() + ": only a claimed or started task can be released.");
        }
    }

    /** What a retry logs, naming the failure it retries after; only a failed task can be retried. */
    String retryNote() {
        if (status != TaskStatus.FAILED) {
            throw new IllegalStateException(taskKey + " is " + status.label().toLowerCase() + ": only a failed task can be retried.");
        }
        return "Retry" + (failureReason == null || failureReason.isBlank() ? "" : " after: " + failureReason);
    }

    /**
     * Whether the claim ran out at {@code now}: a held task whose lease lapsed counts as given back at once, before the
     * sweep moves it; anyone may claim it again (the old claimer too), and nobody acts on the old claim any more.
     */
    public boolean leaseLapsed(Instant now) {
        return status.isHeld() && leaseExpiresAt != null && leaseExpiresAt.isBefore(now);
    }

    /**
     * {@link #leaseLapsed} in SQL, for the task row {@code alias} ("" for none) at the SQL time {@code now}: the one
     * statement of the rule that the board, the claims and the WIP limits read the table by.
     */
    static String lapsedSql(String alias, String now) {
        String t = alias.isEmpty() ? "" : alias + ".";
        return "(" + t + "status IN ('claimed', 'in_progress') AND " + t + "lease_expires_at < " + now + ")";
    }

    /** A row that is not a lapsed claim (a held row without a lease counts as held), in SQL: see {@link #lapsedSql}. */
    static String notLapsedSql(String alias, String now) {
        return "NOT coalesce(" + lapsedSql(alias, now) + ", false)";
    }

    /**
     * Refuses to act on a claim that lapsed: a heartbeat, start, completion, failure or worktree report after the lease
     * ran out would revive a claim another agent may take at any moment. A started task is no exception: its lease is
     * what tells a live agent from one that died mid-work, so it goes back to pending like a claimed one (its branch
     * and notes keep the work done so far for whoever claims it next), and its claimer claims it again to finish.
     */
    void checkLease(Instant now) {
        checkLease(now, null);
    }

    /** {@link #checkLease} for a move to {@code to}: a release is refused too, for the claim has ended already and there is nothing left to give back. */
    void checkLease(Instant now, TaskStatus to) {
        if (leaseLapsed(now)) {
            throw new IllegalStateException("The lease on " + taskKey + " lapsed at " + leaseExpiresAt + (to == TaskStatus.PENDING
                    ? ": the claim ended already and the task is pending, free for anyone."
                    : ": the claim ended without a heartbeat and the task is free for anyone; claim it again."));
        }
    }

    /** Its claimer says where it works on the task (a checked {@link #worktreePath(String)}, null clears it) while holding it; nobody else may. */
    void recordWorktree(java.util.UUID accountId, String path) {
        checkLease(Instant.now());
        boolean held = status.isHeld() && claimedBy != null;
        if (!held || !claimedBy.id.equals(accountId)) {
            throw new IllegalStateException(taskKey + " is " + (held ? "claimed by " + claimedBy.username : status.label().toLowerCase())
                    + ": only its claimer records where it is worked on, while they hold it.");
        }
        worktreePath = path;
    }

    /** A held task's claim runs for another lease from now; nobody but its claimer may extend it. */
    void renewLease(java.util.UUID accountId, Instant now, java.time.Duration lease) {
        if (!status.isHeld()) {
            throw new IllegalStateException(taskKey + " is " + status.label().toLowerCase() + ": only a claimed or started task has a lease.");
        }
        checkLease(now);
        if (claimedBy == null || !claimedBy.id.equals(accountId)) {
            throw new IllegalArgumentException(taskKey + " is claimed by " + (claimedBy == null ? "nobody" : claimedBy.username)
                    + "; only its claimer can extend the lease.");
        }
        leaseExpiresAt = now.plus(lease);
    }

    /**
     * Why only the task's holder (or a lead) may make this move: a failed or completed task keeps who held it, but is no longer
     * claimed, so it says what became of it in their hands and what they may do ("TASK-1-1 is claimed by owner" read as a claim).
     */
    String holderOnly(TaskStatus to) {
        String who = claimedBy.username;
        if (status.isHeld()) {
            return taskKey + " is claimed by " + who + "; only they or a lead can move it.";
        }
        return switch (status) {
            case FAILED -> taskKey + " failed while " + who + " held it; only they or a lead can " + (to == TaskStatus.PENDING ? "retry" : "move") + " it.";
            case COMPLETED -> taskKey + " was completed by " + who + "; only they or a lead can " + (to == TaskStatus.IN_PROGRESS ? "reopen" : "move") + " it.";
            default -> taskKey + " is " + status.label().toLowerCase() + " and was held by " + who + "; only they or a lead can move it.";
        };
    }
}
