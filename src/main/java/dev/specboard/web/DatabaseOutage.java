package dev.specboard.web;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures that mean "the database cannot be reached right now" (stopped, restarting, network gone,
 * no connection to be had from the pool): requests answer 503 with {@code Retry-After}, background
 * work waits for its next round, and each is logged as one line, a few seconds apart at most. A busy server (every
 * connection in use, a transaction past its timeout) answers the same 503 in its own words ({@link #isBusy}).
 */
public final class DatabaseOutage {

    public static final int RETRY_AFTER_SECONDS = 5;
    private static final long LOG_EVERY_MILLIS = 5_000;
    private static final AtomicLong LAST_LOG = new AtomicLong();
    private static final long ONGOING_MILLIS = 10_000;
    private static final AtomicLong SUPPRESSED = new AtomicLong();
    private static final AtomicLong LAST_SEEN = new AtomicLong();

    private DatabaseOutage() {
    }

    /**
     * Whether the failure, one of its causes or an exception suppressed on the way (a commit that
     * failed shows as a rollback with the connection error suppressed in it) is a lost or refused
     * connection: Hibernate's connection exception, a JDBC connection exception, SQLState class 08
     * (connection) or 57P (server shut down, starting up), or the pool's acquisition timeout (Agroal says it two ways:
     * "Acquisition timeout while waiting for new connection" and, with every connection in use, "Sorry, acquisition timeout!").
     */
    public static boolean isCause(Throwable failure) {
        return Causes.any(failure, DatabaseOutage::isOutage);
    }

    /**
     * Whether the failure means "too much at once" rather than "gone": the pool waited its acquisition timeout while every
     * connection was in use (Agroal's "Sorry, acquisition timeout!"; one that could not be opened in time says "while
     * waiting for new connection" and may well be an outage), or the transaction ran past its timeout and was rolled
     * back under the request (Narayana's "ARJUNA016102: The transaction is not active" when it is committed), or a
     * statement ran past its own bound and was cancelled (SQLState 57014, {@link dev.specboard.kernel.StatementTimeout}).
     */
    public static boolean isBusy(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLException && "Sorry, acquisition timeout!".equals(t.getMessage())
                || t instanceof SQLException s && "57014".equals(s.getSQLState())
                || t instanceof jakarta.transaction.RollbackException && t.getMessage() != null && t.getMessage().startsWith("ARJUNA016102"));
    }

    /**
     * The words of the 503 for a failure {@link #isCause} or {@link #isBusy} accepts: a busy server is not called
     * unreachable, which sent people looking at a database that was fine.
     */
    public static String message(Throwable failure) {
        return isBusy(failure) ? "Specboard is busy; try again in a few seconds."
                : "The database is not reachable at the moment; please try again in a few seconds.";
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException s) {
            String state = s.getSQLState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || s.getMessage() != null && s.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    /** Logs the outage as one line without a stack trace, at most once every five seconds; the lines left out are counted. */
    public static void log(Logger log, String during, Throwable failure) {
        long now = System.currentTimeMillis();
        LAST_SEEN.set(now);
        long last = LAST_LOG.get();
        if (now - last < LOG_EVERY_MILLIS || !LAST_LOG.compareAndSet(last, now)) {
            SUPPRESSED.incrementAndGet();
            return;
        }
        long more = SUPPRESSED.getAndSet(0);
        log.warnf("%s during %s: %s%s", isBusy(failure) ? "Busy" : "Database unavailable", during, rootMessage(failure),
                more > 0 ? " (and " + more + " more failures or library warnings about it since the last report)" : "");
    }

    /**
     * Logs a background task's failure: one rate-limited line when the database is away (it is
     * expected then, and the task runs again when it is back), a debug line when this instance is stopping (the
     * stop closed the database under the task), the warning with its stack trace otherwise.
     */
    public static void warn(Logger log, String what, Throwable failure) {
        if (Stopping.now()) {
            log.debugf("%s ended by the stop: %s", what, rootMessage(failure));
        } else if (isCause(failure)) {
            log(log, what, failure);
        } else {
            log.warn(what + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Counts a library's log line about the outage that was left out (see {@link DatabaseOutageLogFilter}). */
    static void noted() {
        LAST_SEEN.set(System.currentTimeMillis());
        SUPPRESSED.incrementAndGet();
    }

    /** Whether a connection failure was seen in the last ten seconds. */
    static boolean ongoing() {
        return System.currentTimeMillis() - LAST_SEEN.get() < ONGOING_MILLIS;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        String message = failure.toString();
        int depth = 0;
        while (t.getCause() != null && t.getCause() != t && depth++ < 25) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return message.replace('\n', ' ');
    }
}
