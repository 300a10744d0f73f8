package dev.specboard.plan;

import dev.specboard.repo.GitFixture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed and edge inputs to plans, their chat and search, over the pages, the API and MCP: each refused or answered, none a 500. */
@QuarkusTest
class PlanEdgeInputTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Test
    void edgeInputsAreRefusedOrAnsweredNeverFailed() {
        TestData.Team t = data.team();
        List<String> failures = new ArrayList<>();
        try (GitFixture git = GitFixture.create()) {
            PlanFixtures.ApiPlan made = fixtures.apiPlan(t, git, "Edges", "main");
            String token = made.token();
            String api = made.api();
            String plan = made.id();
            String page = "/projects/" + t.slug() + "/plans/" + plan;

            String deep = "[".repeat(1500) + "]".repeat(1500);
            for (String body : List.of("{\"artifactType\":\"feature_plan\",\"content\":" + jsonString("{\"summary\":" + deep + "}") + "}",
                    "{\"artifactType\":\"feature_plan\",\"content\":{\"summary\":" + "[".repeat(900) + "]".repeat(900) + "}}",
                    "{\"artifactType\":\"feature_plan\",\"content\":\"\\\"just text\\\"\"}",
                    "{\"artifactType\":\"feature_plan\",\"content\":{\"summary\":\"x\"},\"version\":2147483648}",
                    "{\"artifactType\":\"feature_plan\",\"content\":{\"summary\":\"x\"},\"version\":-1}",
                    "{\"artifactType\":\"FEATURE_PLAN\",\"content\":{\"summary\":\"x\",\"goals\":[1e400]}}",
                    "{\"artifactType\":[],\"content\":{}}")) {
                record(failures, "artifact " + body.substring(0, Math.min(90, body.length())),
                        RestAssured.given().auth().oauth2(token).contentType("application/json").body(body).post(api + "/plans/" + plan + "/artifacts"));
            }
            for (String body : List.of("{\"name\":\"" + "n".repeat(300) + "\",\"targetBranch\":\"main\"}", "{\"name\":\"x\",\"targetBranch\":\"../../etc\"}",
                    "{\"name\":\"x y\",\"targetBranch\":\"" + "b".repeat(300) + "\"}", "{\"name\":\"Edges\",\"targetBranch\":\"main\"}")) {
                record(failures, "plan " + body.substring(0, Math.min(60, body.length())),
                        RestAssured.given().auth().oauth2(token).contentType("application/json").body(body).post(api + "/repos/shop/plans"));
            }
            for (String body : List.of("{\"content\":5}", "{\"content\":\"\u200b\"}", "{\"content\":[\"a\"]}", "{\"status\":\"active\"}")) {
                record(failures, "chat " + body, RestAssured.given().auth().oauth2(token).contentType("application/json").body(body)
                        .post(api + "/plans/" + plan + "/chat"));
            }
            for (String q : List.of("\\", "'", ":*", "<->", "!!", "a & | b", "(", "\"", "-", "x".repeat(600), "%00", "\u00e9t\u00e9 caf\u00e9")) {
                record(failures, "api search " + q, RestAssured.given().auth().oauth2(token).queryParam("q", q).get(api + "/search"));
                record(failures, "page search " + q, Web.as(t.member()).queryParam("q", q).queryParam("kind", "plan").get("/projects/" + t.slug() + "/search"));
            }
            record(failures, "api search limit 0", RestAssured.given().auth().oauth2(token).get(api + "/search?q=x&limit=0"));
            for (String query : List.of("?version=999", "?version=0", "?version=-1", "?edit=bogus", "?edit=", "?edit=feature_plan&version=1")) {
                record(failures, "page " + query, Web.as(t.member()).get(page + query));
            }
            for (String query : List.of("?from=1&to=999", "?from=999", "?from=-3&to=0", "?from=1&to=1")) {
                record(failures, "compare " + query, Web.as(t.member()).get(page + "/compare" + query));
            }
            record(failures, "page artifact long type", Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                    .formParam("artifactType", "x".repeat(5000)).formParam("content", "{}").post(page + "/artifacts"));
            record(failures, "page artifact version", Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                    .formParam("artifactType", "feature_plan").formParam("content", "{\"summary\":\"s\"}").formParam("version", "99999999999").post(page + "/artifacts"));
            record(failures, "page status", Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("status", "").post(page + "/status"));
            record(failures, "page chat", Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("content", "x".repeat(30000))
                    .post(page + "/chat"));

            String session = Mcp.initialize(token);
            for (String args : List.of("{\"project\":\"" + t.slug() + "\",\"planId\":\"" + plan + "\",\"artifactType\":\"feature_plan\",\"content\":null}",
                    "{\"project\":\"" + t.slug() + "\",\"planId\":\"" + plan + "\",\"artifactType\":\"feature_plan\",\"content\":true}",
                    "{\"project\":\"" + t.slug() + "\",\"planId\":\"" + plan + "\",\"artifactType\":\"feature_plan\"}")) {
                Response r = Mcp.callTool(token, session, "add_plan_artifact", args);
                String text = r.path("result.content[0].text");
                if (r.statusCode() != 200 || text == null || text.contains("went wrong") || !Boolean.TRUE.equals(r.path("result.isError"))) {
                    failures.add("mcp " + args + " → " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aTargetBranchGitWouldRefuseIsRefusedOnTheApiAndThePage() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            PlanFixtures.ApiPlan made = fixtures.apiPlan(t, git, "Branches", "release/2.0");
            String token = made.token();
            String api = made.api();
            String plan = made.id();
            for (String branch : List.of("..", ".", "-main", "main.lock", "/main", "a//b", "main/", "a..b", "x/.hidden")) {
                Response created = RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(Map.of("name", "Bad " + branch, "targetBranch", branch)).post(api + "/repos/shop/plans");
                assertEquals(422, created.statusCode(), branch + " " + created.asString());
                assertTrue(created.jsonPath().getString("details.targetBranch").startsWith("A branch name git takes"), created.asString());
                Response version = RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(Map.of("targetBranch", branch)).post(api + "/plans/" + plan + "/versions");
                assertEquals(422, version.statusCode(), branch + " " + version.asString());
                Response page = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("repository", "shop")
                        .formParam("name", "Bad").formParam("description", "").formParam("targetBranch", branch).post("/projects/" + t.slug() + "/plans");
                assertEquals(422, page.statusCode(), branch);
                org.jsoup.nodes.Document form = Web.html(page);
                assertEquals(branch, form.getElementById("f-targetBranch").val(), "the typed branch is kept");
                assertTrue(form.getElementById("e-targetBranch").text().startsWith("A branch name git takes"), form.getElementById("e-targetBranch").text());
            }
            RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("targetBranch", " feature/pay-v2 "))
                    .post(api + "/plans/" + plan + "/versions").then().statusCode(201);
        }
    }

    @Test
    void aTextContentThatIsNotJsonSaysContentIsReadAsJsonText() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            PlanFixtures.ApiPlan made = fixtures.apiPlan(t, git, "Text", "main");
            String token = made.token();
            String api = made.api();
            String plan = made.id();
            Response r = RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body("{\"artifactType\":\"feature_plan\",\"content\":\"str\"}").post(api + "/plans/" + plan + "/artifacts");
            assertEquals(422, r.statusCode(), r.asString());
            String message = r.jsonPath().getString("details.content");
            // The request body is valid JSON: the message says it is content's text that was read as JSON, and how to send it.
            assertTrue(message.contains("content is a text") && message.contains("'str'") && message.contains("as a JSON object"), message);

            // The schema check's reading is the one that refuses the text, so a text it refuses past a readable start is
            // explained the same way (another parser's reading stopped at the first value and let it through).
            Response trailing = RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body("{\"artifactType\":\"feature_plan\",\"content\":\"{\\\"summary\\\": \\\"x\\\"} and more\"}")
                    .post(api + "/plans/" + plan + "/artifacts");
            assertEquals(422, trailing.statusCode(), trailing.asString());
            String more = trailing.jsonPath().getString("details.content");
            assertTrue(more.contains("content is a text") && more.contains("'and'") && more.contains("as a JSON object"), more);
        }
    }

    /** "The Implementation steps was not saved" read wrong for a plural name: the message names the artifact after "Not saved". */
    @Test
    void aRefusedArtifactIsNamedGrammaticallyWhateverItsNumber() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            PlanFixtures.ApiPlan made = fixtures.apiPlan(t, git, "Words", "main");
            String page = "/projects/" + t.slug() + "/plans/" + made.id();
            for (String[] type : new String[][] {{"implementation_steps", "Implementation steps"}, {"feature_plan", "Feature plan"}}) {
                Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded")
                        .formParam("artifactType", type[0]).formParam("content", "{\"nothing\": 1}").post(page + "/artifacts");
                assertEquals(422, r.statusCode(), r.asString());
                assertEquals("Not saved: " + type[1] + ". Fix the problems listed below.",
                        Web.html(r).selectFirst("#plan-errors > p").text());
                // Headed as every refused form's problems are (tags/problemsHeading.html), not in a wording of its own.
                assertTrue(Web.html(r).selectFirst("#plan-errors > h2").text().matches("There (is a problem|are \\d+ problems)"),
                        Web.html(r).select("#plan-errors").text());
            }
        }
    }

    private static void record(List<String> failures, String what, Response r) {
        if (r.statusCode() >= 500 || r.asString().contains("went wrong")) {
            failures.add(what + " → " + r.statusCode() + " " + r.asString().substring(0, Math.min(300, r.asString().length())));
        }
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
