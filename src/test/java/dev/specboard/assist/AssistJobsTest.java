package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.review.Comment;
import dev.specboard.review.CommentThread;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOCS and EXPLANATION jobs through the API on a real repository, run by the real background worker, no model configured. */
@QuarkusTest
class AssistJobsTest {

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    /** A spec whose one task is assigned Greeter.java. */
    private void specTouchingGreeter(TestData.Team t) {
        fx.api(t.lead()).body(Map.of("title", "Greetings", "specType", "hierarchical", "overview", "Say hello",
                        "phases", List.of(Map.of("name", "greeter", "description", "The greeter", "hours", 2, "content", "Write it",
                                "assignedFiles", List.of(JobTestSupport.DIR + "/Greeter.java")))))
                .post(base(t) + "/specs").then().statusCode(201);
    }

    @Test
    void docsJobOutlinesAJavaFolderWithCallsComponentAndTasks() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String componentId = fx.api(t.member()).body(Map.of("name", "Greeting", "type", "other", "filePath", JobTestSupport.DIR))
                    .post(base(t) + "/components").then().statusCode(201).extract().path("id");
            specTouchingGreeter(t);

            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", JobTestSupport.DIR)))
                    .post(base(t) + "/jobs").then().statusCode(202).body("status", equalTo("QUEUED")).extract().path("id");
            assertEquals(JobStatus.SUCCESS, jobs.await(UUID.fromString(id)).status);

            JsonPath r = fx.api(t.viewer()).get(base(t) + "/jobs/" + id).then().statusCode(200)
                    .body("status", equalTo("SUCCESS")).body("progress.step", equalTo(5)).body("progress.percent", equalTo(100))
                    .extract().jsonPath();
            assertEquals(List.of(JobTestSupport.DIR + "/App.java", JobTestSupport.DIR + "/Greeter.java", JobTestSupport.DIR + "/Registry.java"),
                    r.getList("result.files.path"));
            Map<String, Object> greeter = r.getMap("result.files.find { it.path.endsWith('Greeter.java') }.declarations[0]");
            assertEquals("class", greeter.get("kind"));
            assertEquals("public class Greeter", greeter.get("signature"));
            assertEquals("Greets people by name.", greeter.get("doc"));
            List<String> members = r.getList("result.files.find { it.path.endsWith('Greeter.java') }.declarations[0].members.signature");
            assertEquals(List.of("public Greeter(String prefix)", "public String greet(String name)"), members,
                    "public members only: the private field and the package-private format() are left out");
            assertEquals("The greeting for one person.",
                    r.getString("result.files.find { it.path.endsWith('Greeter.java') }.declarations[0].members[1].doc"));
            assertEquals("JavaParser", r.getString("result.files[0].parser"));
            List<String> calls = r.getList("result.calls.collect { it.from + ' -> ' + it.to }");
            assertTrue(calls.containsAll(List.of("App.main -> Greeter", "App.main -> Greeter.greet", "Greeter.greet -> Greeter.format",
                    "Registry.greetAll -> Greeter.greet")), calls.toString());
            assertFalse(calls.contains("App.main -> App.main"));
            assertEquals(componentId, r.getString("result.components[0].id"));
            assertEquals(true, r.getBoolean("result.components[0].owner"));
            assertEquals(List.of("TASK-1-1"), r.getList("result.tasks.key"));
            String markdown = r.getString("result.markdown");
            assertTrue(markdown.contains("- `public String greet(String name)` — The greeting for one person."), markdown);
            assertTrue(markdown.contains("Component: **Greeting** (no design doc yet)"), markdown);
            assertNull(r.get("result.draft"), "no model is configured: no draft");
        }
    }

    @Test
    void explanationAnswersOnTheThreadAsTheAssistantWithDefinitionsBlameAndTask() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            String sha = JobTestSupport.commitApp(git);
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
            specTouchingGreeter(t);
            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
            fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/start").then().statusCode(200);
            fx.api(t.member()).body(Map.of("commitSha", sha)).post(base(t) + "/tasks/TASK-1-1/complete").then().statusCode(200);
            String thread = fx.api(t.reviewer()).body(Map.of("path", JobTestSupport.DIR + "/App.java", "lineStart", 9, "lineEnd", 11,
                    "body", "What does this loop do?")).post(base(t) + "/repos/app/threads").then().statusCode(201).extract().path("id");
            fx.api(t.member()).body(Map.of("body", "I wonder too")).post(base(t) + "/threads/" + thread + "/comments").then().statusCode(201);

            String id = fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("threadId", thread)))
                    .post(base(t) + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);

            JsonPath r = fx.api(t.viewer()).get(base(t) + "/jobs/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(thread, r.getString("result.threadId"));
            assertEquals(List.of("greeter", "name"), r.getList("result.declares.name"));
            assertEquals(JobTestSupport.DIR + "/Greeter.java", r.getString("result.uses.find { it.name == 'greet' }.definitions[0].path"));
            assertEquals(14, r.getInt("result.uses.find { it.name == 'greet' }.definitions[0].line"));
            assertEquals(4, r.getInt("result.uses.find { it.name == 'Greeter' }.definitions[0].line"));
            assertEquals(sha, r.getString("result.commits[0].sha"));
            assertEquals(List.of(9, 10, 11), r.getList("result.commits[0].lines"));
            assertEquals("TASK-1-1", r.getString("result.commits[0].taskKey"));
            assertEquals(thread, r.getString("result.threads[0].id"));

            List<Comment> comments = QuarkusTransaction.requiringNew().call(() ->
                    Comment.<Comment>list("threadId = ?1 order by createdAt", UUID.fromString(thread)));
            assertEquals(3, comments.size());
            Comment answer = comments.get(2);
            assertEquals(Comment.AuthorType.AI, answer.authorType);
            // The member who took part hears that the assistant answered, not that the reviewer replied.
            fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                    .body("findAll { it.type == 'thread_reply' }.payload.message", org.hamcrest.Matchers.contains(
                            "The assistant answered in a thread you took part in"));
            assertEquals(t.reviewer().id, answer.authorId, "the assistant answers for the person who asked");
            assertTrue(answer.body.startsWith("**Assistant** · explanation of `" + JobTestSupport.DIR + "/App.java` lines 9–11"), answer.body);
            assertTrue(answer.body.contains("[" + JobTestSupport.DIR + "/Greeter.java:14](/projects/" + t.slug() + "/repos/app/blob/"
                    + JobTestSupport.DIR + "/Greeter.java#L14)"), answer.body);
            assertTrue(answer.body.contains("the commit of task TASK-1-1"), answer.body);
            assertEquals(r.getString("result.commentId"), answer.id.toString());
        }
    }

    @Test
    void explanationWithoutAThreadOpensOneOnTheLines() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            String id = fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", "scripts/hello.py",
                    "lineStart", 1, "lineEnd", 3))).post(base(t) + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            CommentThread thread = QuarkusTransaction.requiringNew().call(() -> CommentThread.<CommentThread>findById(
                    UUID.fromString((String) job.result.get("threadId"))));
            assertEquals("scripts/hello.py", thread.filePath);
            assertEquals(1, thread.lineStart);
            assertEquals(3, thread.lineEnd);
            assertEquals("plain outline", job.result.get("parser"));
            assertEquals(List.of("say_hello"), ((List<?>) job.result.get("declares")).stream().map(d -> ((Map<?, ?>) d).get("name")).toList());
        }
    }

    @Test
    void badParametersAnswer422NamingEachFieldAndViewersAreRefused() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            jobs.synced(t, git);
            fx.api(t.member()).body(Map.of("type", "POEM", "params", Map.of())).post(base(t) + "/jobs").then().statusCode(422)
                    .body("details.type", equalTo("DOCS or EXPLANATION"));
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", "nope"))).post(base(t) + "/jobs")
                    .then().statusCode(422).body("details.'params.path'", equalTo("No file or folder nope in app"));
            for (String outside : List.of("../x", "a/../../etc", "./README.md")) {
                // A path that leaves the tree is a parameter the job cannot use, as an unknown one is: 422, not a bare 404.
                fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", outside))).post(base(t) + "/jobs")
                        .then().statusCode(422).body("details.'params.path'", equalTo("Not a path inside the repository"));
                fx.api(t.member()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", outside, "lineStart", 1)))
                        .post(base(t) + "/jobs").then().statusCode(422).body("details.'params.path'", equalTo("Not a path inside the repository"));
            }
            fx.api(t.member()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", "README.md", "lineStart", 9)))
                    .post(base(t) + "/jobs").then().statusCode(422).body("details.'params.lineStart'", equalTo("Choose a line between 1 and 3"));
            fx.api(t.member()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", "README.md", "lineStart", "x")))
                    .post(base(t) + "/jobs").then().statusCode(400).body("details.'params.lineStart'", equalTo("must be a whole number"));
            fx.api(t.viewer()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app"))).post(base(t) + "/jobs").then().statusCode(403);
            fx.api(t.reviewer()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app"))).post(base(t) + "/jobs").then().statusCode(403);
            fx.api(t.member()).get(base(t) + "/jobs/" + UUID.randomUUID()).then().statusCode(404);
        }
    }
}
