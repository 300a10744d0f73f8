package dev.specboard.web;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Failures that mean "a parallel change got there first": a versioned row changed since this request read it
 * (an optimistic lock that failed at flush or commit), or PostgreSQL broke a deadlock or refused a serialization.
 * Nothing was saved and trying again sees the change, so a request answers 409, not 500.
 */
public final class ParallelChange {

    private ParallelChange() {
    }

    /** Whether the failure, one of its causes or an exception suppressed on the way is such a conflict. */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isCause(Throwable t, Set<Throwable> seen) {
        if (t == null || seen.size() > 50 || !seen.add(t)) {
            return false;
        }
        if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
            return true;
        }
        // 40001 serialization failure, 40P01 deadlock detected: PostgreSQL rolled the transaction back.
        if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isCause(suppressed, seen)) {
                return true;
            }
        }
        return isCause(t.getCause(), seen);
    }
}
