package dev.specboard.account;

import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Creates, resolves and revokes API tokens; resolving records when a token was last used. */
@ApplicationScoped
public class ApiTokenService {

    /** What an authenticated token stands for, detached from the persistence context. */
    public record Resolved(UUID accountId, String username, String siteRole, UUID projectId, Role role) {
    }

    /** A newly created token: the only moment its value is known. */
    public record Created(ApiToken token, String value) {
    }

    @Transactional
    public Optional<Resolved> resolve(String value) {
        if (value == null || !value.startsWith(ApiToken.PREFIX)) {
            return Optional.empty();
        }
        return ApiToken.findActive(value).map(t -> {
            // Writing on every request would turn each API read into a write; a minute is precise enough.
            if (t.lastUsedAt == null || t.lastUsedAt.isBefore(Instant.now().minus(Duration.ofMinutes(1)))) {
                t.lastUsedAt = Instant.now();
            }
            return new Resolved(t.account.id, t.account.username, t.account.role, t.projectId, t.role);
        });
    }

    @Transactional
    public Created create(UUID accountId, String name, UUID projectId, Role role) {
        if (name == null || name.isBlank()) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("name", "Give the token a name"));
        }
        if (name.length() > 100) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("name", "At most 100 characters"));
        }
        ApiToken t = new ApiToken();
        t.account = Account.findById(accountId);
        t.name = name.trim();
        t.projectId = projectId;
        t.role = role;
        String value = ApiToken.newTokenValue();
        t.tokenHash = ApiToken.hash(value);
        t.tokenPrefix = value.substring(0, 10);
        t.persist();
        return new Created(t, value);
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        ApiToken t = ApiToken.findById(tokenId);
        if (t == null || !t.account.id.equals(accountId)) {
            throw ApiException.notFound("No such token");
        }
        t.revoke();
    }
}
