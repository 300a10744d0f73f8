package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.LogCapture;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text a client sends (a JSON field name, say) cannot forge a log line of its own: its line breaks are escaped. */
@QuarkusTest
class LogInjectionTest {

    private static final String FORGED = "2026-12-06 06:00:00,000 ERROR [dev.specboard] forged";

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aRefusedJsonFieldNameIsLoggedWithItsLineBreaksEscaped() {
        TestData.Team team = data.team();
        String body = "{\"name\":\"x\",\"url\":\"https://example.com/x.git\",\"evil\\r\\n" + FORGED + "\":1}";
        List<String> lines;
        try (LogCapture logs = LogCapture.of(InputGuard.class, ErrorMapper.class)) {
            int status = RestAssured.given().header("Authorization", "Bearer " + tokens.create(team.owner().id, "t", null, null).value())
                    .contentType(ContentType.JSON).body(body).post("/api/v1/projects/" + team.slug() + "/repos").statusCode();
            assertEquals(422, status);
            lines = logs.records().stream().map(r -> LogFilter.formatted(r)).toList();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("evil\\x0d\\x0a" + FORGED)), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("\n") || l.contains("\r")), lines.toString());
    }

    @Test
    void everyControlCharacterAndLineSeparatorIsEscaped() {
        assertEquals("a\\x0d\\x0ab\\x09c\\x1b[31m\\u2028d\\x85e", LoggedText.of("a\r\nb\tc\u001b[31m\u2028d\u0085e"));
        assertEquals("null", LoggedText.of(null));
        assertTrue(LoggedText.of("x".repeat(5000)).length() < 1100);
    }
}
