package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.LogRecord;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MCP body that is not JSON is the protocol's parse error on a 400, saying what is wrong in plain words, and one short
 * line in the log, no stack trace (the library answered it on a 200 and logged the parser's trace).
 */
@QuarkusTest
class McpParseErrorLogTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aBodyThatIsNotJsonIsA400ParseErrorAndLogsOneShortLine() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "parse", null, null).value();
        String session = Mcp.initialize(token);
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.everyLevelOf(InputGuard.class.getName())) {
            post(token, session, "not json\n2026-12-06 ERROR forged").then().statusCode(400).body("error.code", equalTo(-32700))
                    .body("id", equalTo(null)).body("error.message", startsWith("Parse error: the body is not valid JSON: unknown word 'not'"));
            records = List.copyOf(logs.records());
        }
        List<LogRecord> parse = records.stream().filter(r -> LogFilter.formatted(r).contains("Parse error")).toList();
        assertEquals(1, parse.size(), records.toString());
        LogRecord r = parse.get(0);
        assertTrue(new LogFilter().isLoggable(r), "still logged, as one line");
        assertNull(r.getThrown(), "no stack trace");
        String line = LogFilter.formatted(r);
        assertTrue(line.startsWith("Refused POST /api/mcp: Parse error"), line);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.length() < 300, line);
        // An empty body is named as such; the session still answers.
        post(token, session, "").then().statusCode(400).body("error.code", equalTo(-32700))
                .body("error.message", equalTo("Parse error: the body is empty; send one JSON-RPC request object"));
        post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo(2));
    }

    private static Response post(String token, String session, String body) {
        return RestAssured.given().contentType("application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).auth().oauth2(token).body(body).post("/api/mcp");
    }
}
