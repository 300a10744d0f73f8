package dev.specboard.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.Secrets;
import dev.specboard.web.ApiException;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Creates, resolves and revokes API tokens; resolving records when a token was last used. */
@ApplicationScoped
public class ApiTokenService {

    /** The live event that says "a token of this account was revoked". */
    public static final String EVENT = "tokens";

    /** Sent after a revocation commits. */
    public record Revoked(UUID accountId) {
    }

    @Inject
    LiveUpdates live;

    @Inject
    Event<Revoked> revoked;

    /**
     * Resolved tokens by hash, so that a token resolved in the last minute is known without a query: a revocation forgets
     * the account's tokens here after its commit and on every other instance through its NOTIFY, and the minute bounds
     * what a lost notification could leave. The minute is also how often a token's last use is written.
     */
    private final Cache<String, Resolved> recent = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    /** Counts forgettings, so that a read that began before one does not put back what it forgot. */
    private final AtomicLong forgotten = new AtomicLong();

    /** What an authenticated token stands for, detached from the persistence context. */
    public record Resolved(UUID accountId, String username, String siteRole, UUID projectId, Role role, String tokenHash, UUID tokenId) {
    }

    /** A newly created token: the only moment its value is known. */
    public record Created(ApiToken token, String value) {
    }

    /** What a token resolved in the last minute stands for, without a query (null: not known here, or no token). */
    public Resolved known(String value) {
        return value == null || !value.startsWith(ApiToken.PREFIX) ? null : recent.getIfPresent(Secrets.hash(value));
    }

    public Optional<Resolved> resolve(String value) {
        if (value == null || !value.startsWith(ApiToken.PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(value);
        Resolved known = recent.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        long before = forgotten.get();
        Optional<Resolved> read = QuarkusTransaction.requiringNew().call(() -> ApiToken.findActiveByHash(hash).map(t -> {
            // Writing on every request would turn each API read into a write; a minute is precise enough.
            if (t.lastUsedAt == null || t.lastUsedAt.isBefore(Instant.now().minus(Duration.ofMinutes(1)))) {
                t.lastUsedAt = Instant.now();
            }
            return new Resolved(t.account.id, t.account.username, t.account.role, t.projectId, t.role, hash, t.id);
        }));
        if (read.isPresent() && forgotten.get() == before) {
            recent.put(hash, read.get());
        }
        return read;
    }

    void subscribe(@Observes StartupEvent ev) {
        live.stream().subscribe().with(e -> {
            if (EVENT.equals(e.kind()) && e.accountId() != null) {
                forget(e.accountId());
            } else if (LiveUpdates.RECONNECTED.equals(e.kind())) {
                // Notifications sent while the listener was away are lost: forget everything.
                forgotten.incrementAndGet();
                recent.invalidateAll();
            }
        });
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked r) {
        forget(r.accountId());
    }

    private void forget(UUID accountId) {
        forgotten.incrementAndGet();
        recent.asMap().values().removeIf(r -> r.accountId().equals(accountId));
    }

    @Transactional
    public Created create(UUID accountId, String name, UUID projectId, Role role) {
        if (name == null || name.isBlank()) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("name", "Give the token a name"));
        }
        if (dev.specboard.web.Chars.Check.over(name, 100)) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("name", "At most 100 characters"));
        }
        ApiToken t = new ApiToken();
        t.account = Account.findById(accountId);
        t.name = name.trim();
        t.projectId = projectId;
        t.role = role;
        String value = ApiToken.newTokenValue();
        t.tokenHash = Secrets.hash(value);
        t.tokenPrefix = value.substring(0, 10);
        t.persist();
        return new Created(t, value);
    }

    /** Revokes every active token of the account in one statement; answers how many. */
    @Transactional
    public int revokeAll(UUID accountId) {
        int revokedNow = ApiToken.update("revokedAt = ?1 where account.id = ?2 and revokedAt is null", Instant.now(), accountId);
        if (revokedNow > 0) {
            live.publish(LiveEvent.forAccount(EVENT, accountId));
            revoked.fire(new Revoked(accountId));
        }
        return revokedNow;
    }

    /**
     * The account's site role changed: its tokens, known on every instance with the role they had, are read again at
     * their next use (at this commit here, through NOTIFY elsewhere).
     */
    @Transactional
    public void roleChanged(UUID accountId) {
        live.publish(LiveEvent.forAccount(EVENT, accountId));
        revoked.fire(new Revoked(accountId));
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        ApiToken t = ApiToken.findById(tokenId);
        if (t == null || !t.account.id.equals(accountId)) {
            throw ApiException.notFound("No such token");
        }
        t.revoke();
        live.publish(LiveEvent.forAccount(EVENT, accountId));
        revoked.fire(new Revoked(accountId));
    }
}
