package dev.specboard.notification;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One account holds at most {@code specboard.live.max-streams-per-account} live-event streams open at once, across its
 * tokens: one viewer token held 3,000 open (some 440 MB). Past the cap a new stream is 429 with Retry-After and the API's
 * JSON error saying what to do; another account is not held back, and a stream closed gives its place back.
 */
@QuarkusTest
class LiveStreamCapTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    LiveStreamSlots slots;

    @ConfigProperty(name = "specboard.live.max-streams-per-account")
    int maxStreams;

    @TestHTTPResource("/")
    URL root;

    /** Opens the project's API event stream on a socket of its own and reads until its {@code ready} event has arrived. */
    private Socket open(String token, String slug) throws Exception {
        Socket s = new Socket(root.getHost(), root.getPort());
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/v1/projects/" + slug + "/events HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder read = new StringBuilder();
        byte[] buf = new byte[1024];
        while (!read.toString().contains("event:ready") && !read.toString().contains("event: ready")) {
            int n = in.read(buf);
            assertTrue(n > 0, "the stream ended before its ready event: " + read);
            read.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        assertTrue(read.toString().startsWith("HTTP/1.1 200"), read.toString());
        return s;
    }

    private static Response events(String token, String slug) {
        return RestAssured.given().header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .get("/api/v1/projects/" + slug + "/events");
    }

    @Test
    void anAccountPastItsCapOfOpenStreamsIsToldToCloseOneAndAClosedOneFreesItsPlace() throws Exception {
        TestData.Team t = data.team();
        String viewer = tokens.create(t.viewer().id, "reader", null, null).value();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < maxStreams; i++) {
                sockets.add(open(viewer, t.slug()));
            }
            Response refused = events(viewer, t.slug());
            assertEquals(429, refused.statusCode(), refused.asString());
            assertEquals("25", refused.getHeader("Retry-After"));
            assertEquals("Too many open event streams for this account: at most " + maxStreams
                    + " at once. Close one you no longer read, then open this one again.", refused.path("error"));
            // The cap is the account's, whichever of its tokens asks; another account's streams open as before.
            String another = tokens.create(t.viewer().id, "second", null, null).value();
            assertEquals(429, events(another, t.slug()).statusCode());
            String member = tokens.create(t.member().id, "member", null, null).value();
            open(member, t.slug()).close();

            sockets.remove(0).close();
            long deadline = System.currentTimeMillis() + 30_000;
            while (slots.open(t.viewer().id) >= maxStreams && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            sockets.add(open(another, t.slug()));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (slots.open(t.viewer().id) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, slots.open(t.viewer().id), "every closed stream gave its place back");
    }
}
