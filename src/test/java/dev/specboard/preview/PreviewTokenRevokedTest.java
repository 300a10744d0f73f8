package dev.specboard.preview;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview link made through an API token closes when the token is revoked, as the token's queued jobs stop: it answers
 * the 404 of an expired link, and the list no longer offers it. A link made in the browser is not tied to any token.
 */
@QuarkusTest
class PreviewTokenRevokedTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aLinkMadeThroughATokenStopsOpeningOnceTheTokenIsRevoked() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        JsonPath created = RestAssured.given().header("Authorization", "Bearer " + agent.value()).contentType(ContentType.JSON)
                .body(Map.of("hours", 2)).post("/api/v1/projects/" + t.slug() + "/previews").then().statusCode(201).extract().jsonPath();
        String token = created.getString("token");
        String id = created.getString("id");
        String browserMade = PreviewLifecycleTest.token(t, PreviewLifecycleTest.createPreview(t, "", 2));
        RestAssured.given().get("/preview/" + token).then().statusCode(200);

        tokens.revoke(t.lead().id, agent.token().id);

        RestAssured.given().get("/preview/" + token).then().statusCode(404);
        RestAssured.given().get("/preview/" + token + "/pages/1").then().statusCode(404);
        RestAssured.given().get("/preview/" + browserMade).then().statusCode(200);
        String lead = tokens.create(t.lead().id, "other", null, null).value();
        JsonPath shown = RestAssured.given().header("Authorization", "Bearer " + lead).get("/api/v1/projects/" + t.slug() + "/previews/" + id)
                .then().statusCode(200).body("open", equalTo(false)).extract().jsonPath();
        assertNull(shown.getString("url"), "a closed link is not offered to share");
        String status = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("status-" + id).text();
        assertTrue(status.contains("API token it was made with was revoked"), status);
        assertEquals(null, Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("link-" + id));
    }

    /** The same for a link an agent made with the MCP tool create_preview. */
    @Test
    void aLinkMadeWithTheMcpToolStopsOpeningOnceItsTokenIsRevoked() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        String session = dev.specboard.support.Mcp.initialize(agent.value());
        String answer = dev.specboard.support.Mcp.answer(agent.value(), session, "create_preview", false, "project", t.slug(), "hours", 2);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\":\"([A-Za-z0-9_-]{40,64})\"").matcher(answer);
        assertTrue(m.find(), answer);
        RestAssured.given().get("/preview/" + m.group(1)).then().statusCode(200);
        tokens.revoke(t.lead().id, agent.token().id);
        RestAssured.given().get("/preview/" + m.group(1)).then().statusCode(404);
    }
}
