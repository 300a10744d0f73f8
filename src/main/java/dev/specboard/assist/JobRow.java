package dev.specboard.assist;

import java.time.Instant;
import java.util.UUID;

/** One job of the jobs list: an assistant job or a refactor, with what it is about and where it is. */
public record JobRow(UUID id, JobKind kind, String type, JobStatus status, String subject, String requester, String repo,
                     Instant createdAt, JobProgress progress, String error) {

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
