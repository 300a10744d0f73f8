package dev.specboard.kernel;

import jakarta.persistence.EntityManager;

import java.util.Locale;
import java.util.UUID;

/**
 * Makes saves that give a name to a thing of one kind in one place (a project, a repository) take turns until their
 * transactions end, so that the check for a name already taken sees the other's row: checked side by side, both found it
 * free and the second failed on the unique index at commit, answered right but logged as a failed transaction.
 */
public final class NameLock {

    private NameLock() {
    }

    /** Takes the transaction-scoped lock of {@code name} (case-insensitive) among the {@code kind} of {@code scope}. */
    public static void take(EntityManager em, String kind, UUID scope, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, kind + ":" + scope + ":" + name.strip().toLowerCase(Locale.ROOT)).getSingleResult();
    }
}
