package dev.specboard.preview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A preview in the list, with its link (none for a link made before links were derived), scope and stage history;
 * {@code pageCount} counts its pages not deleted since, {@code pageDeleted} says the one page it showed was,
 * {@code tokenRevoked} that the API token it was made through was revoked since (which closed it).
 */
public record PreviewRow(UUID id, String token, String status, String pageName, boolean pageDeleted, int pageCount, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, String createdBy, boolean open, boolean tokenRevoked, List<Stage> events) {

    public record Stage(String stage, Instant createdAt) {
    }

    /**
     * Why the preview no longer opens when its status does not say it, in the words the list shows in brackets and the API
     * answers as {@code closedReason}: revoked, or closed by the revocation of the API token it was made with; else null.
     */
    public String closedReason() {
        if (revokedAt != null) {
            return "revoked";
        }
        return tokenRevoked ? "closed: the API token it was made with was revoked" : null;
    }

    /** Its time ran out (a revoked one says when it was revoked instead): the list words the time in the past. */
    public boolean expired() {
        return revokedAt == null && !expiresAt.isAfter(Instant.now());
    }

    /** The link's path, or null when it cannot be shown again. */
    public String url() {
        return token == null ? null : "/preview/" + token;
    }
}
