package dev.specboard.web;

import dev.specboard.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body over the 20 MB limit is 413 with our answer naming the limit: the JSON error for the API, the error page with the
 * content security policy for a form post. It was Quarkus's bare 413 with no body.
 */
@QuarkusTest
class BodyTooLargeTest {

    private static final long THIRTY_MB = 30L * 1024 * 1024;

    @Test
    void anApiBodyOverTheLimitGetsTheJsonErrorNamingIt() {
        RawHttp.Answer api = RawHttp.send("POST /api/v1/projects/p1/pages/00000000-0000-0000-0000-000000000001/mockups HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer nope\r\nContent-Length: " + THIRTY_MB, (String) null);
        assertEquals(413, api.status(), api.body());
        assertTrue(api.header("content-type").startsWith("application/json"), api.header("content-type"));
        assertTrue(api.body().startsWith("{\"error\":\"The request body is too large: at most 20 MB"), api.body());
        assertTrue(api.body().contains("\"details\":{\"body\":\"at most 20971520 bytes\"}"), api.body());
    }

    @Test
    void aFormBodyOverTheLimitGetsTheErrorPageWithThePolicy() {
        RawHttp.Answer page = RawHttp.send("POST /projects/p1/pages/00000000-0000-0000-0000-000000000001/mockups HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + THIRTY_MB, (String) null);
        assertEquals(413, page.status(), page.body());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertEquals(SecurityHeaders.POLICY, page.header("content-security-policy"));
        assertTrue(page.body().contains("The request body is too large: at most 20 MB"), page.body());
        assertTrue(page.body().contains("Too large"), page.body());
    }

    @Test
    void aBodyWithinTheLimitIsServedAsBefore() {
        RawHttp.Answer api = RawHttp.send("POST /api/v1/projects/p1/pages/00000000-0000-0000-0000-000000000001/mockups HTTP/1.1\r\n"
                + "Content-Type: application/json", "{\"html\":\"<p>x</p>\"}");
        assertEquals(401, api.status(), api.body());
    }
}
