package dev.specboard.review;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file page joins its code rows, kept rendered and deflated per blob (CodeRows), into its answer as bytes: the
 * gzipped answer is the same page as the plain one, and everything that changes (threads, their state, a new sync)
 * shows at once, since only the rows of a blob, which never changes, are kept.
 */
@QuarkusTest
class FilePageBytesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    EntityManager em;

    /** Browsers speak HTTP/1.1 to a server without TLS; this client would ask for HTTP/2 (h2c) otherwise. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final HttpClient HTTP2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    private record Synced(TestData.Team team, Repo repo, String base) {
    }

    private Synced synced(GitFixture git) {
        TestData.Team team = data.team();
        Repo repo = support.add(team.project(), team.owner(), "app", git.url());
        RepoSync s = support.awaitLatest(repo);
        assertEquals(SyncStatus.SUCCESS, s.status, s.errorMessage);
        return new Synced(team, repo, "/projects/" + team.slug() + "/repos/app");
    }

    /** The raw answer (not decoded by the client), and its body as text, gunzipped when it came gzipped. */
    private record Raw(HttpResponse<byte[]> response, String html) {
    }

    private static Raw get(String cookie, String path, String acceptEncoding) throws IOException, InterruptedException {
        return get(HTTP, cookie, path, acceptEncoding);
    }

    private static Raw get(HttpClient client, String cookie, String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Cookie", "sb_session=" + cookie);
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        byte[] body = r.body();
        if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Raw(r, new String(body, StandardCharsets.UTF_8));
    }

    private static Response openThread(Synced s, int start, int end, String body) {
        return Web.htmx(Web.as(s.team().reviewer())).contentType("application/x-www-form-urlencoded")
                .formParam("path", "src/App.java").formParam("lineStart", String.valueOf(start)).formParam("lineEnd", String.valueOf(end))
                .formParam("body", body).post(s.base() + "/threads");
    }

    private static UUID threadId(Response r) {
        return UUID.fromString(Web.html(r).selectFirst("article.thread").id().substring("thread-".length()));
    }

    @Test
    void gzippedAndPlainAnswersAreTheSamePageWithEveryLineAndTheThreadsAtTheirLines() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(40).replace("line 7", "line 7 <b>&amp; é ✓"));
            Synced s = synced(git);
            openThread(s, 5, 5, "At five").then().statusCode(200);
            openThread(s, 11, 12, "At twelve").then().statusCode(200);
            String cookie = Web.sessionCookie(s.team().viewer());
            String path = s.base() + "/blob/src/App.java";

            Raw gzipped = get(cookie, path, "gzip, deflate, br");
            assertEquals("gzip", gzipped.response().headers().firstValue("Content-Encoding").orElse(null));
            assertTrue(gzipped.response().headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
            Raw plain = get(cookie, path, null);
            assertNull(plain.response().headers().firstValue("Content-Encoding").orElse(null));
            assertEquals(plain.html(), gzipped.html());
            assertEquals(plain.html(), get(cookie, path, "gzip;q=0, identity").html());
            // Over HTTP/2 (h2c here) the server compresses the page itself, once.
            Raw http2 = get(HTTP2, cookie, path, "gzip");
            assertEquals(HttpClient.Version.HTTP_2, http2.response().version());
            assertEquals(plain.html(), http2.html());

            Document d = Jsoup.parse(gzipped.html());
            assertEquals(40, d.select("#code tr[id^=L]").size());
            assertEquals("#L40", d.getElementById("L40").selectFirst("td:first-child > a").attr("href"));
            assertEquals("line 7 <b>&amp; é ✓", d.getElementById("L7").selectFirst("td + td").wholeText());
            assertTrue(d.getElementById("L5").nextElementSibling().text().contains("At five"));
            assertTrue(d.getElementById("L12").nextElementSibling().text().contains("At twelve"));
            assertEquals("L6", d.getElementById("L5").nextElementSibling().nextElementSibling().id());
            // The page after the rows (the layout's end) is there too.
            assertNotNull(d.selectFirst("footer, body > script, #flash"), "the layout's end");
            assertTrue(gzipped.html().endsWith("</html>\n") || gzipped.html().trim().endsWith("</html>"));
        }
    }

    @Test
    void aNewThreadAResolvedOneAndAnEditInSqlShowAtOnceOnAPageWhoseRowsAreKept() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(30));
            Synced s = synced(git);
            String cookie = Web.sessionCookie(s.team().viewer());
            String path = s.base() + "/blob/src/App.java";
            get(cookie, path, "gzip"); // the rows are kept from now on

            UUID id = threadId(openThread(s, 20, 20, "Fresh remark"));
            Document d = Jsoup.parse(get(cookie, path, "gzip").html());
            assertEquals("thread-" + id, d.getElementById("L20").nextElementSibling().selectFirst("article.thread").id());

            Web.htmx(Web.as(s.team().member())).contentType("application/x-www-form-urlencoded")
                    .post("/projects/" + s.team().slug() + "/threads/" + id + "/resolve").then().statusCode(200);
            d = Jsoup.parse(get(cookie, path, "gzip").html());
            assertEquals("L21", d.getElementById("L20").nextElementSibling().id(), "a resolved thread leaves its line");
            assertNotNull(d.getElementById("file-level-threads").selectFirst("#thread-" + id));

            // Another instance (or anything else) reopens it straight in the database.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE comment_threads SET state = 'open' WHERE id = ?1")
                    .setParameter(1, id).executeUpdate());
            d = Jsoup.parse(get(cookie, path, "gzip").html());
            assertEquals("thread-" + id, d.getElementById("L20").nextElementSibling().selectFirst("article.thread").id());
        }
    }

    @Test
    void aNewSyncShowsTheNewLinesAtOnce() throws Exception {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(10));
            Synced s = synced(git);
            String cookie = Web.sessionCookie(s.team().viewer());
            String path = s.base() + "/blob/src/App.java";
            assertEquals("line 3", Jsoup.parse(get(cookie, path, "gzip").html()).getElementById("L3").selectFirst("td + td").text());

            git.commit("second", "src/App.java", GitFixture.lines(12).replace("line 3", "line three"));
            RepoSync second = support.sync(s.repo());
            assertEquals(SyncStatus.SUCCESS, second.status, second.errorMessage);
            Document d = Jsoup.parse(get(cookie, path, "gzip").html());
            assertEquals("line three", d.getElementById("L3").selectFirst("td + td").text());
            assertEquals(12, d.select("#code tr[id^=L]").size());
            // The version before stays readable by its number, and says it is not the latest.
            Document first = Jsoup.parse(get(cookie, path + "?v=1", "gzip").html());
            assertEquals("line 3", first.getElementById("L3").selectFirst("td + td").text());
            assertEquals(10, first.select("#code tr[id^=L]").size());
            assertTrue(first.getElementById("file-meta").text().contains("older version"));
            Web.as(s.team().viewer()).get(s.base().replace("/repos/app", "/repos/nope") + "/blob/src/App.java").then().statusCode(404);
        }
    }
}
