package dev.specboard.notification;

import dev.specboard.account.Account;
import dev.specboard.account.SessionCache;
import dev.specboard.account.SessionCookie;
import dev.specboard.project.Project;
import dev.specboard.support.LogCapture;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that leaves a page while its live-event stream is open (a tab closed, a quick click to the next page) is no
 * failure: whenever the connection goes (before an event, while one is written, with or without a word), the server
 * logs nothing at WARN or above and gives back the stream's subscriptions to the bus.
 */
@QuarkusTest
class LiveStreamClientGoneTest {

    @Inject
    TestData data;

    @Inject
    LiveUpdates live;

    @TestHTTPResource("/events")
    URL events;

    /** Opens the page's stream on a socket of its own and reads until its {@code ready} event has arrived. */
    private Socket open(String cookie, Project project) throws Exception {
        Socket s = new Socket(events.getHost(), events.getPort());
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET " + events.getPath() + "?project=" + project.slug + " HTTP/1.1\r\nHost: " + events.getHost() + "\r\n"
                + "Accept: text/event-stream\r\nCookie: " + SessionCookie.NAME + "=" + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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

    /** What the page hears about: a notification, a board change, and a login event (its access is checked again and a keep-alive written). */
    private void publish(Account me, Project project) {
        QuarkusTransaction.requiringNew().run(() -> {
            live.publish(LiveEvent.forAccount("notification", me.id));
            live.publish(LiveEvent.forProject("board", project.id));
            live.publish(LiveEvent.forAccount(SessionCache.EVENT, me.id));
        });
    }

    @Test
    void aClientThatGoesAwayAtAnyMomentLeavesNoWarningAndNoSubscription() throws Exception {
        Account me = data.account("leaver");
        Project project = data.project(me);
        String cookie = Web.sessionCookie(me);
        // Settle what was subscribed before (the instance's own listeners), so the count below is only this test's.
        int before = live.subscribers();
        try (LogCapture logs = LogCapture.everything()) {
            for (int round = 0; round < 20; round++) {
                List<Socket> sockets = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    sockets.add(open(cookie, project));
                }
                // Half go without a word (a reset), half close properly; some while events are being written to them.
                CompletableFuture<Void> meanwhile = round % 2 == 0 ? CompletableFuture.runAsync(() -> publish(me, project))
                        : CompletableFuture.completedFuture(null);
                for (int i = 0; i < sockets.size(); i++) {
                    if (i % 2 == 0) {
                        sockets.get(i).setSoLinger(true, 0);
                    }
                    sockets.get(i).close();
                }
                meanwhile.join();
                publish(me, project);
                publish(me, project);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (live.subscribers() != before && System.currentTimeMillis() < deadline) {
                publish(me, project); // a stream that missed its connection's close ends at its next write
                Thread.sleep(200);
            }
            assertEquals(before, live.subscribers(), "every closed stream gave its subscriptions back");
            Thread.sleep(1_000); // a write failing late would log now
            Filter console = consoleFilter(LogContext.getLogContext().getLogger("").getHandlers())
                    .orElseThrow(() -> new AssertionError("no console handler"));
            List<String> warnings = logs.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(console::isLoggable).map(LiveStreamClientGoneTest::describe).toList();
            assertEquals(List.of(), warnings, "nothing on the console at WARN or above");
        }
    }

    /**
     * The console's filter, which leaves out the library's ERROR for an event written in the very moment its connection
     * closed (a closed channel: see SseClientGoneLogTest), a race no code of ours can close.
     */
    private static Optional<Filter> consoleFilter(Handler[] handlers) {
        return Arrays.stream(handlers).flatMap(h -> h instanceof ConsoleHandler c ? Optional.ofNullable(c.getFilter()).stream()
                : h instanceof ExtHandler ext ? consoleFilter(ext.getHandlers()).stream() : Optional.<Filter>empty().stream())
                .findFirst();
    }

    private static String describe(LogRecord r) {
        StringBuilder s = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            s.append("\n  caused by ").append(t);
            for (int i = 0; i < Math.min(12, t.getStackTrace().length); i++) {
                s.append("\n    at ").append(t.getStackTrace()[i]);
            }
        }
        return s.toString();
    }
}
