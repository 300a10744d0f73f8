package dev.specboard.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are a parallel change (409) rather than our fault (500). */
class ParallelChangeTest {

    @Test
    void aFailedVersionCheckADeadlockAndASerializationFailureAreParallelChangesWhereverTheyAreInTheChain() {
        assertTrue(ParallelChange.isCause(new IllegalStateException("wrapped", new OptimisticLockException("stale"))));
        assertTrue(ParallelChange.isCause(new org.hibernate.StaleObjectStateException("ImplementationTask", "id")));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("deadlock detected", "40P01"));
        assertTrue(ParallelChange.isCause(commit));
        assertTrue(ParallelChange.isCause(new RuntimeException(new SQLException("could not serialize access", "40001"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ParallelChange.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(ParallelChange.isCause(new NullPointerException()));
        assertFalse(ParallelChange.isCause(null));
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertFalse(ParallelChange.isCause(loop));
    }

    @Test
    void aUniqueViolationAnywhereInTheChainIsADuplicateAndNothingElseIs() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertTrue(ParallelChange.isDuplicate(commit));
        assertFalse(ParallelChange.isDuplicate(new SQLException("null value in column", "23502")));
        assertFalse(ParallelChange.isDuplicate(new SQLException("deadlock detected", "40P01")));
        assertFalse(ParallelChange.isDuplicate(null));
    }
}
