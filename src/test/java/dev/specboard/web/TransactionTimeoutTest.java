package dev.specboard.web;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement that outlasts its transaction's timeout (40 searches of a 500-letter word at once ran past the 60 s) ended
 * in 500 "Something went wrong" from the commit's RollbackException; it is a busy server, answered like one: 503 with
 * Retry-After and its JSON error.
 */
@QuarkusTest
class TransactionTimeoutTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aTransactionPastItsTimeoutIsA503WithRetryAfter() {
        Response r = RestAssured.given().auth().oauth2(fx.token(data.team().viewer())).get("/api/test-only/transaction-timeout");

        assertEquals(503, r.statusCode(), r.asString());
        assertEquals(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS), r.header("Retry-After"));
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("Specboard is busy; try again in a few seconds.", r.jsonPath().getString("error"), r.asString());
    }
}
