package dev.specboard.web;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement past its own bound (searches have one) is cancelled on the server, not left running after the request gave
 * up on it, and the request answers as a busy server: 503 with Retry-After and its JSON error, never a 500.
 */
@QuarkusTest
class StatementTimeoutTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Test
    void aStatementPastItsBoundIsCancelledAndAnswered503() {
        Response r = RestAssured.given().auth().oauth2(fx.token(data.team().viewer())).get("/api/test-only/statement-timeout");

        assertEquals(503, r.statusCode(), r.asString());
        assertEquals(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS), r.header("Retry-After"));
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("Specboard is busy; try again in a few seconds.", r.jsonPath().getString("error"), r.asString());
        // The 30-second sleep no longer runs on the server: the driver cancelled it, rather than the request leaving it behind.
        assertEquals(0L, running(), "the cancelled statement is still running");
    }

    long running() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%stopped_by_its_bound%'"
                + " AND query NOT LIKE '%pg_stat_activity%'").getSingleResult()).longValue());
    }
}
