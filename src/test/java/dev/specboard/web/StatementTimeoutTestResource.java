package dev.specboard.web;

import dev.specboard.kernel.StatementTimeout;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: an API call whose one statement outlasts its own bound of one second, as a runaway search's would. */
@Path("/api/test-only/statement-timeout")
public class StatementTimeoutTestResource {

    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public String outlast() {
        return String.valueOf(StatementTimeout.within(em.createNativeQuery("SELECT 1 FROM pg_sleep(30) AS stopped_by_its_bound"), 1)
                .getSingleResult());
    }
}
