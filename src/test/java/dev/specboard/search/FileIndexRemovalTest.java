package dev.specboard.search;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.LockWaits;
import dev.specboard.support.LogCapture;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repository removed while its files are indexed ends the indexing quietly: a warning with a stack trace was noise. */
@QuarkusTest
class FileIndexRemovalTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    FileIndex index;

    @Inject
    EntityManager em;

    @Test
    void aRepositoryRemovedWhileItsFilesAreWrittenIsNoWarning() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("init", "README.md", "hello");
            Repo repo = QuarkusTransaction.requiringNew().call(() -> repos.add(t.project(), t.owner(), "app", git.url()));
            RepoSync sync = repos.awaitLatest(repo);
            assertEquals("SUCCESS", sync.status.name(), sync.errorMessage);
            awaitIndexed(repo.id);
            // Forget the indexed files, so that indexing again has a file to write.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM file_texts WHERE repository_id = ?1")
                    .setParameter(1, repo.id).executeUpdate());

            // Opened before the index runs and closed after the removal, so that a warning logged on either side counts.
            try (LogCapture capture = LogCapture.of(FileIndex.class)) {
                // The index reads the repository before the removal commits; its write then waits for the removal.
                LockWaits.assertWaitsFor(() -> em.createNativeQuery("DELETE FROM repositories WHERE id = ?1").setParameter(1, repo.id).executeUpdate(),
                        () -> {
                            index.safely(repo.id);
                            return null;
                        }, "indexing the removed repository's files");
                List<LogRecord> warnings = capture.records().stream()
                        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
                assertTrue(warnings.isEmpty(), () -> "warned: " + warnings.get(0).getMessage());
            }
        }
    }

    private void awaitIndexed(UUID repoId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM file_text_indexes WHERE repository_id = ?1").setParameter(1, repoId).getSingleResult()).longValue()) == 0) {
            assertTrue(Instant.now().isBefore(until), "the files were never indexed");
            Thread.sleep(50);
        }
    }
}
