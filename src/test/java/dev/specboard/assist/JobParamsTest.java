package dev.specboard.assist;

import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's parameters are what it does: one it does not read is refused by name (a misspelt {@code pth} outlined the whole
 * repository, a misspelt {@code threadID} opened a new thread), whatever its value, and a line is a whole number (1.5
 * was line 1; a value of the wrong JSON type is 400 naming {@code params.lineStart}, as a typed field of any other body
 * is). Each refusal is keyed by the parameter's path in the body ({@code params.lineEnd}), as its message names it.
 */
@QuarkusTest
class JobParamsTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    JobTestSupport jobs;

    private static final String FILE = JobTestSupport.DIR + "/App.java";

    @Test
    void parametersAJobDoesNotReadAndLinesThatAreNotWholeNumbersAreRefusedByName() {
        try (GitFixture git = GitFixture.create()) {
            TestData.Team t = jobs.syncedTeam(git);
            String url = "/api/v1/projects/" + t.slug() + "/jobs";
            long before = QuarkusTransaction.requiringNew().call(() -> AiJob.count("projectId", t.project().id));

            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "pth", "src"))).post(url).then().statusCode(422)
                    .body("details.'params.pth'", containsString("repo, path, componentId"));
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", 1,
                    "threadID", "x"))).post(url).then().statusCode(422).body("details.'params.threadID'", containsString("threadId"));
            // One unknown parameter, one answer whatever its value: a number was 400 "must be a text", a text 422.
            for (Object value : new Object[] {1, "x", true, Map.of("a", 1), java.util.List.of(1)}) {
                fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", "Foo.java", "evil", value)))
                        .post(url).then().statusCode(422)
                        .body("details.'params.evil'", equalTo("A DOCS job has no parameter evil; it takes repo, path, componentId"))
                        .body("details.size()", equalTo(1));
            }
            // Made-up parameters by the thousand are refused in a short answer: the first 20 named, the rest counted.
            Map<String, Object> many = new java.util.LinkedHashMap<>();
            many.put("repo", "app");
            for (int i = 0; i < 5000; i++) {
                many.put("made" + i, "x");
            }
            String refused = fx.api(t.member()).body(Map.of("type", "DOCS", "params", many)).post(url).then().statusCode(422)
                    .body("details.'params.made0'", containsString("no parameter made0"))
                    .body("details.size()", equalTo(21)).body("details.'and 4980 more'", containsString("first 20"))
                    .body("error", containsString("and 4980 more")).extract().asString();
            assertTrue(refused.length() < 5000, refused);
            // The role comes first: a reviewer may not outline, whatever the parameters say.
            fx.api(t.reviewer()).body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "evil", 1))).post(url).then().statusCode(403);
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", "x",
                    "evil", 2))).post(url).then().statusCode(422).body("details.'params.evil'", containsString("no parameter evil"));
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", 1.5,
                    "lineEnd", 2))).post(url).then().statusCode(400).body("error", equalTo("The field params.lineStart must be a whole number"))
                    .body("details.'params.lineStart'", equalTo("must be a whole number"));
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", 1,
                    "lineEnd", "three"))).post(url).then().statusCode(400).body("details.'params.lineEnd'", equalTo("must be a whole number"));
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", Map.of("a", 1), "lineStart", true)))
                    .post(url).then().statusCode(400).body("details.'params.path'", equalTo("must be a text"))
                    .body("details.'params.lineStart'", equalTo("must be a whole number"));
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repo", 7))).post(url).then().statusCode(400)
                    .body("details.'params.repo'", equalTo("must be a text"));
            // A whole number past Java's range is 422 "is too large", as the thread's lineStart and any other body's number field.
            // Sent as text: the error names the first problem in the body's order, which a Map.of body leaves to chance.
            fx.api(t.reviewer()).body("{\"type\":\"EXPLANATION\",\"params\":{\"repo\":\"app\",\"path\":\"" + FILE
                    + "\",\"lineStart\":4294967297,\"lineEnd\":4294967298}}").post(url).then().statusCode(422)
                    .body("error", equalTo("The field params.lineStart is too large"))
                    .body("details.'params.lineStart'", equalTo("is too large"));
            for (String huge : new String[] {"2147483648", "1e999", "-1e999"}) {
                fx.api(t.reviewer()).body("{\"type\":\"EXPLANATION\",\"params\":{\"repo\":\"app\",\"path\":\"" + FILE + "\",\"lineStart\":1,"
                        + "\"lineEnd\":" + huge + "}}").post(url).then().statusCode(422)
                        .body("details.'params.lineEnd'", equalTo(huge.startsWith("-") ? "is too small" : "is too large"));
                // The thread's lines answer the same.
                fx.api(t.reviewer()).body("{\"path\":\"" + FILE + "\",\"lineStart\":1,\"lineEnd\":" + huge + ",\"body\":\"x\"}")
                        .post("/api/v1/projects/" + t.slug() + "/repos/app/threads").then().statusCode(422)
                        .body("details.lineEnd", equalTo(huge.startsWith("-") ? "is too small" : "is too large"));
            }
            // A line number sent as a text is refused, as the thread's and the MCP tools' are (it was queued here alone).
            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", "2",
                    "lineEnd", 3))).post(url).then().statusCode(400).body("error", equalTo("The field params.lineStart must be a whole number"))
                    .body("details.'params.lineStart'", equalTo("must be a whole number"));
            fx.api(t.reviewer()).body("{\"path\":\"" + FILE + "\",\"lineStart\":\"2\",\"lineEnd\":3,\"body\":\"x\"}")
                    .post("/api/v1/projects/" + t.slug() + "/repos/app/threads").then().statusCode(400)
                    .body("details.lineStart", equalTo("must be a whole number"));
            assertEquals(before, QuarkusTransaction.requiringNew().call(() -> AiJob.count("projectId", t.project().id)), "no job was queued");

            fx.api(t.reviewer()).body(Map.of("type", "EXPLANATION", "params", Map.of("repo", "app", "path", FILE, "lineStart", 2.0,
                    "lineEnd", 3))).post(url).then().statusCode(202);
            // repository, the name the MCP tools use, is taken for repo; both at once say nothing clear and are refused.
            String id = fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repository", "app", "path", JobTestSupport.DIR)))
                    .post(url).then().statusCode(202).extract().path("id");
            fx.api(t.viewer()).get(url + "/" + id).then().statusCode(200).body("params.repo", equalTo("app"));
            fx.api(t.member()).body(Map.of("type", "DOCS", "params", Map.of("repository", "app", "repo", "app"))).post(url).then().statusCode(422)
                    .body("details.'params.repository'", containsString("not both"));
            String token = fx.token(t.member());
            String session = Mcp.initialize(token);
            assertTrue(Mcp.answer(token, session, "create_docs_job", false, "project", t.slug(), "repository", "app", "path", JobTestSupport.DIR)
                    .contains("QUEUED"), "the tool names only parameters the job reads");
        }
    }
}
