package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renames follow what a name refers to, not the name: a method's rename leaves a local of that name alone, a field's
 * leaves the parameter that shadows it, and a name the repository does not declare (java.lang.String) is refused.
 */
@QuarkusTest
class RefactorReferencesTest {

    private static final String DIR = "src/main/java/shop";

    private static final String GREETER = """
            package shop;

            public class Greeter {
                private String name;

                public Greeter(String name) {
                    this.name = name;
                }

                public void setName(String name) {
                    this.name = name;
                }

                public String greet() {
                    return "Hello " + name;
                }
            }
            """;

    private static final String COUNTER = """
            package shop;

            public class Counter {
                int count(Greeter g) {
                    int greet = 2;
                    g.greet();
                    return greet + 1;
                }
            }
            """;

    private static final String NOT_DECLARED = "No class, interface, enum, record, method or field named 'String' is declared in app's Java files";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private Repo synced(TestData.Team t, GitFixture git) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DIR + "/Greeter.java", GREETER);
        files.put(DIR + "/Counter.java", COUNTER);
        files.put("README.md", "# Shop\n\nWe greet everyone.\n");
        git.commit("Greeter and Counter", files);
        Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
        assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
        return repo;
    }

    private static String refactors(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/repos/app/refactors";
    }

    private String appliedFile(TestData.Team t, GitFixture git, Map<String, Object> body, String path) throws IOException {
        String id = fx.api(t.member()).body(body).post(refactors(t)).then().statusCode(202).extract().path("id");
        RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
        assertEquals(JobStatus.SUCCESS, job.status, job.error);
        String sha = fx.api(t.member()).post(refactors(t) + "/" + id + "/apply").then().statusCode(200).extract().path("commitSha");
        try (Git origin = Git.open(git.dir.toFile()); RevWalk walk = new RevWalk(origin.getRepository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            try (TreeWalk tw = TreeWalk.forPath(origin.getRepository(), path, commit.getTree())) {
                return new String(origin.getRepository().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void renamingAMethodToANonAsciiNameLeavesALocalOfTheSameNameAlone() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            synced(t, git);
            String counter = appliedFile(t, git, Map.of("symbol", "greet", "newName", "Welcomér"), DIR + "/Counter.java");
            assertEquals(COUNTER.replace("g.greet();", "g.Welcomér();"), counter, "the local int greet keeps its name");
        }
    }

    @Test
    void renamingAFieldLeavesTheParameterThatShadowsIt() throws IOException {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            synced(t, git);
            String greeter = appliedFile(t, git, Map.of("symbol", "name", "newName", "label"), DIR + "/Greeter.java");
            assertEquals(GREETER.replace("private String name;", "private String label;").replace("this.name = name;", "this.label = name;")
                    .replace("\"Hello \" + name", "\"Hello \" + label"), greeter);
        }
    }

    @Test
    void aNameTheRepositoryDoesNotDeclareOrDeclaresOnlyAsLocalsIsRefusedInTheApiTheFormAndMcp() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Repo repo = synced(t, git);
            fx.api(t.member()).body(Map.of("symbol", "String", "newName", "Text")).post(refactors(t)).then().statusCode(422)
                    .body("details.symbol", containsString(NOT_DECLARED));
            // Declared elsewhere in the repository counts when the rename is narrowed to a folder or file.
            String narrowed = fx.api(t.member()).body(Map.of("symbol", "Greeter", "newName", "Host", "path", DIR + "/Counter.java"))
                    .post(refactors(t)).then().statusCode(202).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(narrowed)).status);
            fx.api(t.member()).body(Map.of("symbol", "g", "newName", "greeter")).post(refactors(t)).then().statusCode(422)
                    .body("details.symbol", containsString("only as local variables or parameters"));
            // Words the Java code does not use stay whole-word renames elsewhere, as before.
            String words = fx.api(t.member()).body(Map.of("symbol", "everyone", "newName", "all", "includeStringsAndComments", true))
                    .post(refactors(t)).then().statusCode(202).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.awaitRefactor(UUID.fromString(words)).status);

            Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                    .formParam("symbol", "String").formParam("newName", "Text").formParam("path", DIR)
                    .post("/projects/" + t.slug() + "/repos/app/refactors");
            assertEquals(422, r.statusCode(), r.asString());
            Document d = Web.html(r);
            assertTrue(d.getElementById("e-symbol").text().startsWith(NOT_DECLARED), d.getElementById("e-symbol").text());
            assertEquals("String", d.getElementById("f-symbol").val());
            assertEquals("Text", d.getElementById("f-newName").val());
            assertEquals(DIR, d.getElementById("f-path").val());

            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            Mcp.callTool(token, session, "create_refactor", "{\"project\":\"" + t.slug() + "\",\"repository\":\"app\","
                    + "\"symbol\":\"String\",\"newName\":\"Text\"}").then().statusCode(200)
                    .body("result.isError", equalTo(true)).body("result.content[0].text", containsString(NOT_DECLARED));

            fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "x".repeat(300))).post(refactors(t)).then().statusCode(422)
                    .body("details.newName", containsString("at most 100 characters"));
            assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> RefactorJob.count("repositoryId", repo.id)),
                    "only the two accepted renames were queued");
        }
    }

    /** The proposal's JSON for a rename with strings and comments: code by reference, the rest by whole words. */
    @Test
    void stringsAndCommentsAreAddedToTheReferencesNotToLocals() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            synced(t, git);
            String id = fx.api(t.member()).body(Map.of("symbol", "greet", "newName", "hail", "includeStringsAndComments", true))
                    .post(refactors(t)).then().statusCode(202).extract().path("id");
            RefactorJob job = jobs.awaitRefactor(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            JsonPath p = fx.api(t.member()).get(refactors(t) + "/" + id).then().statusCode(200).extract().jsonPath();
            String counterDiff = p.getString("proposal.files.find { it.path == '" + DIR + "/Counter.java' }.diff");
            assertTrue(counterDiff.contains("+        g.hail();") && !counterDiff.contains("int hail"), counterDiff);
            assertEquals(List.of("README.md", DIR + "/Counter.java", DIR + "/Greeter.java"), p.getList("proposal.files.path").stream().sorted().toList());
        }
    }
}
