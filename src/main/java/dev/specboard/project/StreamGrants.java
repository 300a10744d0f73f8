package dev.specboard.project;

import dev.specboard.account.CurrentUser;
import dev.specboard.account.SessionCookie;
import dev.specboard.kernel.JdbcStatement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** Makes the grant a live stream holds, and tells whether it still holds, reading afresh outside any request. */
@ApplicationScoped
public class StreamGrants {

    /**
     * The login still open (or the token not revoked), and the account still a member of the project, or a site
     * administrator (who reads every project), when the stream reads one.
     */
    private static final JdbcStatement HOLDS = JdbcStatement.numbered("""
            SELECT CASE WHEN ?2::uuid IS NOT NULL
                        THEN EXISTS (SELECT 1 FROM login_sessions s WHERE s.id = ?2 AND s.account_id = ?1
                                     AND s.ended_at IS NULL AND s.issued_at > ?5)
                        ELSE EXISTS (SELECT 1 FROM api_tokens t WHERE t.token_hash = ?3 AND t.account_id = ?1
                                     AND t.revoked_at IS NULL) END
               AND (?4::uuid IS NULL
                    OR EXISTS (SELECT 1 FROM project_memberships m WHERE m.project_id = ?4 AND m.user_id = ?1)
                    OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = ?1 AND a.role = 'admin'))""");

    @Inject
    CurrentUser currentUser;

    @Inject
    SessionCookie cookies;

    /** The grant of the current request (after its access check) for a stream of one project, or of the account alone. */
    public StreamGrant grant(UUID projectId) {
        return new StreamGrant(currentUser.requireAccountId(), currentUser.sessionId().orElse(null),
                currentUser.tokenHash().orElse(null), projectId);
    }

    /** Whether the grant still holds; one statement in a transaction of its own (blocking: never on the event loop). */
    public boolean holds(StreamGrant g) {
        if (g.sessionId() == null && g.tokenHash() == null) {
            return false;
        }
        java.time.OffsetDateTime issuedAfter = Instant.now().minus(cookies.maxAge()).atOffset(java.time.ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> HOLDS.query(Project.getEntityManager(),
                new Object[] {g.accountId(), g.sessionId(), g.tokenHash(), g.projectId(), issuedAfter}, rs -> rs.getBoolean(1)));
    }
}
