package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.account.SessionCookie;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LiveUpdatesTest {

    @Inject
    TestData data;

    @Inject
    LiveUpdates live;

    @TestHTTPResource("/events")
    URL events;

    /** Opens the stream and returns the event names it receives until {@code stopAt} arrives. */
    private CompletableFuture<List<String>> listen(Account a, String query, String stopAt, CompletableFuture<Void> ready) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(events + query))
                .header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(a))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, resp.statusCode());
        return CompletableFuture.supplyAsync(() -> {
            List<String> names = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        String name = line.substring(6).trim();
                        names.add(name);
                        if (name.equals("ready")) {
                            ready.complete(null);
                        }
                        if (name.equals(stopAt)) {
                            return names;
                        }
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            return names;
        });
    }

    @Test
    void eventsForMeAndMyProjectArriveAfterCommitOthersDoNot() throws Exception {
        Account me = data.account("live");
        Account other = data.account("other");
        Project mine = data.project(me);
        Project notMine = data.project(other);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<List<String>> received = listen(me, "?project=" + mine.slug, "stop", ready);
        ready.get(10, TimeUnit.SECONDS);
        // Published through PostgreSQL NOTIFY, so this is the same path as from another app instance.
        QuarkusTransaction.requiringNew().run(() -> {
            live.publish(LiveEvent.forAccount("job", other.id));
            live.publish(LiveEvent.forProject("sync", notMine.id));
            live.publish(LiveEvent.forAccount("notification", me.id));
            live.publish(LiveEvent.forProject("board", mine.id));
            live.publish(LiveEvent.forAccount("stop", me.id));
        });
        List<String> names = received.get(15, TimeUnit.SECONDS);
        assertEquals(List.of("ready", "notification", "board", "stop"), names);
    }

    @Test
    void openStreamsHoldNoDatabaseConnection() throws Exception {
        Account me = data.account("tabs");
        Project mine = data.project(me);
        HttpClient client = HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>>> open = new ArrayList<>();
        // More streams than the connection pool has connections (quarkus.datasource.jdbc.max-size=40).
        for (int i = 0; i < 45; i++) {
            open.add(client.sendAsync(HttpRequest.newBuilder(URI.create(events + "?project=" + mine.slug))
                    .header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(me)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        for (var f : open) {
            assertEquals(200, f.get(20, TimeUnit.SECONDS).statusCode());
        }
        // Every stream is still open, and the database is still there for everyone else.
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(events.toString().replace("/events", "/projects/" + mine.slug)))
                .header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(me)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        for (var f : open) {
            f.get().body().close();
        }
    }

    @Test
    void nonMemberCannotSubscribeToAProject() throws Exception {
        Account me = data.account("peek");
        Project theirs = data.project(data.account("owner"));
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(events + "?project=" + theirs.slug))
                        .header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(me)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(LiveEvent.decode("bad payload") == null);
    }
}
