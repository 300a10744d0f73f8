package dev.specboard.web;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secret of an invitation or preview link never reaches the log when a request on it is refused or fails. */
@QuarkusTest
class SecretPathLogTest {

    private static final String SECRET = "s3cretLinkToken_" + System.nanoTime();

    /** What the refusal guard and the error mapper log while a test runs. */
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of(InputGuard.class, ErrorMapper.class);
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private static String formatted(LogRecord r) {
        Object[] params = r.getParameters();
        return params == null || params.length == 0 ? r.getMessage() : String.format(r.getMessage(), params);
    }

    private List<String> lines() {
        return logs.records().stream().map(SecretPathLogTest::formatted).toList();
    }

    @Test
    void aRefusedRequestOnAnInvitationLinkLogsThePathWithoutItsSecret() {
        RestAssured.given().contentType("application/json").body("{}").post("/invitations/" + SECRET + "/signup")
                .then().statusCode(415);
        RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("username", "a\0b")
                .post("/invitations/" + SECRET + "/signup").then().statusCode(422);
        List<String> lines = lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.contains("/invitations/[redacted]/signup")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(SECRET)), lines.toString());
    }

    @Test
    void linkSecretsAreReplacedInEveryLoggedPathAndNothingElseIs() {
        assertEquals("/invitations/[redacted]", LoggedPath.of("/invitations/" + SECRET));
        assertEquals("/invitations/[redacted]/accept", LoggedPath.of("/invitations/" + SECRET + "/accept"));
        assertEquals("/preview/[redacted]/pages/2", LoggedPath.of("/preview/" + SECRET + "/pages/2"));
        assertEquals("//Preview/[redacted]", LoggedPath.of("//Preview/" + SECRET));
        assertEquals("/projects/p/previews/42", LoggedPath.of("/projects/p/previews/42"));
        assertEquals("/api/v1/projects/p/previews", LoggedPath.of("/api/v1/projects/p/previews"));
        assertEquals("/invitations", LoggedPath.of("/invitations"));
        assertEquals("/login\\x0a", LoggedPath.of("/login\n"));
    }
}
