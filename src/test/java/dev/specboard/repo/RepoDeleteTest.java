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
import static org.junit.jupiter.api.Assertions.assertNull;

/** Removing a repository while its sync finishes: the removal waits for the sync, and neither is refused. */
@QuarkusTest
class RepoDeleteTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    EntityManager em;

    @Test
    void aRepositoryRemovedWhileItsSyncFinishesIsRemovedAfterTheSyncCommits() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            // A sync row of its own, finished, so that no worker takes it: the test plays the finishing sync on it.
            UUID syncId = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                            "INSERT INTO repo_syncs (project_id, repository_id, status) VALUES (?1, ?2, 'SUCCESS') RETURNING id")
                    .setParameter(1, t.project().id).setParameter(2, repo.id).getSingleResult());

            CompletableFuture<Integer> locked = new CompletableFuture<>();
            CompletableFuture<Void> goOn = new CompletableFuture<>();
            // What SyncWorker.finish does, in its order: the sync row locked, then a manifest inserted (a key share on the repository).
            CompletableFuture<Void> finishing = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT id FROM repo_syncs WHERE id = ?1 FOR UPDATE").setParameter(1, syncId).getResultList();
                locked.complete(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
                goOn.join();
                em.createNativeQuery("INSERT INTO project_manifests (project_id, repository_id, version, commit_sha, data, hash) "
                                + "VALUES (?1, ?2, 99, 'abc', '{}'::jsonb, 'h')")
                        .setParameter(1, t.project().id).setParameter(2, repo.id).executeUpdate();
            }));
            int finisher = locked.get(60, TimeUnit.SECONDS);
            CompletableFuture<Integer> removal = CompletableFuture.supplyAsync(() ->
                    Web.as(t.owner()).post("/projects/" + t.slug() + "/repos/app/delete").statusCode());
            LockWaits.awaitOneBlockedBy(finisher);
            goOn.complete(null);

            finishing.get(60, TimeUnit.SECONDS);
            assertEquals(303, removal.get(60, TimeUnit.SECONDS), "the removal deadlocked with the finishing sync");
            assertNull(QuarkusTransaction.requiringNew().call(() -> Repo.findById(repo.id)));
        }
    }
}
