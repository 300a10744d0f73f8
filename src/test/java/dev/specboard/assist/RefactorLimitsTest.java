package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rename past a refactor's limits fails naming the limit, before it holds the whole proposal (a rename of a common word
 * across a large repository ran the heap out and took the server down), and leaves nothing behind to apply.
 */
@QuarkusTest
@TestProfile(RefactorLimitsTest.SmallLimits.class)
class RefactorLimitsTest {

    /** Limits a few files exceed. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.refactor.max-files", "3",
                    "specboard.refactor.max-occurrences", "20",
                    "specboard.refactor.max-diff-bytes", "4K");
        }
    }

    private static final String LIMITS = "Specboard proposes at most 3 files, 20 occurrences and 4 KB of diffs in one refactor.";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private static String refactors(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
    }

    private RefactorJob rename(TestData.Team t, Map<String, Object> body) {
        String id = fx.api(t.member()).body(body).post(refactors(t)).then().statusCode(202).extract().path("id");
        return jobs.awaitRefactor(UUID.fromString(id));
    }

    /** The job failed with the reason, and left no proposal to apply nor a branch anywhere. */
    private void failedWithNothingWritten(TestData.Team t, GitFixture git, RefactorJob job, String reason) throws Exception {
        assertEquals(JobStatus.FAILED, job.status, String.valueOf(job.error));
        assertTrue(job.error.contains(reason) && job.error.contains(LIMITS) && job.error.endsWith("or rename in your editor."), job.error);
        assertNull(job.proposal, "nothing of the proposal is stored");
        fx.api(t.member()).post(refactors(t) + "/" + job.id + "/apply").then().statusCode(409)
                .body("error", containsString("has no proposal to apply"));
        try (Git origin = Git.open(git.dir.toFile())) {
            assertEquals(List.of("refs/heads/main"), origin.branchList().call().stream().map(Ref::getName).toList());
        }
    }

    @Test
    void aRenameTouchingMoreFilesThanTheLimitFailsAndANarrowerOneIsProposed() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<String, String> files = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                files.put((i < 2 ? "web/a/" : "web/b/") + "f" + i + ".js", "foo();\nfoo(1);\n");
            }
            git.commit("Five scripts", files);
            jobs.synced(t, git);

            RefactorJob job = rename(t, Map.of("symbol", "foo", "newName", "bar1"));
            failedWithNothingWritten(t, git, job, "This rename of foo touches more than 3 files (stopped at web/b/f");
            assertTrue(job.error.contains("Narrow it with a folder or file (path)"), job.error);

            RefactorJob narrower = rename(t, Map.of("symbol", "foo", "newName", "bar1", "path", "web/a"));
            assertEquals(JobStatus.SUCCESS, narrower.status, narrower.error);
            fx.api(t.viewer()).get(refactors(t) + "/" + narrower.id).then().statusCode(200)
                    .body("proposal.files.path", org.hamcrest.Matchers.contains("web/a/f0.js", "web/a/f1.js"))
                    .body("proposal.files[0].diff", containsString("+bar1(1);"));
        }
    }

    @Test
    void aRenameWithMoreOccurrencesThanTheLimitFails() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("Many calls", Map.of("web/a.js", "foo();\n".repeat(8), "web/b.js", "foo(); foo(); foo();\n".repeat(5)));
            jobs.synced(t, git);

            RefactorJob job = rename(t, Map.of("symbol", "foo", "newName", "bar1", "path", "web"));
            failedWithNothingWritten(t, git, job, "This rename of foo has more than 20 occurrences (stopped at web/b.js)");
            assertTrue(job.error.contains("Narrow it with a folder or file narrower than web"), job.error);
        }
    }

    @Test
    void aRenameWhoseDiffsPassTheSizeLimitFails() throws Exception {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("Long lines", "web/long.js", ("foo(\"" + "x".repeat(400) + "\");\n").repeat(6));
            jobs.synced(t, git);

            failedWithNothingWritten(t, git, rename(t, Map.of("symbol", "foo", "newName", "bar1")),
                    "This rename of foo makes more than 4 KB of diffs (stopped at web/long.js)");
        }
    }
}
