package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One token holds at most 20 MCP sessions open at once: the next initialize is refused with 429 and a JSON-RPC error
 * saying the cap and how to free a session, and a session closed (DELETE) or expired makes room again.
 */
@QuarkusTest
class McpSessionCapTest {

    private static final int CAP = 20;

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    ConnectionManager connections;

    @TestHTTPResource("/")
    URI base;

    private static Response initialize(String token) {
        return RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}")
                .post("/api/mcp");
    }

    /** Every message of an exception and its causes, where a client puts the server's answer. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aTokenHoldsAtMostTwentySessionsAndAClosedOrExpiredOneMakesRoom() {
        TestData.Team t = data.team();
        String viewer = tokens.create(t.viewer().id, "many sessions", null, null).value();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            sessions.add(Mcp.initialize(viewer));
        }

        Exception refused = assertThrows(Exception.class, () -> Mcp.client(base, viewer).close());
        String said = messages(refused);
        assertTrue(said.contains("429") && said.contains("at most 20 at once") && said.contains("DELETE /api/mcp")
                && said.contains("30 minutes"), said);
        Response raw = initialize(viewer);
        raw.then().statusCode(429).body("jsonrpc", equalTo("2.0")).body("id", equalTo(7)).body("error.code", equalTo(-32000))
                .body("error.message", containsString("Too many open MCP sessions for this token"));
        assertEquals(null, raw.getHeader("Mcp-Session-Id"), "a refused initialize opens no session");

        // Another token of the same account counts its own sessions.
        String other = tokens.create(t.viewer().id, "other", null, null).value();
        try (McpSyncClient mcp = Mcp.client(base, other)) {
            assertFalse(mcp.listTools().tools().isEmpty());
        }

        // The sessions held still work, and closing one makes room for one more.
        RestAssured.given().auth().oauth2(viewer).header("Mcp-Session-Id", sessions.get(0)).delete("/api/mcp").then().statusCode(200);
        McpSyncClient client = Mcp.client(base, viewer);
        assertFalse(client.listTools().tools().isEmpty());
        // closeGracefully waits for the client's DELETE; close() only starts it, so the next initialize could come first.
        assertTrue(client.closeGracefully(), "the client closed its session within its timeout");
        // The client closed its session as it disconnected: there is room again, and only for one.
        String again = Mcp.initialize(viewer);
        initialize(viewer).then().statusCode(429);

        // A session the library lets expire (its idle timer removes it) stops counting as well.
        assertTrue(connections.remove(sessions.get(1)));
        Mcp.initialize(viewer);
        initialize(viewer).then().statusCode(429);
        assertTrue(connections.has(again) && connections.has(sessions.get(CAP - 1)), "the sessions held stay open");
    }

    @Test
    void anAccountHoldsAtMostFiftySessionsAcrossItsTokens() {
        TestData.Team t = data.team();
        List<String> held = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            String token = tokens.create(t.lead().id, "agent " + n, null, null).value();
            for (int i = 0; i < CAP; i++) {
                held.add(Mcp.initialize(token));
            }
        }
        // A third token is under its own cap, but the account's 50 are reached after ten more.
        String third = tokens.create(t.lead().id, "agent 2", null, null).value();
        for (int i = 0; i < 10; i++) {
            held.add(Mcp.initialize(third));
        }
        initialize(third).then().statusCode(429).body("error.message", containsString("for this account: at most 50"));
        String fourth = tokens.create(t.lead().id, "agent 3", null, null).value();
        initialize(fourth).then().statusCode(429).body("error.message", containsString("across its tokens"));
        // Another account is not touched by this one's sessions.
        Mcp.initialize(tokens.create(t.member().id, "member's", null, null).value());

        RestAssured.given().auth().oauth2(third).header("Mcp-Session-Id", held.get(held.size() - 1)).delete("/api/mcp").then().statusCode(200);
        Mcp.initialize(fourth);
        initialize(fourth).then().statusCode(429);
    }

    @Test
    void initializeRequestsAtTheSameMomentGetNoMoreThanTheCap() throws Exception {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "parallel", null, null).value();
        for (int i = 0; i < CAP - 5; i++) {
            Mcp.initialize(token);
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> initialize(token).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }
}
