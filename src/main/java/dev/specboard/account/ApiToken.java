package dev.specboard.account;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A bearer token for agents and scripts; only its SHA-256 is stored. A token may be limited to one
 * project and a role there, never above the account's own membership.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {

    public static final String PREFIX = "sbt_";

    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "project_id")
    public UUID projectId;

    @Convert(converter = Role.Converter.class)
    public Role role;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_prefix")
    public String tokenPrefix;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** A fresh random token value; the caller shows it once and keeps only the hash. */
    public static String newTokenValue() {
        return PREFIX + Secrets.newValue();
    }

    public static Optional<ApiToken> findActive(String token) {
        return findActiveByHash(Secrets.hash(token));
    }

    static Optional<ApiToken> findActiveByHash(String tokenHash) {
        return find("from ApiToken t join fetch t.account where t.tokenHash = ?1 and t.revokedAt is null", tokenHash)
                .firstResultOptional();
    }

    public static List<ApiToken> listFor(Account account) {
        return list("account = ?1 order by createdAt desc", account);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }
}
