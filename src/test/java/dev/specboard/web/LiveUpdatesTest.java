package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.account.ApiToken;
import dev.specboard.account.ApiTokenService;
import dev.specboard.account.SessionCookie;
import dev.specboard.account.SessionService;
import dev.specboard.project.Membership;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LiveUpdatesTest {

    // Every wait for a stream allows a minute: it ends as soon as the stream answers, and 10 to 20 s could run out on a
    // loaded CI machine.

    @Inject
    TestData data;

    @Inject
    LiveUpdates live;

    @TestHTTPResource("/events")
    URL events;

    @Inject
    SessionService sessions;

    @Inject
    ApiTokenService tokens;

    /** Opens the stream and returns the event names it receives until {@code stopAt} arrives. */
    private CompletableFuture<List<String>> listen(Account a, String query, String stopAt, CompletableFuture<Void> ready) throws Exception {
        return listen(HttpRequest.newBuilder(URI.create(events + query)).header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(a)),
                stopAt, ready);
    }

    /** Opens the stream and returns the event names it receives until {@code stopAt} arrives or the server ends it. */
    private CompletableFuture<List<String>> listen(HttpRequest.Builder request, String stopAt, CompletableFuture<Void> ready) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = request.header("Accept", "text/event-stream").build();
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
        ready.get(60, TimeUnit.SECONDS);
        // Published through PostgreSQL NOTIFY, so this is the same path as from another app instance.
        QuarkusTransaction.requiringNew().run(() -> {
            live.publish(LiveEvent.forAccount("job", other.id));
            live.publish(LiveEvent.forProject("sync", notMine.id));
            live.publish(LiveEvent.forAccount("notification", me.id));
            live.publish(LiveEvent.forProject("board", mine.id));
            live.publish(LiveEvent.forAccount("stop", me.id));
        });
        List<String> names = received.get(60, TimeUnit.SECONDS);
        assertEquals(List.of("ready", "notification", "board", "stop"), names);
    }

    @Test
    void aStreamEndsWhenItsLoginEnds() throws Exception {
        Account me = data.account("leaving");
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<List<String>> received = listen(me, "", "never", ready);
        ready.get(60, TimeUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> sessions.endAll(me.id)); // what "log out everywhere" does
        assertEquals(List.of("ready"), received.get(60, TimeUnit.SECONDS), "the server ended the stream");
    }

    @Test
    void aProjectStreamEndsWhenItsMemberIsRemovedAndAnAgentsWhenItsTokenIsRevoked() throws Exception {
        TestData.Team t = data.team();
        CompletableFuture<Void> memberReady = new CompletableFuture<>();
        CompletableFuture<List<String>> member = listen(t.member(), "?project=" + t.slug(), "never", memberReady);
        String token = QuarkusTransaction.requiringNew().call(() -> tokens.create(t.reviewer().id, "agent", null, null)).value();
        CompletableFuture<Void> agentReady = new CompletableFuture<>();
        CompletableFuture<List<String>> agent = listen(HttpRequest.newBuilder(
                URI.create(events.toString().replace("/events", "/api/v1/projects/" + t.slug() + "/events")))
                .header("Authorization", "Bearer " + token), "never", agentReady);
        CompletableFuture<Void> ownerReady = new CompletableFuture<>();
        CompletableFuture<List<String>> owner = listen(t.owner(), "?project=" + t.slug(), "stop", ownerReady);
        memberReady.get(60, TimeUnit.SECONDS);
        agentReady.get(60, TimeUnit.SECONDS);
        ownerReady.get(60, TimeUnit.SECONDS);

        UUID membership = QuarkusTransaction.requiringNew().call(() -> Membership.<Membership>find("project.id = ?1 and account.id = ?2",
                t.project().id, t.member().id).firstResult().id);
        Web.as(t.owner()).formParam("x", "").post("/projects/" + t.slug() + "/members/" + membership + "/remove").then().statusCode(303);
        assertEquals(List.of("ready"), member.get(60, TimeUnit.SECONDS), "the removed member's stream ended");

        UUID tokenId = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("account.id = ?1", t.reviewer().id).firstResult().id);
        QuarkusTransaction.requiringNew().run(() -> tokens.revoke(t.reviewer().id, tokenId));
        assertEquals(List.of("ready"), agent.get(60, TimeUnit.SECONDS), "the revoked token's stream ended");

        QuarkusTransaction.requiringNew().run(() -> live.publish(LiveEvent.forProject("stop", t.project().id)));
        assertEquals(List.of("ready", "stop"), owner.get(60, TimeUnit.SECONDS), "the owner's stream lives on");
    }

    @Test
    void openStreamsHoldNoDatabaseConnection() throws Exception {
        Account me = data.account("tabs");
        Project mine = data.project(me);
        HttpClient client = HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>>> open = new ArrayList<>();
        // More streams than the connection pool has connections (quarkus.datasource.jdbc.max-size=40), from three members:
        // one account holds at most specboard.live.max-streams-per-account (LiveStreamCapTest).
        List<Account> members = List.of(me, data.account("tabs"), data.account("tabs"));
        for (Account other : members.subList(1, 3)) {
            data.addMember(mine, other, dev.specboard.kernel.Role.VIEWER);
        }
        for (int i = 0; i < 45; i++) {
            open.add(client.sendAsync(HttpRequest.newBuilder(URI.create(events + "?project=" + mine.slug))
                    .header("Cookie", SessionCookie.NAME + "=" + Web.sessionCookie(members.get(i % 3))).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        for (var f : open) {
            assertEquals(200, f.get(60, TimeUnit.SECONDS).statusCode());
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
