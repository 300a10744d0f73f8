package dev.specboard.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
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
        return first(failure, test).isPresent();
    }

    /** The failure, or the first failure behind it, that passes {@code test}. */
    static Optional<Throwable> first(Throwable failure, Predicate<Throwable> test) {
        return Optional.ofNullable(first(failure, test, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    private static Throwable first(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || seen.size() > 50 || !seen.add(t)) {
            return null;
        }
        if (test.test(t)) {
            return t;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable found = first(suppressed, test, seen);
            if (found != null) {
                return found;
            }
        }
        return first(t.getCause(), test, seen);
    }
}
