package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP is served over streamable HTTP at {@code /api/mcp} only: the library's older SSE transport, whose message URL ran
 * any token's calls on its opener's stream, answers 404; a refused token is one clean 401; and a session id that is
 * another token's is answered as an unknown one, with the same JSON error.
 */
@QuarkusTest
class McpTransportTest {

    private static final String LIST_PROJECTS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_projects\",\"arguments\":{}}}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void theSseTransportIsNotServed() throws Exception {
        TestData.Team t = data.team();
        String ada = tokens.create(t.member().id, "ada", null, null).value();
        String cat = tokens.create(t.lead().id, "cat", null, null).value();
        // Read as a stream: were the transport served, its answer would never end.
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/mcp/sse"))
                .header("Authorization", "Bearer " + ada).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertEquals(404, stream.statusCode());
            String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("\"error\""), text);
        }
        RestAssured.given().auth().oauth2(cat).contentType("application/json").body(LIST_PROJECTS)
                .post("/api/mcp/messages/" + java.util.UUID.randomUUID()).then().statusCode(404).body("error", containsString("streamable HTTP"));
        // The documented endpoint still works.
        Mcp.callTool(ada, Mcp.initialize(ada), "list_projects", "{}").then().statusCode(200).body(containsString(t.slug()));
    }

    @Test
    void aRequestFromAWebPageOfAnotherSiteIsRefused() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "origin", null, null).value();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1.nip.io:" + base.getPort())) {
            Response r = RestAssured.given().auth().oauth2(token).contentType("application/json").header("Origin", origin)
                    .header("Accept", "application/json, text/event-stream").body(initialize).post("/api/mcp");
            r.then().statusCode(403).body("error", containsString("another site"));
            assertEquals(null, r.getHeader("Mcp-Session-Id"), origin);
        }
        // A session opened without Origin (as agents do) is refused too when a page of another site names it.
        String session = Mcp.initialize(token);
        RestAssured.given().auth().oauth2(token).contentType("application/json").header("Origin", "https://evil.example")
                .header("Mcp-Session-Id", session).header("Accept", "application/json, text/event-stream").body(LIST_PROJECTS)
                .post("/api/mcp").then().statusCode(403);
        // Every method of the endpoint: the stream an agent opens with GET, and DELETE that closes a session.
        RestAssured.given().auth().oauth2(token).header("Origin", "https://evil.example").header("Mcp-Session-Id", session)
                .header("Accept", "text/event-stream").get("/api/mcp").then().statusCode(403).body("error", containsString("another site"));
        RestAssured.given().auth().oauth2(token).header("Origin", "https://evil.example").header("Mcp-Session-Id", session)
                .delete("/api/mcp").then().statusCode(403);
        // A client that is no trusted proxy cannot name the other site as this one through X-Forwarded-Host.
        dev.specboard.support.Web.fromUntrustedPeer(RestAssured.given()).auth().oauth2(token).contentType("application/json")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").header("Origin", "https://evil.example")
                .header("Accept", "application/json, text/event-stream").body(initialize).post("/api/mcp").then().statusCode(403);
        // Without a token too: refused for its Origin before any token is looked at, and no session opened.
        Response tokenless = RestAssured.given().contentType("application/json").header("Origin", "https://evil.example").body(initialize)
                .post("/api/mcp");
        tokenless.then().statusCode(403).body("error", containsString("another site"));
        assertEquals(null, tokenless.getHeader("Mcp-Session-Id"));
        // This site's own origin is fine.
        RestAssured.given().auth().oauth2(token).contentType("application/json").header("Origin", "http://localhost:" + base.getPort())
                .header("Accept", "application/json, text/event-stream").body(initialize).post("/api/mcp")
                .then().statusCode(200).header("Mcp-Session-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRefusedTokenIsOne401AndNoErrorInTheLog() throws Exception {
        try (LogCapture logs = LogCapture.everything()) {
            for (int i = 0; i < 3; i++) {
                RestAssured.given().header("Authorization", "Bearer sbt_nope").contentType("application/json").body("{}")
                        .post("/api/mcp").then().statusCode(401).body("error", equalTo("Unknown, revoked or missing API token"));
            }
            // The second answer was attempted right after the first was sent: give it time to be logged.
            Thread.sleep(500);
            List<String> errors = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList();
            assertTrue(errors.isEmpty(), "a refused token must log no error:\n" + String.join("\n", errors));
        }
    }

    @Test
    void anotherTokensSessionIsAnsweredAsAnUnknownOne() {
        TestData.Team t = data.team();
        String opener = tokens.create(t.member().id, "opener", null, null).value();
        String other = tokens.create(t.lead().id, "other", null, null).value();
        String session = Mcp.initialize(opener);
        Mcp.initialize(other);

        Response foreign = Mcp.callTool(other, session, "list_projects", "{}");
        Response unknown = Mcp.callTool(other, java.util.UUID.randomUUID().toString(), "list_projects", "{}");
        foreign.then().statusCode(404).contentType(containsString("application/json")).body("error", containsString("No such MCP session"));
        unknown.then().statusCode(404).contentType(containsString("application/json"));
        assertEquals(unknown.asString(), foreign.asString());
        Response deleted = RestAssured.given().auth().oauth2(other).header("Mcp-Session-Id", session).delete("/api/mcp");
        deleted.then().statusCode(404);
        assertEquals(unknown.asString(), deleted.asString());
    }

    @Test
    void aSessionsEventStreamEndsWhenItsTokenIsRevoked() throws Exception {
        TestData.Team t = data.team();
        ApiTokenService.Created revoked = tokens.create(t.member().id, "streaming", null, null);
        String kept = tokens.create(t.lead().id, "kept", null, null).value();
        HttpResponse<InputStream> gone = eventStream(revoked.value(), Mcp.initialize(revoked.value()));
        HttpResponse<InputStream> lives = eventStream(kept, Mcp.initialize(kept));
        assertEquals(200, gone.statusCode());
        assertEquals(200, lives.statusCode());
        java.util.concurrent.CompletableFuture<String> goneText = readToEnd(gone);
        java.util.concurrent.CompletableFuture<String> livesText = readToEnd(lives);

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> tokens.revoke(t.member().id, revoked.token().id));
        // Before, the library kept the stream open for as long as the client read it, revoked token or not.
        goneText.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(!livesText.isDone(), "another token's stream lives on");
        lives.body().close();
    }

    private HttpResponse<InputStream> eventStream(String token, String session) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/mcp")).header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", session).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static java.util.concurrent.CompletableFuture<String> readToEnd(HttpResponse<InputStream> stream) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream body = stream.body()) {
                return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "closed: " + e.getMessage();
            }
        });
    }
}
