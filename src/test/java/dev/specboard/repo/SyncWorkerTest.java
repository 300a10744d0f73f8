package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import dev.specboard.web.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SyncWorkerTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    SyncWorker worker;

    @Inject
    GitMirror mirror;

    @Inject
    RepoService repos;

    @Inject
    EntityManager em;

    @Test
    void firstSyncClonesAndWritesManifestVersionOne() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            String sha = git.commit("first", Map.of("src/App.java", "class App {\n}\n", "README.md", "# Hi",
                    "img/logo.bin", "\u0000\u0001\u0002binary"));
            Repo repo = support.add(p, owner, "app", git.url());
            RepoSync sync = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, sync.status, sync.errorMessage);
            assertEquals(1, sync.manifestVersion);
            assertEquals(sha, sync.commitSha);
            assertEquals(1, sync.attempts);

            ProjectManifest m = support.latestManifest(repo);
            assertEquals(1, m.version);
            assertEquals(sha, m.commitSha);
            assertEquals(ManifestHash.of(m.data), m.hash);
            List<ManifestEntry> files = m.files();
            assertEquals(List.of("README.md", "img/logo.bin", "src/App.java"), files.stream().map(ManifestEntry::path).toList());
            ManifestEntry app = files.get(2);
            assertEquals("java", app.language());
            assertEquals(2, app.lines());
            assertFalse(app.binary());
            assertEquals(1, files.get(0).lines());
            assertTrue(files.get(1).binary());
            assertNull(files.get(1).lines());
            assertTrue(RepoTestSupport.CREATED.stream().anyMatch(e -> e.repoId().equals(repo.id) && e.manifestVersion() == 1
                    && e.commitSha().equals(sha)));
        }
    }

    /** A repository nothing was pushed to yet is empty, not failed: its sync said the branch did not exist. */
    @Test
    void anEmptyRepositorySyncsAsEmptyAndItsFirstCommitMakesManifestOne() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            Repo repo = support.add(p, owner, "empty", git.url());
            RepoSync sync = support.awaitLatest(repo);
            assertEquals(SyncStatus.SUCCESS, sync.status, sync.errorMessage);
            assertNull(sync.manifestVersion);
            assertNull(sync.commitSha);
            org.jsoup.nodes.Document page = dev.specboard.support.Web.html(dev.specboard.support.Web.as(owner)
                    .get("/projects/" + p.slug + "/repos/empty").then().statusCode(200).extract().response());
            assertTrue(page.getElementById("repo-empty").text().contains("no commits yet"), page.select("#files").text());
            assertTrue(page.getElementById("sync-status").text().contains("no commits yet"), page.getElementById("sync-status").text());

            String sha = git.commit("first", "README.md", "# Hi");
            RepoSync next = support.sync(repo);
            assertEquals(SyncStatus.SUCCESS, next.status, next.errorMessage);
            assertEquals(1, next.manifestVersion);
            assertEquals(sha, next.commitSha);
        }
    }

    @Test
    void aListingAfterAOneFileCommitReadsOnlyTheChangedBlob() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            java.util.Map<String, String> files = new java.util.HashMap<>();
            for (int i = 0; i < 40; i++) {
                files.put("src/F" + i + ".java", "class F" + i + " {\n}\n");
            }
            String first = git.commit("first", files);
            Repo repo = support.add(p, owner, "incremental", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);
            GitMirror.Listing all = mirror.listFiles(repo, first, Map.of(), GitMirror.Progress.NONE);
            assertEquals(40, all.blobsRead());

            String second = git.commit("one change", Map.of("src/F7.java", "class F7 {\n  int x;\n}\n", "docs/F3.md", "class F3 {\n}\n"));
            assertEquals(second, mirror.fetch(repo, GitMirror.Progress.NONE));
            java.util.Map<String, ManifestEntry> known = new java.util.HashMap<>();
            all.files().forEach(f -> known.put(f.blobSha(), f));
            GitMirror.Listing next = mirror.listFiles(repo, second, known, GitMirror.Progress.NONE);
            assertEquals(1, next.blobsRead(), "only the changed blob is read; a copy of a known blob is not");
            assertEquals(41, next.files().size());
            ManifestEntry changed = next.files().stream().filter(f -> f.path().equals("src/F7.java")).findFirst().orElseThrow();
            assertEquals(3, changed.lines());
            ManifestEntry copy = next.files().stream().filter(f -> f.path().equals("docs/F3.md")).findFirst().orElseThrow();
            assertEquals(2, copy.lines());
            assertEquals("markdown", copy.language(), "a known blob at a new path gets that path's language");
            assertEquals(mirror.listFiles(repo, second, Map.of(), GitMirror.Progress.NONE).files(), next.files(),
                    "carrying known blobs over gives the same manifest as reading everything");
        }
    }

    @Test
    void unchangedCommitWritesNoNewVersionAndNewCommitWritesTheNext() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            RepoSync again = support.sync(repo);
            assertEquals(SyncStatus.SUCCESS, again.status);
            assertEquals(1, again.manifestVersion);
            assertEquals(1, support.latestManifest(repo).version);

            String second = git.commit("second", "b.txt", "two\n");
            RepoSync third = support.sync(repo);
            assertEquals(SyncStatus.SUCCESS, third.status, third.errorMessage);
            assertEquals(2, third.manifestVersion);
            ProjectManifest m = support.latestManifest(repo);
            assertEquals(2, m.version);
            assertEquals(second, m.commitSha);
            assertEquals(2, m.files().size());
        }
    }

    @Test
    void theSharedMirrorReadsANewCommitsBlobsAndIsForgottenWhenDeleted() {
        Account owner = data.account("shared");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            String first = support.latestManifest(repo).files().get(0).blobSha();
            assertEquals("one\n", new String(mirror.readBlob(repo, first).orElseThrow()));
            var key = RepositoryCache.FileKey.exact(mirror.mirrorDir(repo).toFile(), FS.DETECTED);
            assertTrue(RepositoryCache.getRegisteredKeys().contains(key), "one shared instance per mirror");

            // The fetch writes a new pack; the shared instance, opened before it, finds the new blob.
            git.commit("second", "b.txt", "two\n");
            assertEquals(SyncStatus.SUCCESS, support.sync(repo).status);
            String second = support.latestManifest(repo).files().stream().filter(f -> f.path().equals("b.txt")).findFirst().orElseThrow().blobSha();
            assertEquals("two\n", new String(mirror.readBlob(repo, second).orElseThrow()));

            mirror.delete(repo);
            assertFalse(RepositoryCache.getRegisteredKeys().contains(key), "a deleted mirror leaves nothing open");
            assertThrows(GitProblem.class, () -> mirror.readBlob(repo, first));
        }
    }

    @Test
    void badUrlFailsWithAMessage() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        Repo repo = support.addVanished(p, owner, "nothing", "/does/not/exist/" + UUID.randomUUID());
        RepoSync sync = support.awaitLatest(repo);
        assertEquals(SyncStatus.FAILED, sync.status);
        assertTrue(sync.errorMessage.startsWith("Could not fetch /does/not/exist/"), sync.errorMessage);
        assertTrue(sync.errorMessage.endsWith(" does not exist on the server"), "named, not JGit's bare \"not found\": " + sync.errorMessage);
        assertTrue(sync.finishedAt != null);
    }

    @Test
    void aSyncCutShortByTheStopIsNotFailedButLeftToItsLease() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        Repo repo = support.addVanished(p, owner, "gone", "/does/not/exist/" + UUID.randomUUID());
        assertEquals(SyncStatus.FAILED, support.awaitLatest(repo).status, "while running, the failure is the sync's own");
        UUID syncId = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id, status, locked_by, lease_until, attempts) "
                            + "VALUES (?1, ?2, 'RUNNING', 'stopping-worker', now() + interval '1 hour', 1)")
                    .setParameter(1, p.id).setParameter(2, repo.id).executeUpdate();
            return RepoSync.active(repo.id).orElseThrow().id;
        });
        boolean before = Stopping.set(true);
        try {
            assertThrows(RuntimeException.class, () -> worker.run(syncId, "stopping-worker"));
        } finally {
            Stopping.set(before);
        }
        RepoSync left = QuarkusTransaction.requiringNew().call(() -> RepoSync.<RepoSync>findById(syncId));
        assertEquals(SyncStatus.RUNNING, left.status, "the stop is not the sync's failure");
        assertEquals("stopping-worker", left.lockedBy);
        assertNull(left.errorMessage);
    }

    @Test
    void missingBranchFailsNamingTheBranch() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = repos.create(p.id, new RepoForm("app", git.url(), "develop", ""), owner.id);
            RepoSync sync = support.awaitLatest(repo);
            assertEquals(SyncStatus.FAILED, sync.status);
            assertTrue(sync.errorMessage.contains("'develop'"), sync.errorMessage);
        }
    }

    @Test
    void tamperedManifestIsRefusedOnRead() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE project_manifests SET data = jsonb_set(data, '{files,0,blobSha}', '\"0000000000000000000000000000000000000000\"') "
                                    + "WHERE repository_id = ?1").setParameter(1, repo.id).executeUpdate());
            ProjectManifest m = support.latestManifest(repo);
            ApiException e = assertThrows(ApiException.class, m::files);
            assertEquals(409, e.status());
            assertTrue(e.getMessage().contains("integrity"), e.getMessage());
            assertEquals(m.hash, e.details().get("expectedHash"));
        }
    }

    @Test
    void twoWorkersClaimingAtOnceRunASyncOnce() throws Exception {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            git.commit("second", "b.txt", "two\n");
            // Queue directly, without the immediate trigger, so that the two workers below race for it.
            UUID syncId = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id) VALUES (?1, ?2)")
                        .setParameter(1, p.id).setParameter(2, repo.id).executeUpdate();
                return RepoSync.active(repo.id).orElseThrow().id;
            });
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> race(start, "test-worker-a", repo.id));
            CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> race(start, "test-worker-b", repo.id));
            start.countDown();
            int wins = (a.get() ? 1 : 0) + (b.get() ? 1 : 0);
            assertTrue(wins <= 1, "both workers claimed the sync");
            RepoSync done = support.await(syncId);
            assertEquals(SyncStatus.SUCCESS, done.status, done.errorMessage);
            assertEquals(1, done.attempts);
            assertEquals(2, done.manifestVersion);
            long manifests = QuarkusTransaction.requiringNew().call(() -> ProjectManifest.count("repositoryId", repo.id));
            assertEquals(2, manifests);
        }
    }

    private boolean race(CountDownLatch start, String workerId, UUID repoId) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return worker.runOnce(workerId);
    }

    @Test
    void expiredLeaseIsClaimedAgainAndAFreshOneIsNot() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "a.txt", "one\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            UUID syncId = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id, status, locked_by, lease_until, attempts) "
                                + "VALUES (?1, ?2, 'RUNNING', 'dead-instance', now() + interval '1 hour', 1)")
                        .setParameter(1, p.id).setParameter(2, repo.id).executeUpdate();
                return RepoSync.active(repo.id).orElseThrow().id;
            });
            assertFalse(worker.claim("test-worker").filter(syncId::equals).isPresent(), "a live lease was taken over");
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE repo_syncs SET lease_until = now() - interval '1 second' WHERE id = ?1").setParameter(1, syncId).executeUpdate());
            RepoSync done = support.await(syncId);
            assertEquals(SyncStatus.SUCCESS, done.status, done.errorMessage);
            assertEquals(2, done.attempts);
        }
    }

    @Test
    void oneWalkFindsWhichCommitsTheHeadContains() {
        Account owner = data.account("sync");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            String first = git.commit("first", "a.txt", "one\n");
            git.branch("feature");
            String feature = git.commit("feature work", "f.txt", "f\n");
            git.checkout("main");
            String second = git.commit("second", "b.txt", "two\n");
            Repo repo = support.add(p, owner, "app", git.url());
            support.awaitLatest(repo);
            List<String> candidates = List.of(first, second, second.substring(0, 10), feature, "not a sha",
                    "0123456789abcdef0123456789abcdef01234567");
            assertEquals(java.util.Set.of(first, second, second.substring(0, 10)), mirror.reachable(repo, "refs/heads/main", candidates));
            assertEquals(java.util.Set.of(first, feature), mirror.reachable(repo, "refs/heads/feature", candidates));
            assertEquals(java.util.Set.of(first), mirror.reachable(repo, first, candidates));
            assertEquals(java.util.Set.of(), mirror.reachable(repo, "refs/heads/gone", candidates));
        }
    }
}
