package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renames proposed, applied as a commit on a new branch pushed to a real origin, refused when stale, re-run. */
@QuarkusTest
class RefactorJobTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private static String refactors(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
    }


    private String propose(TestData.Team t, Map<String, Object> body) {
        String id = fx.api(t.member()).body(body).post(refactors(t)).then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().path("id");
        RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
        assertEquals(JobStatus.SUCCESS, job.status, job.error);
        return id;
    }

    @Test
    void renameAcrossThreeFilesIsProposedThenAppliedOnANewBranchThatTheOriginHas() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = propose(t, Map.of("symbol", "greet", "newName", "welcome"));

            JsonPath r = fx.api(t.viewer()).get(refactors(t) + "/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(JobTestSupport.DIR + "/App.java", JobTestSupport.DIR + "/Greeter.java", JobTestSupport.DIR + "/Registry.java"),
                    r.getList("proposal.files.path"), "the README is prose: left alone unless asked");
            assertEquals(List.of(1, 1, 2), r.getList("proposal.files.count"));
            String greeterDiff = r.getString("proposal.files[1].diff");
            assertTrue(greeterDiff.contains("-    public String greet(String name) {\n+    public String welcome(String name) {"), greeterDiff);
            assertFalse(greeterDiff.contains("greet nobody"), "comments are left alone: " + greeterDiff);
            String appDiff = r.getString("proposal.files[0].diff");
            assertTrue(appDiff.contains("+            System.out.println(greeter.welcome(name));"), appDiff);
            assertFalse(appDiff.contains("\"welcome done\""), "strings are left alone: " + appDiff);
            String registryDiff = r.getString("proposal.files[2].diff");
            assertTrue(registryDiff.contains("+        return greeter::welcome;"), registryDiff);
            assertTrue(registryDiff.contains("public int greetAll"), "greetAll is another name: " + registryDiff);
            assertFalse(registryDiff.contains("welcomeAll"), registryDiff);
            assertEquals(11, r.getInt("proposal.files[0].occurrences[0].line"));

            JsonPath applied = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200)
                    .body("branch", equalTo("refactor/greet-to-welcome")).body("pushed", equalTo(true)).extract().jsonPath();
            String sha = applied.getString("commitSha");

            try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository())) {
                Ref branch = origin.getRepository().exactRef("refs/heads/refactor/greet-to-welcome");
                assertNotNull(branch, "the origin has the branch");
                assertEquals(sha, branch.getObjectId().name());
                RevCommit commit = walk.parseCommit(branch.getObjectId());
                assertTrue(commit.getFullMessage().startsWith("Rename greet to welcome"), commit.getFullMessage());
                assertEquals(origin.getRepository().resolve("refs/heads/main"), commit.getParent(0).getId());
                Iterable<RevCommit> log = origin.log().add(branch.getObjectId()).setMaxCount(1).call();
                assertEquals(sha, log.iterator().next().name(), "git log in the origin shows the commit");
                String greeter = read(origin, commit, JobTestSupport.DIR + "/Greeter.java");
                assertEquals(JobTestSupport.GREETER.replace("public String greet(", "public String welcome("), greeter);
                String app = read(origin, commit, JobTestSupport.DIR + "/App.java");
                assertTrue(app.contains("greeter.welcome(name)") && app.contains("\"greet done\""), app);
                assertEquals("# App\n\nCall greet to greet someone.\n", read(origin, commit, "README.md"));
            } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                throw new IllegalStateException(e);
            }

            fx.api(t.member()).get(refactors(t) + "/" + id).then().body("appliedChanges.branch", equalTo("refactor/greet-to-welcome"))
                    .body("appliedChanges.commitSha", equalTo(sha)).body("appliedChanges.files.size()", equalTo(3));
            fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(409)
                    .body("error", containsString("already applied on branch refactor/greet-to-welcome"));
        }
    }

    /** Java wants a public class in the file named after it: renaming the class moves its file, or the branch would not compile. */
    @Test
    void renamingAClassMovesItsFileAndATakenTargetFailsTheProposal() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = propose(t, Map.of("symbol", "Greeter", "newName", "Salutation"));
            String greeter = JobTestSupport.DIR + "/Greeter.java";
            String salutation = JobTestSupport.DIR + "/Salutation.java";
            JsonPath r = fx.api(t.viewer()).get(refactors(t) + "/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(salutation, r.getString("proposal.files.find { it.path == '" + greeter + "' }.movedTo"));
            assertEquals(null, r.getString("proposal.files.find { it.path == '" + JobTestSupport.DIR + "/App.java' }.movedTo"));
            assertTrue(r.getString("proposal.files.find { it.path == '" + greeter + "' }.diff").contains("+++ b/" + salutation));
            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/repos/app/refactors/" + id).then().statusCode(200)
                    .extract().response());
            assertTrue(page.select(".file-diff .file-move").text().contains("moves to " + salutation), page.select(".file-diff h3").text());

            String sha = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200)
                    .body("files", org.hamcrest.Matchers.hasItem(salutation)).extract().path("commitSha");
            try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository())) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
                assertTrue(read(origin, commit, salutation).contains("public class Salutation {"));
                try (TreeWalk gone = TreeWalk.forPath(origin.getRepository(), greeter, commit.getTree())) {
                    assertEquals(null, gone, "the old file is gone");
                }
                assertTrue(read(origin, commit, JobTestSupport.DIR + "/App.java").contains("Salutation"));
            }

            String taken = fx.api(t.member()).body(Map.of("symbol", "Greeter", "newName", "App")).post(refactors(t)).then().statusCode(202)
                    .extract().path("id");
            RefactorJob job = jobs.awaitRefactor(UUID.fromString(taken));
            assertEquals(JobStatus.FAILED, job.status);
            assertEquals("Renaming Greeter moves " + greeter + " to " + JobTestSupport.DIR + "/App.java, which exists already.", job.error);
        }
    }

    @Test
    void aStaleProposalIsRefusedAndARerunAppliesOnTheNewBase() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = jobs.synced(t, git);
            String id = propose(t, Map.of("symbol", "greet", "newName", "hello", "path", JobTestSupport.DIR));
            // Another commit that leaves the touched files alone keeps the proposal applicable...
            git.commit("docs", "CHANGES.md", "one\n");
            // ...but one that changes Greeter.java on the default branch makes it stale.
            git.commit("tweak", JobTestSupport.DIR + "/Greeter.java", JobTestSupport.GREETER.replace("\", \"", "\": \""));
            assertEquals(SyncStatus.SUCCESS, repos.sync(repo).status);

            fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(409)
                    .body("error", containsString("stale")).body("details.stale", equalTo(true))
                    .body("details.files", equalTo(List.of(JobTestSupport.DIR + "/Greeter.java")));

            fx.api(t.member()).post(refactors(t) + "/" + id + "/rerun").then().statusCode(202).body("status", equalTo("QUEUED"));
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(id)).status);
            String sha = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200)
                    .body("branch", equalTo("refactor/greet-to-hello")).extract().path("commitSha");
            try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository())) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
                String greeter = read(origin, commit, JobTestSupport.DIR + "/Greeter.java");
                assertTrue(greeter.contains("prefix + \": \" + format(name)") && greeter.contains("public String hello("), greeter);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRenameThatFindsNothingFailsWithTheReasonAndBadInputIsRefused() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = fx.api(t.member()).body(Map.of("symbol", "farewell", "newName", "bye")).post(refactors(t)).then().statusCode(202)
                    .extract().path("id");
            RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
            assertEquals(JobStatus.FAILED, job.status);
            assertTrue(job.error.startsWith("No reference to farewell in the repository"), job.error);
            fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(409);

            fx.api(t.member()).body(Map.of("symbol", "1x", "newName", "class", "path", "../etc")).post(refactors(t)).then().statusCode(422)
                    .body("details.symbol", containsString("A symbol is a name")).body("details.newName", equalTo("'class' is a Java keyword"))
                    .body("details.path", equalTo("Not a path inside the repository"));
            fx.api(t.reviewer()).body(Map.of("symbol", "greet", "newName", "hi")).post(refactors(t)).then().statusCode(403);
            fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "hi"))
                    .post("/api/v1/projects/" + t.slug() + "/repos/nope/refactors").then().statusCode(404);
        }
    }

    @Test
    void aTokenInTheOriginUrlIsNotShownInThePushMessages() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = jobs.synced(t, git);
            String id = propose(t, Map.of("symbol", "greet", "newName", "salute"));
            // The origin moved to a host reached with a token in its URL (Specboard holds no credentials for it).
            QuarkusTransaction.requiringNew().run(() -> Repo.<Repo>findById(repo.id).gitUrl =
                    "https://oauth2:glpat-SECRET123@git.invalid/team/app.git");

            fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200).body("pushed", equalTo(false));

            String api = fx.api(t.viewer()).get(refactors(t) + "/" + id).then().statusCode(200)
                    .body("appliedChanges.pushError", containsString("https://oauth2:***@git.invalid/team/app.git")).extract().asString();
            assertFalse(api.contains("glpat-SECRET123"), api);
            Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/repos/app/refactors/" + id)
                    .then().statusCode(200).extract().response());
            String applied = page.getElementById("refactor-applied").text();
            assertTrue(applied.contains("oauth2:***@git.invalid"), applied);
            assertFalse(page.html().contains("glpat-SECRET123"), applied);
        }
    }

    /**
     * Applies and reruns at the same moment: one apply wins and the others are 409, a rerun never wipes out an apply
     * (both read the job under its row lock, not the copy loaded before it), and the origin gets one branch for the one apply.
     */
    @Test
    void applyingAtOnceAppliesOnceAndARerunBesideItNeverLosesTheApply() throws Exception {
        TestData.Team t = data.team();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = propose(t, Map.of("symbol", "greet", "newName", "hello"));
            List<Integer> applies = all(pool, 4, () -> fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").statusCode());
            assertEquals(List.of(200, 409, 409, 409), applies.stream().sorted().toList());
            assertEquals(List.of("refactor/greet-to-hello"), refactorBranches(git));
            fx.api(t.member()).get(refactors(t) + "/" + id).then().body("appliedChanges.branch", equalTo("refactor/greet-to-hello"));

            String other = propose(t, Map.of("symbol", "format", "newName", "shape"));
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> apply = pool.submit(() -> {
                go.await();
                return fx.api(t.member()).post(refactors(t) + "/" + other + "/apply").statusCode();
            });
            Future<Integer> rerun = pool.submit(() -> {
                go.await();
                return fx.api(t.member()).post(refactors(t) + "/" + other + "/rerun").statusCode();
            });
            go.countDown();
            int applied = apply.get(60, TimeUnit.SECONDS);
            int reran = rerun.get(60, TimeUnit.SECONDS);
            jobs.awaitRefactor(UUID.fromString(other));
            String appliedBranch = fx.api(t.member()).get(refactors(t) + "/" + other).then().statusCode(200).extract().path("appliedChanges.branch");
            if (applied == 200) {
                assertEquals("refactor/format-to-shape", appliedBranch, "the apply's record survives the rerun beside it (" + reran + ")");
            } else {
                assertEquals(List.of(409, 202), List.of(applied, reran), "the rerun came first: the apply found no proposal");
                assertEquals(null, appliedBranch);
            }
            assertEquals(applied == 200 ? List.of("refactor/format-to-shape", "refactor/greet-to-hello") : List.of("refactor/greet-to-hello"),
                    refactorBranches(git), "one branch for each apply that answered 200");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two refactors of the same rename applied at the same moment: both are applied, each on its own branch (the one
     * that lost the race for the name takes the next number), where the loser answered 500 before.
     */
    @Test
    void twoRefactorsOfTheSameRenameAppliedAtOnceEachGetTheirOwnBranch() throws Exception {
        TestData.Team t = data.team();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String first = propose(t, Map.of("symbol", "greet", "newName", "salute"));
            String second = propose(t, Map.of("symbol", "greet", "newName", "salute"));
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> applies = all(pool, 2, () -> fx.api(t.member())
                    .post(refactors(t) + "/" + (turn.getAndIncrement() == 0 ? first : second) + "/apply").statusCode());
            assertEquals(List.of(200, 200), applies, "both applies succeed");
            String a = fx.api(t.member()).get(refactors(t) + "/" + first).then().extract().path("appliedChanges.branch");
            String b = fx.api(t.member()).get(refactors(t) + "/" + second).then().extract().path("appliedChanges.branch");
            assertEquals(List.of("refactor/greet-to-salute", "refactor/greet-to-salute-2"), java.util.stream.Stream.of(a, b).sorted().toList());
            assertEquals(List.of("refactor/greet-to-salute", "refactor/greet-to-salute-2"), refactorBranches(git));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> all(ExecutorService pool, int n, java.util.concurrent.Callable<Integer> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<Integer> answers = new java.util.ArrayList<>();
        for (Future<Integer> f : calls) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static List<String> refactorBranches(GitFixture git) throws IOException {
        try (Git origin = Git.open(git.dir.toFile())) {
            return origin.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/refactor/").stream()
                    .map(r -> r.getName().substring("refs/heads/".length())).sorted().toList();
        }
    }

    private static String read(Git git, RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
            return new String(git.getRepository().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
