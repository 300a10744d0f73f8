package dev.specboard.preview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A preview in the list, with its link, scope and stage history. */
public record PreviewRow(UUID id, String token, String status, String pageName, int pageCount, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, String createdBy, boolean open, List<Stage> events) {

    public record Stage(String stage, Instant createdAt) {
    }

    public String url() {
        return "/preview/" + token;
    }
}
