package dev.specboard.repo;

import dev.specboard.support.LockWaits;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An owner who corrects a repository's branch under Code sees that branch at once, not after the next scheduled sync, also while a sync runs. */
@QuarkusTest
class RepoSettingsSyncTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    RepoService service;

    @Inject
    SyncWorker worker;

    @Inject
    EntityManager em;

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

    @Test
    void aBranchChangedWhileASyncRunsIsSyncedAfterIt() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "on main");
            git.branch("trunk");
            git.checkout("trunk");
            String trunkHead = git.commit("trunk work", "README.md", "on trunk");
            git.checkout("main");
            String mainHead = git.commit("main work", "README.md", "main again");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> support.add(t.project(), t.owner(), "app", git.url()));
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            // A sync this test runs as its worker, leased for an hour so that no other worker takes it.
            UUID running = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                            "INSERT INTO repo_syncs (project_id, repository_id, status, locked_by, lease_until, attempts) "
                                    + "VALUES (?1, ?2, 'RUNNING', 'test-worker', now() + interval '1 hour', 1) RETURNING id")
                    .setParameter(1, t.project().id).setParameter(2, repo.id).getSingleResult());
            // Its end waits on its row, held here, until the owner has changed the branch: it read main before.
            CompletableFuture<Integer> held = new CompletableFuture<>();
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT id FROM repo_syncs WHERE id = ?1 FOR UPDATE").setParameter(1, running).getResultList();
                held.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
                release.join();
            }));
            int holderPid = held.get(60, TimeUnit.SECONDS);
            CompletableFuture<Void> sync = CompletableFuture.runAsync(() -> worker.run(running, "test-worker"));
            LockWaits.awaitOneBlockedBy(holderPid);
            Web.as(t.owner()).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "app").formParam("url", git.url()).formParam("defaultBranch", "trunk")
                    .formParam("syncIntervalMinutes", "")
                    .post("/projects/" + t.slug() + "/repos/app").then().statusCode(303);
            release.complete(null);
            holder.get(60, TimeUnit.SECONDS);
            sync.get(60, TimeUnit.SECONDS);

            RepoSync ran = QuarkusTransaction.requiringNew().call(() -> RepoSync.<RepoSync>findById(running));
            assertEquals(mainHead, ran.commitSha, "the running sync read main");
            UUID next = latestSyncId(repo);
            assertNotEquals(running, next, "the branch changed while it ran queues the next sync");
            RepoSync after = support.await(next);
            assertEquals(SyncStatus.SUCCESS, after.status, after.errorMessage);
            assertEquals(trunkHead, after.commitSha, "what the repository shows is the new branch");
        }
    }

    private static UUID latestSyncId(Repo repo) {
        return QuarkusTransaction.requiringNew().call(() -> RepoSync.latest(repo.id).orElseThrow().id);
    }
}
