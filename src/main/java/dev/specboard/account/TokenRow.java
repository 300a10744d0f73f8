package dev.specboard.account;

import dev.specboard.kernel.Role;

import java.time.Instant;
import java.util.UUID;

/** One API token as the account page lists it (never the token itself). */
public record TokenRow(UUID id, String name, String prefix, UUID projectId, String projectSlug, Role role, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
