package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.LogRecord;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An MCP body that is not JSON is the protocol's parse error for the client and one short line in the log, no stack trace. */
@QuarkusTest
class McpParseErrorLogTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aBodyThatIsNotJsonLogsOneShortLine() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "parse", null, null).value();
        String session = Mcp.initialize(token);
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.everyLevelOf(LogFilter.MCP_HANDLER)) {
            RestAssured.given().contentType("application/json").header("Accept", "application/json, text/event-stream")
                    .header("Mcp-Session-Id", session).auth().oauth2(token).body("not json\n2026-12-06 ERROR forged").post("/api/mcp")
                    .then().body("error.code", equalTo(-32700)).body("id", equalTo(null));
            records = List.copyOf(logs.records());
        }
        List<LogRecord> parse = records.stream().filter(r -> String.valueOf(r.getMessage()).startsWith("Unable to parse")).toList();
        assertEquals(1, parse.size(), records.toString());
        LogRecord r = parse.get(0);
        assertTrue(new LogFilter().isLoggable(r), "still logged, as one line");
        assertNull(r.getThrown(), "no stack trace");
        String line = LogFilter.formatted(r);
        assertTrue(line.startsWith("Unable to parse the JSON message of an MCP request"), line);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.length() < 300, line);
    }
}
