package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.review.Comment;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An explanation asked on a review thread explains the thread's lines: other lines, another file or repository are refused. */
@QuarkusTest
class ExplanationThreadAnchorTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    @Test
    void paramsThatDisagreeWithTheThreadAre422OnTheApiAndMcpAndNothingIsPosted() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String base = "/api/v1/projects/" + t.slug();
            String path = JobTestSupport.DIR + "/App.java";
            String thread = fx.api(t.reviewer()).body(Map.of("path", path, "lineStart", 9, "lineEnd", 11, "body", "What does this loop do?"))
                    .post(base + "/repos/app/threads").then().statusCode(201).extract().path("id");

            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", "README.md", "lineStart", 1,
                            "lineEnd", 1, "threadId", thread))).post(base + "/jobs").then().statusCode(422)
                    .body("details.'params.path'", equalTo("The thread is on " + path + "; leave path out or give " + path))
                    .body("details.'params.lineStart'", equalTo("The thread starts at line 9; leave lineStart out or give 9"))
                    .body("details.'params.lineEnd'", equalTo("The thread ends at line 11; leave lineEnd out or give 11"))
                    .body("details.'params.threadId'", startsWith("The thread is on " + path + " lines 9–11 in app"))
                    .body("details.'params.repo'", nullValue());
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("path", path, "lineStart", 9, "lineEnd", 10,
                    "threadId", thread))).post(base + "/jobs").then().statusCode(422)
                    .body("details.'params.lineEnd'", equalTo("The thread ends at line 11; leave lineEnd out or give 11"))
                    .body("details.'params.path'", nullValue()).body("details.'params.lineStart'", nullValue());
            // A thread of another project is a mistake in the body, named by its path as any other (it was 404 "No such thread").
            try (GitFixture otherGit = GitFixture.create()) {
                TestData.Team other = jobs.syncedTeam(otherGit);
                String elsewhere = fx.api(other.reviewer()).body(Map.of("path", path, "lineStart", 9, "lineEnd", 11, "body", "Elsewhere"))
                        .post("/api/v1/projects/" + other.slug() + "/repos/app/threads").then().statusCode(201).extract().path("id");
                fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("threadId", elsewhere))).post(base + "/jobs")
                        .then().statusCode(422).body("details.'params.threadId'", startsWith("No review thread " + elsewhere));
            }

            String token = fx.token(t.reviewer());
            String session = Mcp.initialize(token);
            String refused = Mcp.answer(token, session, "create_explanation_job", true, "project", t.slug(), "repository", "app",
                    "path", "README.md", "lineStart", 1, "lineEnd", 1, "threadId", thread);
            assertTrue(refused.contains("leave path out or give " + path), refused);
            fx.api(t.reviewer()).get(base + "/jobs").then().statusCode(200).body("size()", equalTo(0));

            // The thread's own lines, named or left out, are explained on it.
            String id = fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", path, "lineStart", 9,
                    "threadId", thread))).post(base + "/jobs").then().statusCode(202).extract().path("id");
            AiJob job = jobs.await(UUID.fromString(id));
            assertEquals(JobStatus.SUCCESS, job.status, job.error);
            assertEquals(11, ((Number) job.params.get("lineEnd")).intValue());
            Comment answer = QuarkusTransaction.requiringNew().call(() ->
                    Comment.<Comment>list("threadId = ?1 order by createdAt", UUID.fromString(thread)).get(1));
            assertTrue(answer.body.startsWith("**Assistant** · explanation of `" + path + "` lines 9–11"), answer.body);
        }
    }
}
