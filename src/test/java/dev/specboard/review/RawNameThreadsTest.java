package dev.specboard.review;

import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Threads on files whose names are no UTF-8 (git keeps names as bytes; the manifest writes such a byte as git quotes it,
 * {@code caf\351.txt}) follow the file's changes and its rename on the next sync, like threads on any other file.
 */
@QuarkusTest
class RawNameThreadsTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Test
    void aThreadOnALatin1NamedFileMovesWithItsLinesAndFollowsItsRename() {
        try (GitFixture git = GitFixture.create()) {
            Map<byte[], String> first = new LinkedHashMap<>();
            first.put(latin1("src/caf\u00e9.txt"), GitFixture.lines(20));
            first.put(latin1("src/ol\u00e9.txt"), GitFixture.lines(8));
            git.commitRawNames("first", first);
            TestData.Team team = data.team();
            Repo repo = support.add(team.project(), team.owner(), "app", git.url());
            RepoSync synced = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, synced.status, synced.errorMessage);
            String base = "/projects/" + team.slug() + "/repos/app";
            UUID edited = open(team, base, "src/caf\\351.txt", 10, 12);
            UUID renamed = open(team, base, "src/ol\\351.txt", 3, 4);

            Map<byte[], String> second = new LinkedHashMap<>();
            second.put(latin1("src/caf\u00e9.txt"), "// header 1\n// header 2\n// header 3\n" + GitFixture.lines(20));
            second.put(latin1("src/n\u00e9w.txt"), GitFixture.lines(8));
            git.commitRawNames("second", second);
            RepoSync sync = support.sync(repo);
            assertEquals(2, sync.manifestVersion, sync.errorMessage);

            CommentThread m = thread(edited);
            assertEquals(ThreadState.OPEN, m.state);
            assertEquals("src/caf\\351.txt", m.filePath);
            assertEquals(13, m.lineStart, "three lines came above the thread's lines");
            assertEquals(15, m.lineEnd);
            CommentThread r = thread(renamed);
            assertEquals(ThreadState.OPEN, r.state, "the file was renamed, not deleted");
            assertEquals("src/n\\351w.txt", r.filePath);
            assertEquals(3, r.lineStart);
        }
    }

    private static UUID open(TestData.Team team, String base, String path, int start, int end) {
        String html = Web.htmx(Web.as(team.as(Role.REVIEWER))).contentType("application/x-www-form-urlencoded")
                .formParam("path", path).formParam("lineStart", String.valueOf(start)).formParam("lineEnd", String.valueOf(end))
                .formParam("body", "on " + path).post(base + "/threads").then().statusCode(200).extract().asString();
        return UUID.fromString(org.jsoup.Jsoup.parse(html).selectFirst("article.thread").id().substring("thread-".length()));
    }

    private static byte[] latin1(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static CommentThread thread(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> CommentThread.<CommentThread>findById(id));
    }
}
