package dev.specboard.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.web.LiveUpdates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which logins are still open, per account, in memory: a request with a known login costs no
 * database query. The logins of an account are read once per instance and forgotten when one of
 * them ends, here after the commit and on every other instance through the PostgreSQL NOTIFY that
 * {@link SessionService} sends.
 */
@ApplicationScoped
public class SessionCache {

    /** The live event that says "logins of this account ended". */
    public static final String EVENT = "sessions";

    /** The logins of one account that this instance has read. */
    record Logins(Set<UUID> open, Set<UUID> ended) {
        Boolean state(UUID sessionId) {
            if (open.contains(sessionId)) {
                return Boolean.TRUE;
            }
            return ended.contains(sessionId) ? Boolean.FALSE : null;
        }
    }

    @Inject
    LiveUpdates live;

    @Inject
    SessionCookie cookies;

    // The expiry is only a safety net (a NOTIFY lost with a broken connection); eviction does the real work.
    private final Cache<UUID, Logins> cache = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    void subscribe(@Observes StartupEvent ev) {
        live.stream().subscribe().with(e -> {
            if (EVENT.equals(e.kind()) && e.accountId() != null) {
                cache.invalidate(e.accountId());
            } else if (LiveUpdates.RECONNECTED.equals(e.kind())) {
                // Notifications sent while the listener was away are lost: forget everything.
                cache.invalidateAll();
            }
        });
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        cache.invalidate(ended.accountId());
    }

    /** Whether the login is open, from memory only; null when this instance does not know it yet. */
    public Boolean cached(SessionCookie.Claims c) {
        Logins logins = cache.getIfPresent(c.accountId());
        return logins == null ? null : logins.state(c.sessionId());
    }

    /** Whether the login is open, reading the account's logins when needed (blocking: never on the event loop). */
    public boolean load(SessionCookie.Claims c) {
        Logins logins = cache.get(c.accountId(), this::read);
        if (logins.state(c.sessionId()) == null) {
            // A login made after these were read (perhaps by a read still running when it committed): read again.
            cache.invalidate(c.accountId());
            logins = cache.get(c.accountId(), this::read);
        }
        return Boolean.TRUE.equals(logins.state(c.sessionId()));
    }

    private Logins read(UUID accountId) {
        Instant since = Instant.now().minus(cookies.maxAge());
        var states = QuarkusTransaction.requiringNew().call(() -> LoginSession.statesOf(accountId, since));
        return new Logins(
                states.stream().filter(LoginSession.State::open).map(LoginSession.State::id).collect(Collectors.toUnmodifiableSet()),
                states.stream().filter(s -> !s.open()).map(LoginSession.State::id).collect(Collectors.toUnmodifiableSet()));
    }
}
