package dev.specboard.repo;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.LeaseLapses;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sync holds at most {@code specboard.repos.max-files} files (a repository of 100,000 ran the server out of memory), and
 * a sync whose lease lapsed twice (its server stopped under it twice) fails instead of being claimed a third time.
 */
@QuarkusTest
class SyncFileCapTest {

    private static final String TOO_MANY = "This repository has more than 10 files; Specboard syncs at most 10. "
            + "Keep generated or vendored files out of the branch, or ask the server's administrator to raise "
            + "SPECBOARD_REPOS_MAX_FILES (and the memory with it).";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SyncWorker worker;

    @Inject
    GitMirror mirror;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @Test
    void aCommitOfMoreFilesThanTheCapFailsTheSyncSayingSoAndTheServerAnswersOn() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> files = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                files.put("src/F" + i + ".java", "class F" + i + " {\n}\n");
            }
            git.commit("eight files", files);
            Repo repo = support.add(t.project(), t.owner(), "many", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            Map<String, String> more = new HashMap<>();
            for (int i = 8; i < 14; i++) {
                more.put("docs/F" + i + ".md", "# " + i + "\n");
            }
            String commit = git.commit("fourteen files", more);
            AtomicInteger described = new AtomicInteger();
            GitMirror.Progress counting = new GitMirror.Progress() {
                @Override
                public void objects(int done, int total) {
                }

                @Override
                public void files(int done, int total) {
                    described.incrementAndGet();
                }
            };
            mirror.fetch(repo, GitMirror.Progress.NONE);
            TooManyFiles refused = assertThrows(TooManyFiles.class, () -> mirror.listFiles(repo, commit, Map.of(), 10, counting));
            assertEquals(TOO_MANY, refused.getMessage());
            assertEquals(0, described.get(), "the walk stops at the 11th file, before any file is described");
            assertEquals(14, mirror.listFiles(repo, commit, Map.of(), 14, GitMirror.Progress.NONE).files().size(), "the cap itself fits");

            UUID syncId = running(repo, "cap-worker", "now() + interval '1 hour'", 1);
            worker.run(syncId, "cap-worker", 10);
            RepoSync failed = QuarkusTransaction.requiringNew().call(() -> RepoSync.<RepoSync>findById(syncId));
            assertEquals(SyncStatus.FAILED, failed.status);
            assertEquals(TOO_MANY, failed.errorMessage);
            assertEquals(1, support.latestManifest(repo).version, "the files shown stay those of the last sync");

            String token = tokens.create(t.viewer().id, "test", null, null).value();
            RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + t.slug() + "/syncs/" + syncId)
                    .then().statusCode(200).body("status", equalTo("FAILED")).body("error", equalTo(TOO_MANY));
            Document d = Web.html(Web.htmx(Web.as(t.viewer())).get("/projects/" + t.slug() + "/repos/many/sync-status"));
            assertEquals(TOO_MANY, d.getElementById("sync-error").text());
            Web.as(t.viewer()).get("/projects/" + t.slug() + "/repos/many").then().statusCode(200);
        }
    }

    @Test
    void aSyncWhoseLeaseLapsedTwiceFailsSayingSoInsteadOfBeingClaimedAgain() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(t.project(), t.owner(), "app", git.url());
            support.awaitLatest(repo);
            // Claimed twice (by the first instance, then by the one started after it died), and its lease lapsed again.
            UUID syncId = running(repo, "died-again", "now() - interval '1 second'", LeaseLapses.MAX);
            assertFalse(worker.claim("next-instance").filter(syncId::equals).isPresent(), "a sync that lapsed twice was claimed a third time");
            worker.drain("next-instance");
            RepoSync failed = QuarkusTransaction.requiringNew().call(() -> RepoSync.<RepoSync>findById(syncId));
            assertEquals(SyncStatus.FAILED, failed.status);
            assertEquals("It stopped twice before finishing (the server restarted or ran out of memory); "
                    + "start it again once the cause is fixed.", failed.errorMessage);
            assertEquals(LeaseLapses.MAX, failed.attempts);
            assertTrue(failed.finishedAt != null);

            // Started again, it runs.
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);
        }
    }

    private UUID running(Repo repo, String workerId, String leaseUntil, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id, status, locked_by, lease_until, attempts) "
                            + "VALUES (?1, ?2, 'RUNNING', ?3, " + leaseUntil + ", ?4)")
                    .setParameter(1, repo.projectId).setParameter(2, repo.id).setParameter(3, workerId).setParameter(4, attempts)
                    .executeUpdate();
            return RepoSync.active(repo.id).orElseThrow().id;
        });
    }
}
