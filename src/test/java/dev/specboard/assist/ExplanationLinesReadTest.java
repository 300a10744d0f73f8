package dev.specboard.assist;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.review.CommentThread;
import dev.specboard.review.LinesRead;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An explanation's thread opens on the lines the job read, not on the same numbers of a manifest synced while it ran:
 * moved lines are carried there, changed ones refused, as for a person's thread opened on an older version.
 */
@QuarkusTest
class ExplanationLinesReadTest {

    private static final String GREETER = JobTestSupport.DIR + "/Greeter.java";

    @Inject
    TestData data;

    @Inject
    JobTestSupport jobs;

    @Inject
    RepoTestSupport repos;

    @Inject
    JobService service;

    @Inject
    JobWorker worker;

    @Inject
    Explanation explanation;

    @Test
    void linesMovedByASyncWhileTheJobRanAreAnsweredWhereTheyAreNow() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = data.team();
            Repo repo = jobs.synced(t, git);
            // Lines 14-16 are greet(); the job reads them at version 1.
            JobRunner.Outcome outcome = explanation.run(claimedExplanation(t, 14, 16));
            git.commit("two lines on top", GREETER, "// one\n// two\n" + JobTestSupport.GREETER);
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            Map<String, Object> result = new LinkedHashMap<>(outcome.result());
            QuarkusTransaction.requiringNew().run(() -> outcome.onCommit().accept(result));
            CommentThread thread = QuarkusTransaction.requiringNew().call(() ->
                    CommentThread.<CommentThread>findById(UUID.fromString((String) result.get("threadId"))));
            assertEquals(2, thread.manifestVersion);
            assertEquals(16, thread.lineStart, "greet() is two lines further down now");
            assertEquals(18, thread.lineEnd);
            assertTrue(thread.snippet.startsWith("    public String greet(String name) {"), thread.snippet);
            assertEquals(1, thread.originalManifestVersion, "where the assistant read it");
            assertEquals(14, thread.originalLineStart);
        }
    }

    @Test
    void linesChangedByASyncWhileTheJobRanAreRefusedAndTheJobSaysToRetry() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = data.team();
            Repo repo = jobs.synced(t, git);
            JobRunner.Outcome outcome = explanation.run(claimedExplanation(t, 14, 16));
            git.commit("greet differently", GREETER, JobTestSupport.GREETER.replace("prefix + \", \" + format(name)", "format(name)"));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            RuntimeException e = assertThrows(RuntimeException.class, () ->
                    QuarkusTransaction.requiringNew().run(() -> outcome.onCommit().accept(new HashMap<>(outcome.result()))));
            Throwable refused = e;
            while (!(refused instanceof LinesRead.Changed) && refused.getCause() != null) {
                refused = refused.getCause();
            }
            LinesRead.Changed changed = assertInstanceOf(LinesRead.Changed.class, refused);
            assertEquals(409, changed.status());
            String failure = JobWorker.failure(changed);
            assertTrue(failure.startsWith("The lines 14-16 you read in " + GREETER + " (version 1) changed since"), failure);
            assertTrue(failure.endsWith("Retry the job to explain them as they are now."), failure);
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CommentThread.count("repositoryId", repo.id)),
                    "no thread on lines that say something else now");
        }
    }

    /** An EXPLANATION job of the reviewer's, claimed by a worker that never runs it: the test runs it itself. */
    private JobContext claimedExplanation(TestData.Team t, int from, int to) {
        String workerId = "test-" + UUID.randomUUID();
        AiJob job = QuarkusTransaction.requiringNew().call(() -> {
            Access access = new Access(Project.findById(t.project().id), Role.REVIEWER, t.reviewer().id);
            AiJob created = service.create(access, AiJobType.EXPLANATION, Map.of("repo", "app", "path", GREETER, "lineStart", from,
                    "lineEnd", to));
            if (!worker.claimWithin(JobKind.AI, workerId, 600, created.id).equals(Optional.of(created.id))) {
                throw new AssertionError("the worker could not claim the new job");
            }
            return created;
        });
        JobContext ctx = new JobContext(worker, JobKind.AI, job.id, workerId, t.project().id, t.reviewer().id, null,
                AiJobType.EXPLANATION, new HashMap<>(job.params), null, null);
        ctx.labels(explanation.steps());
        return ctx;
    }
}
