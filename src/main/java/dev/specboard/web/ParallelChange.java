package dev.specboard.web;

import java.sql.SQLException;

/**
 * Failures that mean "a parallel change got there first": a versioned row changed since this request read it
 * (an optimistic lock that failed at flush or commit), or PostgreSQL broke a deadlock or refused a serialization;
 * or a parallel create of the same name committed first, past the check that a name is free. Nothing was saved
 * and trying again sees the change, so a request answers 409, not 500.
 */
public final class ParallelChange {

    private ParallelChange() {
    }

    /** Whether the failure, one of its causes or an exception suppressed on the way is such a conflict. */
    public static boolean isCause(Throwable failure) {
        return Causes.any(failure, t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException
                // 40001 serialization failure, 40P01 deadlock detected: PostgreSQL rolled the transaction back.
                || t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState())));
    }

    /**
     * Whether the failure is a unique violation (23505): services check that a name is free before they insert, so
     * the constraint only refuses a row when a parallel create of the same name committed between the two.
     */
    public static boolean isDuplicate(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLException s && "23505".equals(s.getSQLState()));
    }

    /**
     * Whether the failure is a row deleted by the transaction a lock waited for: the request found it, asked for its
     * row lock ({@code em.refresh(..., PESSIMISTIC_WRITE)}) and was granted it once the deletion committed; or a row
     * added under one deleted meanwhile. Nothing was saved; the thing is gone, so the answer is 404.
     */
    public static boolean isGone(Throwable failure) {
        return Causes.any(failure, t -> t instanceof jakarta.persistence.EntityNotFoundException
                || t instanceof org.hibernate.UnresolvableObjectException
                || insertUnderDeletedRow(t));
    }

    /**
     * A foreign key refusing a new row (23503 on an insert or update): services find the row they add under before
     * they add, so the key only refuses when a parallel deletion of that row committed between the two (a thread
     * opened, a sync requested, while the repository was removed). A key refusing a deletion is another matter.
     */
    private static boolean insertUnderDeletedRow(Throwable t) {
        return t instanceof SQLException s && "23503".equals(s.getSQLState()) && s.getMessage() != null
                && s.getMessage().contains("insert or update on table");
    }
}
