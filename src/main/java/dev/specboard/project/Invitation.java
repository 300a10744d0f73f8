package dev.specboard.project;

import dev.specboard.kernel.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An invitation to a project sent to an email address, with a role: usable once, through its link, by the account with
 * that address (or the one signing up with it), until it expires.
 */
@Entity
@Table(name = "project_invitations")
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    public String email;

    @Convert(converter = Role.Converter.class)
    public Role role;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "invited_by", nullable = false)
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Open: neither used, revoked nor expired. */
    public boolean usable(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Why it cannot be used, in words, or empty when it can. */
    public Optional<String> refusal(Instant now) {
        if (acceptedAt != null) {
            return Optional.of("This invitation has already been used.");
        }
        if (revokedAt != null) {
            return Optional.of("This invitation was withdrawn; ask for a new one.");
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of("This invitation has expired; ask for a new one.");
        }
        return Optional.empty();
    }

    void accept(UUID accountId, Instant now) {
        acceptedAt = now;
        acceptedBy = accountId;
    }

    public static Optional<Invitation> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** The project's invitations still waiting, newest first. */
    public static List<Invitation> open(UUID projectId, Instant now) {
        return list("projectId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc", projectId, now);
    }
}
