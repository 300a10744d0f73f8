package dev.specboard.assist;

import dev.specboard.account.Account;
import dev.specboard.account.ApiToken;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Membership;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One claimed job as its runner sees it: its parameters, and the way to report progress. Every
 * report renews the lease and answers whether someone asked to cancel (the runner then stops).
 */
public final class JobContext {

    private final JobWorker worker;
    final JobKind kind;
    final UUID jobId;
    final String workerId;
    final UUID projectId;
    final UUID userId;
    final UUID repositoryId;
    final AiJobType type;
    final Map<String, Object> params;
    final Role actingRole;
    final UUID tokenId;
    private List<String> labels = List.of();
    private int step;
    private Instant lastDetail = Instant.EPOCH;
    private final CancelSignal cancel = new CancelSignal();

    JobContext(JobWorker worker, JobKind kind, UUID jobId, String workerId, UUID projectId, UUID userId, UUID repositoryId,
               AiJobType type, Map<String, Object> params, Role actingRole, UUID tokenId) {
        this.worker = worker;
        this.kind = kind;
        this.jobId = jobId;
        this.workerId = workerId;
        this.projectId = projectId;
        this.userId = userId;
        this.repositoryId = repositoryId;
        this.type = type;
        this.params = params;
        this.actingRole = actingRole;
        this.tokenId = tokenId;
    }

    /** The role the job's work needs: what its request needed when it was queued. */
    Role needed() {
        return kind == JobKind.REFACTOR ? Role.MEMBER : JobService.roleFor(type);
    }

    /** Fired as soon as the worker learns this run's job was cancelled: what the run waits on gives up at once. */
    CancelSignal cancelSignal() {
        return cancel;
    }

    void labels(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    List<String> labels() {
        return labels;
    }

    /** Starts step {@code n} (1-based): committed at once and shown live; stops the run when cancelled. */
    public void step(int n) {
        step = n;
        worker.report(this, JobProgress.json(n, labels, null));
    }

    /** Commits the current step again (its detail cleared): stops the run when it was cancelled, deleted or taken over. */
    void stillWanted() {
        step(step);
    }

    /** A detail of the current step ("12 of 40 files"), written at most twice a second. */
    public void detail(String detail) {
        if (Duration.between(lastDetail, Instant.now()).toMillis() < 500) {
            return;
        }
        lastDetail = Instant.now();
        worker.report(this, JobProgress.json(step, labels, detail));
    }

    public String param(String name) {
        Object v = params.get(name);
        return v == null ? null : String.valueOf(v).trim();
    }

    public boolean flag(String name) {
        Object v = params.get(name);
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    public Integer intParam(String name) {
        Object v = params.get(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return v == null ? null : Integer.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The requester's access to the project as it is now (inside a transaction): a job acts for its
     * requester, so a member who left or an archived project stops it like a request would. It acts with no more than
     * the role they queued it with (an API token limited to a lower role than the account's keeps its limit), and not at
     * all once the token it was queued through is revoked.
     */
    public Access access() {
        Project project = Project.findById(projectId);
        Account account = Account.findById(userId);
        if (project == null || account == null) {
            throw ApiException.notFound("The project or the requester no longer exists.");
        }
        Role role = account.isAdmin() ? Role.OWNER
                : Membership.find(project, userId).map(m -> m.role)
                .orElseThrow(() -> ApiException.forbidden(account.username + " is no longer a member of " + project.name + "."));
        if (actingRole != null) {
            role = Role.lower(role, actingRole);
        }
        if (tokenId != null) {
            ApiToken token = ApiToken.findById(tokenId);
            if (token == null || !token.isActive()) {
                throw ApiException.forbidden("The API token this job was queued with has been revoked; queue the job again to run it.");
            }
        }
        return new Access(project, role, userId);
    }
}
