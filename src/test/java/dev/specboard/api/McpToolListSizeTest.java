package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent reads {@code tools/list} into its context at every session: its size is kept in bounds so it cannot grow back unnoticed. */
@QuarkusTest
class McpToolListSizeTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void toolsListStaysSmall() throws Exception {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "size", null, null).value();
        String session = Mcp.initialize(token);
        byte[] body = RestAssured.given().auth().oauth2(token).contentType("application/json").header("Mcp-Session-Id", session)
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}").post("/api/mcp")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"outputSchema\""), text.substring(0, Math.min(500, text.length())));
        assertTrue(body.length < 230_000, "tools/list is " + body.length + " bytes");
    }
}
