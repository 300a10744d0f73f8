package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole thinking chain (the API without a page) is read by a bounded number of readers at once
 * ({@code specboard.thinking.whole-reads-at-once}, one here, with no wait for a turn): a reader that does not read its
 * answer holds its turn, the next is answered 503 busy with {@code Retry-After}, and reads once the first has ended. A
 * database lost while an answer goes out cuts it (the connection closed before its end), never a shorter valid array.
 */
@QuarkusTest
@TestProfile(ThinkingWholeReadsTest.OneAtOnce.class)
class ThinkingWholeReadsTest {

    public static class OneAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.thinking.whole-reads-at-once", "1", "specboard.thinking.whole-read-wait-seconds", "0");
        }
    }

    /** Thoughts of ~3 KB each: the whole chain is megabytes, far more than a connection's buffers hold for a reader. */
    private static final int THOUGHTS = 2_000;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aReaderHoldsItsTurnTheNextIsBusyAndALostDatabaseCutsTheAnswer() throws Exception {
        TestData.Team t = data.team();
        seed(t);
        String path = ApiPaths.project(t.slug(), "/thinking");
        String token = fx.token(t.viewer());

        // A reader that takes the answer's head and reads no more: the server holds its turn while the rest waits to go out.
        try (Socket stalled = stalled(path, token)) {
            busy(path, token);

            // The database lost meanwhile (and the chain's table gone, should a fresh connection be taken): the next batch
            // fails once the reader reads on, and the answer is cut.
            String raw;
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                terminateOtherConnections(c);
                c.createStatement().execute("set lock_timeout = '30s'");
                c.createStatement().execute("alter table ai_thinking_chain rename to ai_thinking_chain_away");
                try {
                    raw = readToEnd(stalled);
                } finally {
                    c.createStatement().execute("alter table ai_thinking_chain_away rename to ai_thinking_chain");
                }
            }
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw.substring(0, Math.min(200, raw.length())));
            assertTrue(raw.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), raw.substring(0, 400));
            String body = dechunked(raw);
            assertTrue(body.startsWith("[{\"id\":"), body.substring(0, Math.min(200, body.length())));
            assertFalse(body.stripTrailing().endsWith("]"), "never a shorter valid array");
        }
        // Its turn given back (and the database reached again), the next reader reads the whole chain.
        assertEquals(THOUGHTS, whole(path, token));

        // A reader that goes away gives its turn back too.
        Socket gone = stalled(path, token);
        busy(path, token);
        gone.close();
        assertEquals(THOUGHTS, whole(path, token));
    }

    private static void busy(String path, String token) {
        Response busy = get(path, token);
        assertEquals(503, busy.statusCode(), busy.asString());
        assertEquals("5", busy.header("Retry-After"));
    }

    /** The whole chain's length once a read gets a turn: tried again (as its Retry-After asks) while it is busy. */
    private static int whole(String path, String token) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Response r = get(path, token);
            if (r.statusCode() == 200) {
                return r.jsonPath().getList("id").size();
            }
            assertEquals(503, r.statusCode(), r.asString());
            Thread.sleep(100);
        }
        throw new AssertionError("no turn came in 600 tries");
    }

    private static Response get(String path, String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).accept("application/json").get(path);
    }

    /**
     * A connection that asked for the whole chain and got its answer's first bytes, then reads nothing more; asked again
     * while the server answers busy (a database connection ended before is found dead once, then replaced).
     */
    private static Socket stalled(String path, String token) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(4096);
            s.setSoTimeout(120_000);
            s.connect(new InetSocketAddress("localhost", RestAssured.port));
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Bearer "
                    + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            if (status.equals("HTTP/1.1 200")) {
                return s;
            }
            s.close();
            assertEquals("HTTP/1.1 503", status);
            Thread.sleep(100);
        }
        throw new AssertionError("no turn came in 600 tries");
    }

    /** What is left of the answer, up to the connection's end (or reset). */
    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[65536];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A connection reset ends the answer as a close does.
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The body of a chunked answer, as far as it came. */
    private static String dechunked(String raw) {
        StringBuilder body = new StringBuilder();
        int at = raw.indexOf("\r\n\r\n") + 4;
        while (at > 3 && at < raw.length()) {
            int line = raw.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(raw.substring(at, line).trim(), 16);
            int from = line + 2;
            body.append(raw, from, Math.min(raw.length(), from + size));
            if (size == 0) {
                break;
            }
            at = from + size + 2;
        }
        return body.toString();
    }

    /** Ends every other connection to the database, the server's pooled ones among them, as a database restart would. */
    private static void terminateOtherConnections(Connection c) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            assertTrue(r.next());
            assertTrue(r.getLong(1) > 0, "no connection of the server's to end");
        }
    }

    private static void seed(TestData.Team t) {
        String reasoning = "A long line of reasoning. ".repeat(120);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < THOUGHTS; i++) {
                Thought th = new Thought();
                th.projectId = t.project().id;
                th.thoughtType = "observation";
                th.reasoning = reasoning + i;
                th.subjectKey = "observation:whole-%05d".formatted(i);
                th.persist();
            }
        });
    }
}
