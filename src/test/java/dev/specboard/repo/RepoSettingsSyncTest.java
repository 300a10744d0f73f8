package dev.specboard.repo;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A lead who corrects a repository's branch under Code sees that branch at once, not after the next scheduled sync. */
@QuarkusTest
class RepoSettingsSyncTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    RepoService service;

    @Test
    void changingTheBranchSyncsTheNewBranchAndRenamingAloneDoesNot() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "on main");
            git.branch("trunk");
            git.checkout("trunk");
            String trunkHead = git.commit("trunk work", "README.md", "on trunk");
            git.checkout("main");
            String repos = "/projects/" + t.slug() + "/repos";
            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "main")
                    .formParam("syncIntervalMinutes", "")
                    .post(repos).then().statusCode(303);
            Repo repo = QuarkusTransaction.requiringNew().call(() -> Repo.findByName(t.project().id, "app").orElseThrow());
            RepoSync first = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, first.status, first.errorMessage);

            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "main")
                    .formParam("syncIntervalMinutes", "")
                    .post(repos + "/app").then().statusCode(303);
            assertEquals(first.id, latestSyncId(repo), "the same URL and branch need no sync");

            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "trunk")
                    .formParam("syncIntervalMinutes", "")
                    .post(repos + "/app").then().statusCode(303);
            UUID second = latestSyncId(repo);
            assertNotEquals(first.id, second, "a new branch queues a sync at once");
            RepoSync done = support.await(second);
            assertEquals(SyncStatus.SUCCESS, done.status, done.errorMessage);
            assertEquals(trunkHead, done.commitSha, "the sync read the new branch");

            // The setup wizard's repository step, submitted again with the branch corrected back.
            QuarkusTransaction.requiringNew().run(() -> service.connect(t.project().id, git.url(), "main", t.owner().id));
            UUID third = latestSyncId(repo);
            assertNotEquals(second, third, "the wizard's corrected branch queues a sync too");
            RepoSync back = support.await(third);
            assertEquals(SyncStatus.SUCCESS, back.status, back.errorMessage);
            assertNotEquals(trunkHead, back.commitSha, "the sync read main again");
        }
    }

    private static UUID latestSyncId(Repo repo) {
        return QuarkusTransaction.requiringNew().call(() -> RepoSync.latest(repo.id).orElseThrow().id);
    }
}
