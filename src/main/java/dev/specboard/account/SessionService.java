package dev.specboard.account;

import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Opens and ends logins, and tells every app instance when an account's logins end. */
@ApplicationScoped
public class SessionService {

    @Inject
    SessionCookie cookies;

    @Inject
    LiveUpdates live;

    @Inject
    Event<SessionsEnded> ended;

    /** Opens a login for the account and answers the signed cookie value that names it. */
    @Transactional
    public String start(Account account) {
        LoginSession s = new LoginSession();
        s.account = LoginSession.getEntityManager().getReference(Account.class, account.id);
        s.persist();
        return cookies.encode(cookies.fresh(s.id, account.id, account.username, account.role, s.issuedAt));
    }

    /** Ends one login of the account (logout); other devices stay logged in. */
    @Transactional
    public void end(UUID accountId, UUID sessionId) {
        LoginSession s = LoginSession.findById(sessionId);
        if (s != null && s.account.id.equals(accountId) && s.isOpen()) {
            s.end();
            announce(accountId);
        }
    }

    /** Ends every login of the account, the asking one included ("log out everywhere"). */
    @Transactional
    public int endAll(UUID accountId) {
        int n = LoginSession.endAll(accountId, null);
        announce(accountId);
        return n;
    }

    /** Rows of logins past their absolute lifetime are of no use to anyone. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeExpired() {
        LoginSession.delete("issuedAt < ?1", Instant.now().minus(cookies.maxAge()).minus(Duration.ofDays(1)));
    }

    /**
     * Tells every app instance (NOTIFY at commit) to forget the account's cached logins, so that the ended cookie stops
     * working everywhere at once.
     */
    private void announce(UUID accountId) {
        live.publish(LiveEvent.forAccount(SessionCache.EVENT, accountId));
        ended.fire(new SessionsEnded(accountId));
    }
}
