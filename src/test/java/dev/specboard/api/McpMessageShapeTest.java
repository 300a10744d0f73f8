package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MCP body that is JSON but not a JSON-RPC object (a text, a number, null, true, an array) is the protocol's invalid
 * request, with or without a session: the library cast it unchecked, answered 500 and logged the exception at ERROR.
 */
@QuarkusTest
class McpMessageShapeTest {

    private static final List<String> NOT_OBJECTS = List.of("\"garbage\"", "123", "null", "true", "[]", "[1]");

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void jsonThatIsNoObjectIsAnInvalidRequestAndNothingIsLoggedAtError() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "shapes", null, null).value();
        String session = Mcp.initialize(token);
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.everything()) {
            for (String body : NOT_OBJECTS) {
                for (String header : new String[] {session, null}) {
                    Response r = post(token, header, body);
                    String message = r.statusCode() == 400 ? r.path("error.message") : null;
                    if (r.statusCode() != 400 || !Integer.valueOf(-32600).equals(r.path("error.code")) || r.path("id") != null
                            || !"2.0".equals(r.path("jsonrpc")) || message == null || !message.startsWith("Invalid Request")) {
                        failures.add(body + (header == null ? " without a session" : " in a session") + " answered "
                                + r.statusCode() + " " + r.asString());
                    }
                }
            }
            List<String> errors = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
            assertTrue(errors.isEmpty(), "logged at ERROR: " + errors);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // A batch is named as such, so a client knows to send its requests one by one.
        post(token, session, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]").then().statusCode(400)
                .body("error.code", equalTo(-32600)).body("error.message", startsWith("Invalid Request: batches (JSON arrays) are not supported"));
        // The session still works, and an object or JSON that is no JSON is answered as before.
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo(2));
        post(token, session, "{bad json").then().statusCode(400).body("error.code", equalTo(-32700));
        assertEquals(200, post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").statusCode());
    }

    /**
     * A key given twice is a parse error like any other: 400, -32700 and the key named. It was a 200 saying only "Unable to
     * parse the JSON message", while the JSON API says "Duplicate field 'path'".
     */
    @Test
    void aKeyGivenTwiceIsAParseErrorNamingIt() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "twice", null, null).value();
        String session = Mcp.initialize(token);
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_projects\","
                + "\"arguments\":{\"path\":\"a\",\"path\":\"b\"}}}").then().statusCode(400).body("error.code", equalTo(-32700))
                .body("error.message", org.hamcrest.Matchers.containsString("Duplicate field 'path'"));
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"id\":3,\"method\":\"ping\"}").then().statusCode(400)
                .body("error.code", equalTo(-32700)).body("error.message", startsWith("Parse error: the body is not valid JSON: Duplicate field 'id'"));
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo(4));
    }

    /**
     * A call naming no tool is refused in the library's words, but repeats at most the first 100 characters of the name: a
     * name of 100,000 characters came back whole in "Invalid tool name: …".
     */
    @Test
    void aToolNameThatIsNoToolIsEchoedCut() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "names", null, null).value();
        String session = Mcp.initialize(token);
        String huge = "x".repeat(100_000);
        Response r = post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + huge
                + "\",\"arguments\":{}}}");
        assertEquals(200, r.statusCode());
        assertEquals(-32602, (Integer) r.path("error.code"));
        assertEquals(7, (Integer) r.path("id"));
        assertEquals("Invalid tool name: " + "x".repeat(100) + "…", r.path("error.message"));
        assertTrue(r.asString().length() < 1_000, "the answer is short: " + r.asString().length());
        // A short name is repeated whole, as before; a tool's name still calls it.
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}")
                .then().statusCode(200).body("error.code", equalTo(-32602)).body("error.message", equalTo("Invalid tool name: no_such_tool"));
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"list_projects\",\"arguments\":{}}}")
                .then().statusCode(200).body("result.isError", equalTo(false));
    }

    private static Response post(String token, String session, String body) {
        var spec = RestAssured.given().contentType("application/json").header("Accept", "application/json, text/event-stream")
                .auth().oauth2(token);
        if (session != null) {
            spec = spec.header("Mcp-Session-Id", session);
        }
        return spec.body(body).post("/api/mcp");
    }
}
