package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rename leaves symbolic links alone: a link's blob is the path it leads to, and renaming a word in it repoints the link. */
@QuarkusTest
class RefactorSymlinkTest {

    private static final String LINK = "scripts/run.py";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Inject
    MirrorGit git;

    /**
     * In a manifest written before links were kept, {@code scripts/run.py → ../tools/greet} read as a Python file whose one
     * line held the word greet, and the rename proposed to repoint it.
     */
    @Test
    void aRenameNeitherReadsNorChangesASymbolicLink() {
        TestData.Team t = data.team();
        try (GitFixture origin = GitFixture.create()) {
            JobTestSupport.commitApp(origin);
            origin.commitSymlink("a link", LINK, "../tools/greet");
            Repo repo = repos.add(t.project(), t.owner(), "app", origin.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
            repos.writeUnmarkedCopy(repo);

            String id = fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "welcome")).post(refactors(t)).then()
                    .statusCode(202).extract().path("id");
            RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            JsonPath r = fx.api(t.viewer()).get(refactors(t) + "/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(JobTestSupport.DIR + "/App.java", JobTestSupport.DIR + "/Greeter.java", JobTestSupport.DIR + "/Registry.java"),
                    r.getList("proposal.files.path"));
            assertFalse(r.getList("proposal.skipped").toString().contains(LINK), r.getList("proposal.skipped").toString());
        }
    }

    /** A proposal made while the link read as a file is not committed over it: the link would lead elsewhere. */
    @Test
    void aCommitRefusesNewContentForASymbolicLink() {
        TestData.Team t = data.team();
        try (GitFixture origin = GitFixture.create()) {
            JobTestSupport.commitApp(origin);
            String base = origin.commitSymlink("a link", LINK, "../tools/greet");
            Repo repo = repos.add(t.project(), t.owner(), "app", origin.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);

            GitProblem refused = assertThrows(GitProblem.class, () -> git.commitBranch(repo, base, "refactor/greet-to-welcome",
                    Map.of(LINK, "../tools/welcome".getBytes(StandardCharsets.UTF_8)), Map.of(), "Rename greet to welcome",
                    new PersonIdent("Test", "test@example.test")));
            assertTrue(refused.getMessage().contains(LINK + " is not a regular file"), refused.getMessage());
            assertFalse(git.branchExists(repo, "refactor/greet-to-welcome"));
        }
    }

    private static String refactors(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
    }
}
