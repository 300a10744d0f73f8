package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import dev.specboard.story.Story;
import dev.specboard.support.LogCapture;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body streamed with {@code Transfer-Encoding: chunked} (no Content-Length) over the 20 MB limit gets the same 413 as a
 * declared one: the JSON error naming the limit for the API, the error page for a form. It was read whole: a JSON body
 * got Jackson's 400 for a too long string, a form of many fields within the field limit was read to its end.
 */
@QuarkusTest
class ChunkedBodyTooLargeTest {

    private static final long TWENTY_ONE_MB = 21L * 1024 * 1024;

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aStreamedApiBodyOverTheLimitGetsTheJsonErrorNamingIt() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "test", null, null).value();
        long before = stories(t);
        LogCapture logs = LogCapture.everything();
        RawHttp.Streamed streamed = RawHttp.sendChunked("POST /api/v1/projects/" + t.slug() + "/stories HTTP/1.1\r\n"
                        + "Content-Type: application/json\r\nAuthorization: Bearer " + token,
                bytes("{\"title\":\"Big\",\"description\":\""), letters(), bytes("\"}"), TWENTY_ONE_MB);
        RawHttp.Answer api = streamed.answer();
        assertEquals(413, api.status(), api.body());
        assertTrue(api.header("content-type").startsWith("application/json"), api.header("content-type"));
        assertTrue(api.body().startsWith("{\"error\":\"The request body is too large: at most 20 MB"), api.body());
        assertTrue(api.body().contains("\"details\":{\"body\":\"at most 20971520 bytes\"}"), api.body());
        assertEquals(before, stories(t));
        assertOnlyTheRefusalLogged(logs);
    }

    @Test
    void aStreamedFormBodyOverTheLimitGetsTheErrorPageWithThePolicy() {
        TestData.Team t = data.team();
        String session = Web.sessionCookie(t.owner());
        long before = stories(t);
        LogCapture logs = LogCapture.everything();
        RawHttp.Streamed streamed = RawHttp.sendChunked("POST /projects/" + t.slug() + "/stories HTTP/1.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nCookie: " + SessionCookie.NAME + "=" + session
                        + "\r\n" + CsrfTokens.HEADER + ": " + Web.csrfToken(session),
                bytes("title=Big&description=Big"), bytes("&pad=" + new String(letters(), StandardCharsets.US_ASCII)),
                new byte[0], TWENTY_ONE_MB);
        RawHttp.Answer page = streamed.answer();
        assertEquals(413, page.status(), page.body());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertEquals(SecurityHeaders.POLICY, page.header("content-security-policy"));
        assertTrue(page.body().contains("The request body is too large: at most 20 MB"), page.body());
        assertTrue(page.body().contains("Too large"), page.body());
        assertEquals(before, stories(t));
        assertOnlyTheRefusalLogged(logs);
    }

    /** An upload's route takes less than the server's limit: it refuses the body once it passes its own largest (6 MB). */
    @Test
    void aStreamedUploadOverTheLimitGetsTheJsonErrorNamingIt() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "test", null, null).value();
        LogCapture logs = LogCapture.everything();
        RawHttp.Answer api = RawHttp.sendChunked("POST /api/v1/projects/" + t.slug() + "/context-items HTTP/1.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nAuthorization: Bearer " + token,
                bytes("--b\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\nfile\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n"),
                letters(), bytes("\r\n--b--\r\n"), TWENTY_ONE_MB).answer();
        assertEquals(413, api.status(), api.body());
        assertTrue(api.body().startsWith("{\"error\":\"The upload is larger than 6.0 MB; files may be at most 5.0 MB"), api.body());
        assertOnlyTheRefusalLogged(logs);
    }

    @Test
    void aStreamedBodyWithinTheLimitIsServedAsBefore() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "test", null, null).value();
        String head = "POST /api/v1/projects/" + t.slug() + "/stories HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token;
        RawHttp.Answer small = RawHttp.sendChunked(head, bytes("{\"title\":\"Streamed\",\"description\":\""), letters(), bytes("\"}"), 1000).answer();
        assertEquals(201, small.status(), small.body());
        // A megabyte: over what RESTEasy buffers before it streams the rest, far under the limit; the field's own rule answers.
        RawHttp.Answer large = RawHttp.sendChunked(head, bytes("{\"title\":\"Streamed\",\"description\":\""), letters(), bytes("\"}"),
                1024 * 1024).answer();
        assertEquals(422, large.status(), large.body());
        assertTrue(large.body().contains("description"), large.body());
    }

    /**
     * The reader that was cut off fails after the 413 is out; that failure was logged as an ERROR with a stack trace
     * ("Response has already been written"), or as a reader's WARN. The refusal is logged once, by the guard, and nothing
     * else at WARN or above. The reader's failure comes a moment after the answer, so the log is read after a pause.
     */
    private static void assertOnlyTheRefusalLogged(LogCapture logs) {
        try (logs) {
            Thread.sleep(2000);
            List<String> warnings = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(ChunkedBodyTooLargeTest::describe).toList();
            assertEquals(1, warnings.size(), String.join("\n", warnings));
            assertTrue(warnings.get(0).startsWith(InputGuard.class.getName() + ": Refused POST"), warnings.get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(LogRecord r) {
        StringBuilder s = new StringBuilder(r.getLoggerName() + ": " + r.getMessage());
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            s.append("\n  caused by ").append(t);
            for (int i = 0; i < Math.min(15, t.getStackTrace().length); i++) {
                s.append("\n    at ").append(t.getStackTrace()[i]);
            }
        }
        return s.toString();
    }

    private static long stories(TestData.Team t) {
        return Story.count("projectId", t.project().id);
    }

    /** 64 KiB of letters: a chunk of a long text, or (after a field name) a form field well within the field limit. */
    private static byte[] letters() {
        return "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
