package dev.specboard.preview;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void aLinkMadeThroughATokenStopsOpeningOnceTheTokenIsRevoked() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        JsonPath created = madeThrough(t, agent, 2);
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
        assertEquals("closed: the API token it was made with was revoked", shown.getString("closedReason"), "the API says why, as the page does");
        String status = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("status-" + id).text();
        assertTrue(status.contains("API token it was made with was revoked"), status);
        assertEquals(null, Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("link-" + id));
    }

    /**
     * A link closed by its token's revocation shows EXPIRED at once on the list and in the API, as a revoked one does, where
     * it showed READY (with its closedReason) until the cleanup's next pass (paused here, so that only the shown status can say it).
     */
    @Test
    void aLinkClosedByItsTokenShowsExpiredAtOnce() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        String id = madeThrough(t, agent, 2).getString("id");
        String browserMade = PreviewLifecycleTest.createPreview(t, "", 2);
        String lead = tokens.create(t.lead().id, "other", null, null).value();
        String api = "/api/v1/projects/" + t.slug() + "/previews";
        String cleanup = scheduler.getScheduledJobs().stream().filter(j -> j.getMethodDescription().contains("PreviewCleanup"))
                .findFirst().orElseThrow().getId();
        scheduler.pause(cleanup);
        try {
            tokens.revoke(t.lead().id, agent.token().id);

            RestAssured.given().header("Authorization", "Bearer " + lead).get(api + "/" + id).then().statusCode(200)
                    .body("status", equalTo(PreviewSession.EXPIRED)).body("open", equalTo(false))
                    .body("closedReason", equalTo("closed: the API token it was made with was revoked"));
            RestAssured.given().header("Authorization", "Bearer " + lead).get(api).then().statusCode(200)
                    .body("find { it.id == '" + id + "' }.status", equalTo(PreviewSession.EXPIRED))
                    .body("find { it.id == '" + browserMade + "' }.status", equalTo(PreviewSession.READY));
            String status = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews")).getElementById("status-" + id).text();
            assertTrue(status.startsWith("Expired (closed: the API token"), status);
            assertEquals(PreviewSession.READY, session(id).status, "the cleanup has not recorded the stage yet");
        } finally {
            scheduler.resume(cleanup);
        }
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

    /**
     * The cleanup ends a link closed by its token's revocation as it ends a revoked one (EXPIRED, SOFT_DELETED, PURGED on
     * the same delays): its bundle is deleted, not kept until the link's own expiry. A link made in the browser stays.
     */
    @Test
    void theCleanupDeletesTheBundleOfALinkWhoseTokenWasRevoked() throws Exception {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        String id = madeThrough(t, agent, 200).getString("id");
        String browserMade = PreviewLifecycleTest.createPreview(t, "", 200);
        Path bundle = Path.of(session(id).bundlePath);
        assertTrue(Files.isDirectory(bundle));

        tokens.revoke(t.lead().id, agent.token().id);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // three cleanup rounds, on a loaded machine
        while (!PreviewSession.PURGED.equals(session(id).status)) {
            assertTrue(Instant.now().isBefore(deadline), "not purged in time: " + session(id).status);
            Thread.sleep(200);
        }
        assertFalse(Files.exists(bundle), "the bundle's files are deleted at PURGED");
        assertEquals(List.of(PreviewSession.EXPIRED, PreviewSession.SOFT_DELETED, PreviewSession.PURGED), stages(id));
        PreviewSession kept = session(browserMade);
        assertEquals(PreviewSession.READY, kept.status, "a link made in the browser is not tied to the token");
        assertTrue(Files.isDirectory(Path.of(kept.bundlePath)));
    }

    /** Opening a link made through an API token checks the token in the same query that finds the preview. */
    @Test
    void aLinkMadeThroughATokenOpensWithAsManyStatementsAsOneMadeInTheBrowser() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        ApiTokenService.Created agent = tokens.create(t.lead().id, "agent", null, null);
        String token = madeThrough(t, agent, 2).getString("token");
        String browserMade = PreviewLifecycleTest.token(t, PreviewLifecycleTest.createPreview(t, "", 2));
        assertEquals(SqlCounter.count(() -> RestAssured.given().get("/preview/" + browserMade).then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().get("/preview/" + token).then().statusCode(200)), "the preview's page");
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + browserMade + "/pages/1")
                        .then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + token + "/pages/1")
                        .then().statusCode(200)), "one page of the preview");

        tokens.revoke(t.lead().id, agent.token().id);

        RestAssured.given().get("/preview/" + token).then().statusCode(404);
        RestAssured.given().header("Sec-Fetch-Dest", "iframe").get("/preview/" + token + "/pages/1").then().statusCode(404);
        RestAssured.given().get("/preview/" + browserMade).then().statusCode(200);
    }

    @jakarta.transaction.Transactional
    List<String> stages(String id) {
        return PreviewCleanupEvent.<PreviewCleanupEvent>list("previewSessionId = ?1 order by createdAt", UUID.fromString(id)).stream()
                .map(e -> e.stage).toList();
    }

    @jakarta.transaction.Transactional
    PreviewSession session(String id) {
        return PreviewSession.findById(UUID.fromString(id));
    }

    /** A preview of the project's pages made through the API with the agent's token, lasting {@code hours}: its answer. */
    private static JsonPath madeThrough(TestData.Team t, ApiTokenService.Created agent, int hours) {
        return RestAssured.given().header("Authorization", "Bearer " + agent.value()).contentType(ContentType.JSON)
                .body(Map.of("hours", hours)).post("/api/v1/projects/" + t.slug() + "/previews").then().statusCode(201).extract().jsonPath();
    }
}
