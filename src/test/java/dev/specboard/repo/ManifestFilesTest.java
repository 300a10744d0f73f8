package dev.specboard.repo;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@QuarkusTest
class ManifestFilesTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport support;

    @Inject
    EntityManager em;

    @Test
    void requestsThatWantAManifestAtOnceShareOneParseOfIt() throws Exception {
        Account owner = data.account("manifest");
        Project p = data.project(owner);
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> files = new HashMap<>();
            for (int i = 0; i < 3000; i++) {
                files.put("src/pkg" + (i % 30) + "/File" + i + ".java", "class File" + i + " {\n}\n");
            }
            git.commit("many files", files);
            Repo repo = support.add(p, owner, "many", git.url());
            assertEquals(SyncStatus.SUCCESS, support.awaitLatest(repo).status);

            // A fresh instance, as after a start: nothing parsed yet.
            ManifestFiles fresh = new ManifestFiles();
            fresh.em = em;
            ManifestFiles.Head head = QuarkusTransaction.requiringNew().call(() -> fresh.latest(repo.id).orElseThrow());
            int readers = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            try {
                List<Future<ManifestFiles.Files>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return QuarkusTransaction.requiringNew().call(() -> fresh.files(head));
                    }));
                }
                start.countDown();
                ManifestFiles.Files first = answers.get(0).get();
                assertEquals(3000, first.sorted().size());
                assertEquals("class File7 {\n}\n".length(), first.get("src/pkg7/File7.java").orElseThrow().size());
                for (Future<ManifestFiles.Files> answer : answers) {
                    // One parse: a 20,000-file manifest parsed by eight requests at once ran a 256 MB heap out of memory.
                    assertSame(first, answer.get(), "every reader gets the one parsed copy");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
