package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refactor's commit in a repository whose file names are no UTF-8 (git keeps names as bytes): the files it did not
 * touch keep their exact names, and a file it moves keeps its folder's name.
 */
@QuarkusTest
class RefactorRawNamesTest {

    /** {@code caf\351}: "café" in Latin-1, no UTF-8. */
    private static final String LATIN_FOLDER = "src/main/java/caf\u00e9";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Test
    void aRenameKeepsTheRawNamesOfFilesItDidNotTouchAndTheFolderOfTheFileItMoves() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<byte[], String> files = app();
            git.commitRawNames("app", files);
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            String id = proposed(t, repo);

            String sha = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200)
                    .body("branch", equalTo("refactor/Greeter-to-Salutation")).extract().path("commitSha");
            Map<String, String> tree = tree(git, sha);
            assertEquals(Set.of(
                    iso(latin1(LATIN_FOLDER + "/Salutation.java")),
                    iso(utf8(JobTestSupport.DIR + "/App.java")),
                    iso(utf8(JobTestSupport.DIR + "/Registry.java")),
                    iso(latin1("notes/caf\u00e9.txt")),
                    iso(utf8("notes/caf\u00e9.txt"))), tree.keySet(), "names as raw bytes (read as ISO-8859-1): " + tree.keySet());
            assertEquals("latin", tree.get(iso(latin1("notes/caf\u00e9.txt"))));
            assertEquals("composed", tree.get(iso(utf8("notes/caf\u00e9.txt"))));
            assertTrue(tree.get(iso(latin1(LATIN_FOLDER + "/Salutation.java"))).contains("public class Salutation {"),
                    "the moved file has the refactor's content");
            assertTrue(tree.get(iso(utf8(JobTestSupport.DIR + "/App.java"))).contains("Salutation"));
        }
    }

    /** A lookup of the Latin-1 path by its escaped name found nothing, and every such proposal read as stale. */
    @Test
    void aProposalThatChangesAFileInALatin1FolderIsStillFreshAfterAnUnrelatedCommit() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<byte[], String> files = app();
            git.commitRawNames("app", files);
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            String id = proposed(t, repo);
            files.put(utf8("notes/more.txt"), "more");
            String head = git.commitRawNames("more", files);
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            String sha = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200).extract().path("commitSha");
            try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository())) {
                assertEquals(head, walk.parseCommit(ObjectId.fromString(sha)).getParent(0).name(), "applied on the new head");
            }
            assertTrue(tree(git, sha).containsKey(iso(latin1(LATIN_FOLDER + "/Salutation.java"))));
        }
    }

    /**
     * The rename's page, and the jobs list, showed a path that is no UTF-8 with git's escape ({@code caf\351}) where the
     * file browser shows it decoded: they read "café" with U+FFFD for the stray byte too.
     */
    @Test
    void theRenamePageAndTheJobsListShowAPathThatIsNoUtf8Decoded() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commitRawNames("app", app());
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
            String escaped = "src/main/java/caf\\351";
            String shown = "src/main/java/caf\uFFFD";
            String id = fx.api(t.member()).body(Map.of("symbol", "Greeter", "newName", "Salutation", "path", escaped)).post(refactors(t))
                    .then().statusCode(202).extract().path("id");
            RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);

            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/repos/app/refactors/" + id)
                    .then().statusCode(200).extract().response());
            assertTrue(page.getElementById("refactor-meta").text().startsWith("In " + shown + " · asked by"),
                    page.getElementById("refactor-meta").text());
            assertEquals(List.of(shown + "/Greeter.java"), page.select("#file-counts a").eachText());
            String title = page.selectFirst(".file-diff h3").text();
            assertTrue(title.startsWith(shown + "/Greeter.java moves to " + shown + "/Salutation.java"), title);
            assertFalse(page.body().text().contains("\\351"), "no escape is shown");

            Document list = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/jobs").then().statusCode(200).extract().response());
            assertEquals("Greeter \u2192 Salutation in " + shown, list.selectFirst("#job-" + id + " td .muted").text());
        }
    }

    /** Greeter in a folder named in Latin-1, App and Registry, and two notes whose names decode alike. */
    private static Map<byte[], String> app() {
        Map<byte[], String> files = new LinkedHashMap<>();
        files.put(latin1(LATIN_FOLDER + "/Greeter.java"), JobTestSupport.GREETER);
        files.put(utf8(JobTestSupport.DIR + "/App.java"), JobTestSupport.APP);
        files.put(utf8(JobTestSupport.DIR + "/Registry.java"), JobTestSupport.REGISTRY);
        files.put(latin1("notes/caf\u00e9.txt"), "latin");
        files.put(utf8("notes/caf\u00e9.txt"), "composed");
        return files;
    }

    /** Waits for the first sync of the app and proposes renaming the class Greeter to Salutation; answers the refactor. */
    private String proposed(TestData.Team t, Repo repo) {
        assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
        String id = fx.api(t.member()).body(Map.of("symbol", "Greeter", "newName", "Salutation")).post(refactors(t)).then()
                .statusCode(202).extract().path("id");
        RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
        assertEquals(JobStatus.SUCCESS, job.status, job.error);
        return id;
    }

    private static String refactors(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
    }

    /** Each file of the commit's tree by its raw name read as ISO-8859-1 (one character a byte), with its content. */
    private static Map<String, String> tree(GitFixture git, String sha) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository());
             TreeWalk tw = new TreeWalk(origin.getRepository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                out.put(iso(tw.getRawPath()), new String(origin.getRepository().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] latin1(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    private static String iso(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
}
