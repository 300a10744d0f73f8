package dev.specboard.repo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page reads outside any transaction, and its session gives the pool's connection back after each statement, unless
 * a query's result stream is still open: then the connection stays taken for the rest of the request (which is why
 * {@code CodeLayoutTest.noQueryIsReadAsAStream} allows no stream of a query).
 */
@QuarkusTest
class ConnectionReleaseTest {

    @Inject
    EntityManager em;

    @Inject
    ManifestFiles manifests;

    @Test
    @ActivateRequestContext
    void aLookupOutsideATransactionGivesTheConnectionBackAtOnce() {
        manifests.latest(UUID.randomUUID());
        manifests.version(UUID.randomUUID(), 1);
        assertFalse(connected(), "the lookups read lists, so the connection went back to the pool after each statement");
    }

    /** The premise of the rule: should this fail, Hibernate closes a stream itself once it is read, and the rule can go. */
    @Test
    @ActivateRequestContext
    void aStreamThatFoundItsRowKeepsTheConnection() {
        em.createQuery("select m.id from ProjectManifest m", UUID.class).getResultStream().findFirst();
        assertTrue(connected(), "a query's stream keeps its result set, and the connection, until it is closed");
    }

    private boolean connected() {
        return em.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator().getLogicalConnection().isPhysicallyConnected();
    }
}
