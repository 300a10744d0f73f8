package dev.specboard.architecture;

import dev.specboard.web.ApiException;
import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A unit of work (design, test, implementation, setup) on a component, context or the project, done by a person or an agent. */
@Entity
@Table(name = "work_sessions")
public class WorkSession extends TimestampedEntity {

    public static final List<String> TYPES = List.of("design", "test", "implementation", "setup");
    public static final List<String> TARGET_TYPES = List.of("component", "context", "project");
    public static final List<String> STATUSES = List.of("pending", "in_progress", "complete", "failed");
    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "session_type", nullable = false, updatable = false)
    public String sessionType;

    @Column(name = "target_type", nullable = false, updatable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    public UUID targetId;

    public String status = PENDING;

    @Column(name = "result_note")
    public String resultNote;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "claimed_by")
    public UUID claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean isOpen() {
        return PENDING.equals(status) || IN_PROGRESS.equals(status);
    }

    /** {@code pending → in_progress}, by whoever claims it. */
    public void claim(UUID by, Instant at) {
        if (!PENDING.equals(status)) {
            throw ApiException.conflict("This session is already " + label(status) + ".");
        }
        status = IN_PROGRESS;
        claimedBy = by;
        claimedAt = at;
    }

    /** {@code in_progress → complete | failed}, with the result note. */
    public void finish(boolean success, String note, Instant at) {
        if (!IN_PROGRESS.equals(status)) {
            throw ApiException.conflict("Only a session in progress can be " + (success ? "completed" : "failed")
                    + "; this one is " + label(status) + ".");
        }
        status = success ? COMPLETE : FAILED;
        resultNote = note;
        completedAt = at;
    }

    /** {@code in_progress → pending}: the claim ends (its claimer gave up or died), for anyone to claim again. */
    public void release() {
        if (!IN_PROGRESS.equals(status)) {
            throw ApiException.conflict("Only a session in progress can be released; this one is " + label(status) + ".");
        }
        status = PENDING;
        claimedBy = null;
        claimedAt = null;
    }

    /** {@code failed → pending} for another try; the failure's reason stays in the note until it is finished again. */
    public void retry() {
        if (!FAILED.equals(status)) {
            throw ApiException.conflict("Only a failed session can be retried; this one is " + label(status) + ".");
        }
        status = PENDING;
        claimedBy = null;
        claimedAt = null;
        completedAt = null;
        resultNote = resultNote == null ? null : "Failed before: " + resultNote;
    }

    /**
     * Whether an account may finish or release a session that {@code claimedBy} holds: its claimer or a lead (anyone when
     * nobody holds it). The service refuses the others and the page offers them neither Finish nor Release.
     */
    public static boolean mayFinish(UUID claimedBy, UUID account, boolean lead) {
        return claimedBy == null || claimedBy.equals(account) || lead;
    }

    /** Whether completing a session of this type on this target may save a new design doc version: a design session on a component. */
    public static boolean takesDesignDoc(String sessionType, String targetType) {
        return "design".equals(sessionType) && "component".equals(targetType);
    }

    public static String label(String status) {
        return status == null ? "" : status.replace('_', ' ');
    }
}
