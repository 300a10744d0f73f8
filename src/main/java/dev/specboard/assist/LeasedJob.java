package dev.specboard.assist;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every job row has: who asked in which project, its parameters, its progress, and the lease
 * a worker holds while it runs it. The rules of cancelling and retrying live here.
 */
@MappedSuperclass
public abstract class LeasedJob extends TimestampedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    /** The requester's effective role when they queued (or last re-queued) the job: the most it may act with. */
    @Convert(converter = Role.Converter.class)
    @Column(name = "acting_role")
    public Role actingRole;

    /** The API token the job was queued through, if any: revoking it stops the job acting. */
    @Column(name = "token_id")
    public UUID tokenId;

    @Enumerated(EnumType.STRING)
    public JobStatus status = JobStatus.QUEUED;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> params = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> progress = new HashMap<>();

    public String error;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** Who cancelled the job (its starter or a lead), until it is queued again. */
    @Column(name = "cancelled_by")
    public UUID cancelledBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "worker_id")
    public String workerId;

    public int attempts;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /**
     * A queued job is cancelled at once; a running one is flagged and its worker stops at its next
     * step. Answers true when the job is cancelled now. Who cancelled is kept, for the job's page and answer. A job
     * cancelled already is refused (409) with who cancelled it first ({@code names} reads a name): simultaneous cancels
     * take turns on the row lock, so exactly one changes the job and is credited, and the others learn who did.
     */
    public boolean cancel(UUID by, Function<UUID, String> names) {
        if (status == JobStatus.QUEUED) {
            status = JobStatus.CANCELLED;
            finishedAt = Instant.now();
            cancelledBy = by;
            return true;
        }
        if (status == JobStatus.RUNNING && !cancelRequested) {
            cancelRequested = true;
            cancelledBy = by;
            return false;
        }
        if (status == JobStatus.RUNNING || status == JobStatus.CANCELLED) {
            // Asked again (two clicks, two agents): the first cancel stands, and its author; a 200 to every caller named
            // the last one as if its cancel had taken, as a second claim of a task is 409 and not another claimer.
            String first = cancelledBy == null ? null : names.apply(cancelledBy);
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("status", shownStatus().name());
            if (first != null) {
                details.put("cancelledBy", first);
            }
            throw ApiException.conflict("This " + noun() + " was already cancelled" + (first == null ? "" : " by " + first)
                    + (status == JobStatus.RUNNING ? "; it stops at its next step." : "."), details);
        }
        throw ApiException.conflict("This " + noun() + " has already " + (status == JobStatus.SUCCESS ? "succeeded" : "ended")
                + "; only a queued or running " + noun() + " can be cancelled.");
    }

    /**
     * The status the job's answer shows: a running job asked to cancel is CANCELLED already, since no run ends it otherwise
     * (its worker stops at its next step, a result it finishes meanwhile is dropped, an abandoned one is settled as
     * cancelled); {@code cancelRequested} says its worker is still stopping. "RUNNING" read as a cancel that did not take.
     */
    public JobStatus shownStatus() {
        return status == JobStatus.RUNNING && cancelRequested ? JobStatus.CANCELLED : status;
    }

    /** Whether the job was asked to cancel and its worker is still stopping it. */
    public boolean stopping() {
        return status.stopping(cancelRequested);
    }

    /** The status word its pages show ("Cancelling…" while it stops). */
    public String stateLabel() {
        return status.label(cancelRequested);
    }

    public String stateTone() {
        return status.tone(cancelRequested);
    }

    /**
     * Only who started the job, or a lead, may cancel it or queue it again: as a claimed task, only its claimer or a lead
     * moves it. A member stopped someone else's job, and the job page did not say who.
     */
    public void requireStarterOrLead(dev.specboard.project.Access access, String starter, String action) {
        if (!mayChange(access)) {
            throw ApiException.forbidden("This " + noun() + " was started by " + starter + "; only they or a lead can " + action + " it.");
        }
    }

    /** What the job is called in a refusal. */
    protected String noun() {
        return "job";
    }

    /** Whether the caller may cancel or retry this job (pages offer the buttons only then). */
    public boolean mayChange(dev.specboard.project.Access access) {
        return userId.equals(access.accountId()) || access.isLead();
    }

    /**
     * Records who queues the job, with what: their effective role and the API token they used. A job queued again by its
     * requester acts with their role and token now; queued again by someone else it keeps acting for its requester, with
     * the lower of both roles (the one who asks again may not lend the job a role they lack).
     */
    public void actingFor(java.util.UUID accountId, Role role, java.util.UUID token) {
        if (userId == null || userId.equals(accountId)) {
            actingRole = role;
            tokenId = token;
        } else {
            actingRole = actingRole == null ? role : Role.lower(actingRole, role);
        }
    }

    /** A failed or cancelled job goes back to the queue with fresh attempts. */
    public void retry() {
        refuseWhileStopping();
        if (status != JobStatus.FAILED && status != JobStatus.CANCELLED) {
            // "this one is success." read as a slip: a finished job is said to have succeeded.
            throw ApiException.conflict("Only a failed or cancelled " + noun() + " can be retried; this one "
                    + (status == JobStatus.SUCCESS ? "succeeded" : "is " + status.label().toLowerCase()) + ".");
        }
        requeue();
    }

    /** A cancelled job whose worker has not stopped yet is not queued again: two runs of it would overlap. */
    void refuseWhileStopping() {
        if (status == JobStatus.RUNNING && cancelRequested) {
            throw ApiException.conflict("This " + noun() + " was cancelled and its worker is still stopping; retry it in a moment.");
        }
    }

    void requeue() {
        status = JobStatus.QUEUED;
        error = null;
        cancelRequested = false;
        cancelledBy = null;
        attempts = 0;
        workerId = null;
        leaseUntil = null;
        startedAt = null;
        finishedAt = null;
        progress = new HashMap<>();
    }

    public JobProgress progressView() {
        return JobProgress.of(status, cancelRequested, progress);
    }

    public String param(String name) {
        Object v = params == null ? null : params.get(name);
        return v == null ? null : String.valueOf(v);
    }
}
