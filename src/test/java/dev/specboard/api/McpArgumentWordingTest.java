package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused tool argument is named as an argument, not as the query parameter its API twin reads: over MCP there is no
 * query. The API keeps its own wording.
 */
@QuarkusTest
class McpArgumentWordingTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aRefusedArgumentIsCalledAnArgumentOverMcpAndAQueryParameterOverHttp() {
        TestData.Team t = data.team();
        String token = tokens.create(t.viewer().id, "wording", null, null).value();
        String session = Mcp.initialize(token);
        String status = Mcp.answer(token, session, "list_stories", true, "project", t.slug(), "status", "bogus");
        assertTrue(status.contains("\"error\":\"The argument status must be one of "), status);
        assertFalse(status.contains("query parameter"), status);
        String before = Mcp.answer(token, session, "list_notifications", true, "before", "nope");
        assertTrue(before.contains("\"error\":\"The argument before must be a UUID\""), before);
        Api.as(t.viewer()).get("/api/v1/projects/" + t.slug() + "/stories?status=bogus").then().statusCode(422)
                .body("error", org.hamcrest.Matchers.startsWith("The query parameter status must be one of "))
                .body("details.status", org.hamcrest.Matchers.startsWith("must be one of "));
        Api.as(t.viewer()).get("/api/v1/notifications?before=nope").then().statusCode(400)
                .body("error", equalTo("The query parameter before must be a UUID"));
    }
}
