package dev.specboard.web;

import dev.specboard.support.LogCapture;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures count as "the database is unreachable", and which log lines about them are left out. */
class DatabaseOutageTest {

    @Test
    void lostAndRefusedConnectionsAreOutagesWhereverTheyHide() {
        assertTrue(DatabaseOutage.isCause(new PersistenceException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection", null,
                new TimeoutException())));
        // The pool's words when every connection is in use (Hibernate wraps them in "Unable to acquire JDBC Connection").
        assertTrue(DatabaseOutage.isCause(new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!", null, new TimeoutException()))));
        assertTrue(DatabaseOutage.isCause(new org.hibernate.exception.JDBCConnectionException("down", new SQLException("x"))));
        // A commit that failed on a dead connection: the error hides among the rollback's suppressed exceptions.
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseOutage.isCause(new IllegalStateException("Error invoking subclass method", commit)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.isCause(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.isCause(new SQLException("canceling statement due to user request", "57014")));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("no")));
        Exception loop = new Exception("a");
        Exception other = new Exception("b", loop);
        loop.addSuppressed(other);
        assertFalse(DatabaseOutage.isCause(loop));
    }

    /**
     * Every connection in use (40 slow searches at once) answered "The database is not reachable", which sent people to a
     * database that was fine; a transaction past its timeout answered 500. Both are a busy server.
     */
    @Test
    void aPoolWithEveryConnectionInUseAndATransactionPastItsTimeoutAreBusyNotUnreachable() {
        Exception exhausted = new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!", null, new TimeoutException()));
        assertTrue(DatabaseOutage.isBusy(exhausted));
        assertEquals("Specboard is busy; try again in a few seconds.", DatabaseOutage.message(exhausted));
        RollbackException timedOut = new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:a1");
        assertTrue(DatabaseOutage.isBusy(new IllegalStateException("Error invoking subclass method", timedOut)));
        assertFalse(DatabaseOutage.isCause(timedOut), "not an outage: its background work need not wait");

        // Opening a new connection that took too long may well be a database that is gone.
        Exception opening = new SQLException("Acquisition timeout while waiting for new connection", null, new TimeoutException());
        assertFalse(DatabaseOutage.isBusy(opening));
        assertEquals("The database is not reachable at the moment; please try again in a few seconds.", DatabaseOutage.message(opening));
        assertFalse(DatabaseOutage.isBusy(new RollbackException("ARJUNA016053: Could not commit transaction.")));
        assertFalse(DatabaseOutage.isBusy(new PersistenceException(new SQLException("refused", "08001"))));
    }

    @Test
    void theLibrariesWarningsAboutAnOutageAreLeftOutButErrorsAndOtherLinesPass() {
        DatabaseOutageLogFilter filter = new DatabaseOutageLogFilter();
        LogRecord state = record(Level.WARNING, "org.hibernate.orm.jdbc.error", "ErrorCode: %s, SQLState: %s", 0, "08006");
        assertFalse(filter.isLoggable(state));
        assertFalse(filter.isLoggable(record(Level.WARNING, "org.hibernate.orm.jdbc.error", "An I/O error occurred while sending to the backend.")));
        LogRecord rollback = record(Level.WARNING, "com.arjuna.ats.jta", "ARJUNA016045: attempted rollback failed");
        rollback.setThrown(new XAException("x"));
        rollback.getThrown().initCause(new SQLException("This connection has been closed.", "08003"));
        assertFalse(filter.isLoggable(rollback));
        assertTrue(filter.isLoggable(record(Level.SEVERE, "io.agroal.pool", "Datasource '<default>': broken")));
        assertTrue(filter.isLoggable(record(Level.WARNING, "dev.specboard.repo.SyncWorker", "Sync failed")));
        LogRecord otherFailure = record(Level.WARNING, "com.arjuna.ats.jta", "ARJUNA012345: something else");
        otherFailure.setThrown(new SQLException("duplicate key", "23505"));
        assertTrue(filter.isLoggable(otherFailure));
    }

    @Test
    void aBackgroundTaskCutShortByTheStopLogsNoWarning() {
        String name = "dev.specboard.test.stopping." + System.nanoTime();
        Logger log = Logger.getLogger(name);
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        boolean before = Stopping.set(false);
        try (LogCapture capture = LogCapture.everyLevelOf(name)) {
            List<LogRecord> logged = capture.records();
            DatabaseOutage.warn(log, "a task", closed);
            assertEquals(List.of(Level.WARNING), logged.stream().map(LogRecord::getLevel).toList(), "a failure while running");
            assertEquals(closed, logged.get(0).getThrown());

            logged.clear();
            Stopping.set(true);
            DatabaseOutage.warn(log, "a task", closed);
            assertEquals(1, logged.size());
            assertTrue(logged.get(0).getLevel().intValue() < Level.INFO.intValue(), "the stop's own doing: " + logged.get(0).getLevel());
            assertEquals("a task ended by the stop: java.lang.IllegalStateException: EntityManagerFactory is closed",
                    logged.get(0).getMessage());
        } finally {
            Stopping.set(before);
        }
    }

    private static LogRecord record(Level level, String logger, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        r.setParameters(params.length == 0 ? null : params);
        return r;
    }
}
