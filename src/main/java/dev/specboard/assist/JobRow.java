package dev.specboard.assist;

import java.time.Instant;
import java.util.UUID;

/**
 * One job of the jobs list: an assistant job or a refactor, with what it is about and where it is. {@code cancelRequested}:
 * a running job asked to cancel whose worker is still stopping; {@code cancelledBy} the username of who cancelled it.
 */
public record JobRow(UUID id, JobKind kind, String type, JobStatus status, String subject, String requester, String repo,
                     Instant createdAt, JobProgress progress, String error, boolean cancelRequested, String cancelledBy) {

    /** The status word the list shows ("Cancelling…" while a cancelled job stops). */
    public String statusLabel() {
        return status.label(cancelRequested);
    }

    public String statusTone() {
        return status.tone(cancelRequested);
    }

    /** The status the API answers, as a job's own answer does: CANCELLED as soon as a cancel is taken. */
    public JobStatus shownStatus() {
        return status.stopping(cancelRequested) ? JobStatus.CANCELLED : status;
    }

    public String url(String slug) {
        return kind == JobKind.AI ? "/projects/" + slug + "/jobs/" + id : "/projects/" + slug + "/repos/" + repo + "/refactors/" + id;
    }

    public String typeLabel() {
        return switch (type) {
            case "DOCS" -> AiJobType.DOCS.label();
            case "EXPLANATION" -> AiJobType.EXPLANATION.label();
            default -> "Rename";
        };
    }
}
