package dev.specboard.kernel;

import jakarta.persistence.Query;
import org.hibernate.jpa.HibernateHints;

/**
 * A bound on how long one statement may run, enforced by the JDBC driver cancelling it on the server (no statement of
 * its own): the transaction's timeout only rolls back under the request, and the statement it abandoned would go on
 * holding its connection and a core until it ended. A cancelled statement fails with SQLState 57014, which requests
 * answer as a busy server (503 with Retry-After).
 */
public final class StatementTimeout {

    private StatementTimeout() {
    }

    /** The query, cancelled once it has run {@code seconds} (at least one). */
    public static <Q extends Query> Q within(Q query, int seconds) {
        query.setHint(HibernateHints.HINT_TIMEOUT, Math.max(1, seconds));
        return query;
    }
}
