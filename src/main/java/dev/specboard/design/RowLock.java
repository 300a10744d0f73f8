package dev.specboard.design;

import dev.specboard.web.ApiException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import org.hibernate.UnresolvableObjectException;

/** Takes an entity's row lock for a change; a row deleted by the transaction the lock waited for answers 404 instead of failing. */
final class RowLock {

    private RowLock() {
    }

    /** Locks (FOR UPDATE) and re-reads the entity; {@code gone} is the 404's message when it was deleted meanwhile. */
    static void forUpdate(EntityManager em, Object entity, String gone) {
        try {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        } catch (EntityNotFoundException | UnresolvableObjectException e) {
            throw ApiException.notFound(gone);
        }
    }
}
