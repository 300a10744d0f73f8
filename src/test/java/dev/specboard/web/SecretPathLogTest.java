package dev.specboard.web;

import dev.specboard.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        assertEquals("/password-reset/[redacted]", LoggedPath.of("/password-reset/" + SECRET));
        assertEquals("see /password-reset/[redacted]", LoggedPath.text("see /password-reset/" + SECRET));
        assertEquals("//Preview/[redacted]", LoggedPath.of("//Preview/" + SECRET));
        assertEquals("/projects/p/previews/42", LoggedPath.of("/projects/p/previews/42"));
        assertEquals("/api/v1/projects/p/previews", LoggedPath.of("/api/v1/projects/p/previews"));
        assertEquals("/invitations", LoggedPath.of("/invitations"));
        assertEquals("/login\\x0a", LoggedPath.of("/login\n"));
    }

    /** A refusal whose reason quotes a link (a framework's message naming the URL) logs it without the link's secret. */
    @Test
    void aRefusalWhoseReasonQuotesALinkLogsItWithoutTheSecret() {
        InputGuard.refused("GET", "/projects/p", "Could not read http://localhost:8081/preview/" + SECRET + "?page=2 nor /invitations/" + SECRET + "/accept");
        List<String> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.get(0).contains(SECRET), lines.get(0));
        assertTrue(lines.get(0).contains("/preview/[redacted]?page=2") && lines.get(0).contains("/invitations/[redacted]/accept"), lines.get(0));
    }

    /** An exception logged with its stack trace (the error mapper's 500) carries no link secret in any message of its chain. */
    @Test
    void anExceptionChainIsLoggedWithoutLinkSecrets() {
        IllegalStateException cause = new IllegalStateException("No resource for http://localhost/Preview/" + SECRET + "/pages/1");
        RuntimeException e = new RuntimeException("Failed on /invitations/" + SECRET, cause);
        Throwable logged = LoggedPath.thrown(e);
        java.io.StringWriter trace = new java.io.StringWriter();
        logged.printStackTrace(new java.io.PrintWriter(trace));
        assertFalse(trace.toString().contains(SECRET), trace.toString());
        assertTrue(trace.toString().contains("java.lang.RuntimeException: Failed on /invitations/[redacted]"), trace.toString());
        assertTrue(trace.toString().contains("java.lang.IllegalStateException: No resource for http://localhost/Preview/[redacted]/pages/1"), trace.toString());
        assertEquals(e.getStackTrace()[0], logged.getStackTrace()[0], "the same stack trace");
        RuntimeException plain = new RuntimeException("Failed on /projects/p/previews/42");
        assertTrue(LoggedPath.thrown(plain) == plain, "an exception without a secret is logged as it is");
        assertEquals("/api/v1/projects/p/previews/42 and previews/7", LoggedPath.text("/api/v1/projects/p/previews/42 and previews/7"));
    }

    /**
     * A failure the framework logs before our code runs (Quarkus' error handler quotes the raw URI as a printf parameter,
     * its exception may quote it too) reaches the console without the link's secret: the console's configured filter
     * rewrites the record, and its formatter prints no secret.
     */
    @Test
    void aFrameworkFailureLineOnTheConsoleCarriesNoLinkSecret() {
        ConsoleHandler console = consoleHandler(LogContext.getLogContext().getLogger("").getHandlers())
                .orElseThrow(() -> new AssertionError("no console handler"));
        assertNotNull(console.getFilter(), "the configured console filter");
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, "HTTP Request to %s failed, error id: %s", ExtLogRecord.FormatStyle.PRINTF,
                getClass().getName());
        r.setLoggerName("io.quarkus.vertx.http.runtime.QuarkusErrorHandler");
        r.setParameters(new Object[] {"/preview/" + SECRET + "/pages/1?x=1", "e-42"});
        r.setThrown(new IllegalStateException("No route for /invitations/" + SECRET, new RuntimeException("preview/" + SECRET)));
        assertTrue(console.getFilter().isLoggable(r));
        String line = console.getFormatter().format(r);
        assertFalse(line.contains(SECRET), line);
        assertTrue(line.contains("HTTP Request to /preview/[redacted]/pages/1?x=1 failed, error id: e-42"), line);
        assertTrue(line.contains("java.lang.IllegalStateException: No route for /invitations/[redacted]"), line);

        ExtLogRecord plain = new ExtLogRecord(Level.WARNING, "Request on {0} took {1} ms", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                getClass().getName());
        plain.setLoggerName("io.vertx.core.impl.ContextImpl");
        plain.setParameters(new Object[] {"http://localhost/invitations/" + SECRET, 12});
        assertTrue(console.getFilter().isLoggable(plain));
        String other = console.getFormatter().format(plain);
        assertTrue(other.contains("Request on http://localhost/invitations/[redacted] took 12 ms"), other);
    }

    /** What is logged through a framework's logger is redacted for every handler after the console's. */
    @Test
    void aLineLoggedThroughTheFrameworksLoggerIsRedacted() {
        try (LogCapture all = LogCapture.everything()) {
            org.jboss.logging.Logger.getLogger("io.quarkus.vertx.http.runtime.QuarkusErrorHandler")
                    .errorf(new IllegalArgumentException("bad /Invitations/" + SECRET), "HTTP Request to %s failed, error id: %s",
                            "/preview/" + SECRET + "/x", "e-7");
            List<String> lines = all.lines().stream().filter(l -> l.contains("error id: e-7")).toList();
            assertEquals(1, lines.size(), all.lines().toString());
            assertFalse(lines.get(0).contains(SECRET), lines.get(0));
            assertTrue(lines.get(0).contains("/preview/[redacted]/x"), lines.get(0));
        }
    }

    /** The console handler among the root logger's handlers, inside the wrappers Quarkus puts around them. */
    private static Optional<ConsoleHandler> consoleHandler(Handler[] handlers) {
        return Arrays.stream(handlers).flatMap(h -> h instanceof ConsoleHandler c ? Optional.of(c).stream()
                : h instanceof ExtHandler ext ? consoleHandler(ext.getHandlers()).stream() : Optional.<ConsoleHandler>empty().stream())
                .findFirst();
    }
}
