package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two Authorization headers in one request are refused (they were served as the first, so which account acted hung on
 * header order); one header still works for the API and MCP alike.
 */
@QuarkusTest
class AuthorizationHeaderTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void twoAuthorizationHeadersAreRefusedAndOneStillWorks() {
        TestData.Team t = data.team();
        String viewer = tokens.create(t.viewer().id, "test", null, null).value();
        String owner = tokens.create(t.owner().id, "test", null, null).value();
        String pages = "/api/v1/projects/" + t.slug() + "/pages";

        RestAssured.given().header("Authorization", "Bearer " + viewer).header("Authorization", "Bearer " + owner)
                .get(pages).then().statusCode(400).contentType("application/json")
                .body("error", equalTo("Send one Authorization header; this request has 2.")).body("details", anEmptyMap());
        RestAssured.given().header("Authorization", "Bearer " + owner).header("Authorization", "Bearer " + owner)
                .contentType("application/json").body("{\"name\":\"Two\"}").post("/api/v1/projects/" + t.slug() + "/pages")
                .then().statusCode(400).body("error", equalTo("Send one Authorization header; this request has 2."));
        RestAssured.given().header("Authorization", "Bearer " + viewer).header("Authorization", "Bearer " + owner)
                .contentType("application/json").header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}")
                .post("/api/mcp").then().statusCode(400)
                .body("error", equalTo("Send one Authorization header; this request has 2."));

        RestAssured.given().header("Authorization", "Bearer " + viewer).get(pages).then().statusCode(200);
        assertNotNull(Mcp.initialize(viewer));
    }
}
