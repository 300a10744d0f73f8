package dev.specboard.architecture;

import java.time.Instant;
import java.util.UUID;

/** A work session with the name of its target, who claimed it and, on a component, its design doc's version (null: none yet). */
public record WorkSessionRow(UUID id, String sessionType, String targetType, UUID targetId, String targetName, String status,
                             String resultNote, String claimedBy, UUID claimedById, Instant claimedAt, Instant completedAt, Instant createdAt,
                             Integer designDocVersion) {

    /** The design doc version a completion's new text is based on: the one shown when the page was made (0 before the first). */
    public int docVersion() {
        return designDocVersion == null ? 0 : designDocVersion;
    }

    /** Whether a completion may bring a new design doc version: a design session on a component. */
    public boolean takesDesignDoc() {
        return WorkSession.takesDesignDoc(sessionType, targetType);
    }

    public String statusLabel() {
        return WorkSession.label(status);
    }

    public boolean pending() {
        return WorkSession.PENDING.equals(status);
    }

    public boolean inProgress() {
        return WorkSession.IN_PROGRESS.equals(status);
    }

    /** Whether the viewer is offered Finish and Release: {@link WorkSession#mayFinish}, the rule the service applies. */
    public boolean mayFinish(UUID me, boolean lead) {
        return WorkSession.mayFinish(claimedById, me, lead);
    }

    public boolean failed() {
        return WorkSession.FAILED.equals(status);
    }

    public String badge() {
        return switch (status) {
            case WorkSession.COMPLETE -> "ok";
            case WorkSession.FAILED -> "danger";
            case WorkSession.IN_PROGRESS -> "warn";
            default -> "";
        };
    }
}
