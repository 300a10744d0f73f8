package dev.specboard.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks through a failure, its causes and the exceptions suppressed on the way (a commit that failed shows as a
 * rollback with the real failure suppressed in it), at most 50 of them and each once, however they loop.
 */
final class Causes {

    private Causes() {
    }

    /** Whether the failure or any failure behind it passes {@code test}. */
    static boolean any(Throwable failure, Predicate<Throwable> test) {
        return any(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean any(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || seen.size() > 50 || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (any(suppressed, test, seen)) {
                return true;
            }
        }
        return any(t.getCause(), test, seen);
    }
}
