package dev.specboard.web;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: an API call whose one statement outlasts its transaction's timeout, as a runaway search's did. */
@Path("/api/test-only/transaction-timeout")
public class TransactionTimeoutTestResource {

    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @TransactionConfiguration(timeout = 1)
    public String outlast() {
        return String.valueOf(em.createNativeQuery("SELECT 1 FROM pg_sleep(3)").getSingleResult());
    }
}
