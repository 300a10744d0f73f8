package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

import dev.specboard.support.Mcp;
import dev.specboard.support.Routes;
import jakarta.ws.rs.QueryParam;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The JSON API as its contract (DESIGN.md, "JSON API v1") words it, where the other API tests left a gap. */
@QuarkusTest
class ApiContractTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private RequestSpecification bearer(Account a) {
        return RestAssured.given().header("Authorization", "Bearer " + tokens.create(a.id, "contract", null, null).value());
    }

    @Test
    void contextItemFilesAndScreenshotsArriveAsMultipart() throws IOException {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        bearer(t.member()).multiPart("itemType", "screenshot").multiPart("file", "shot.png", png(), "image/png")
                .multiPart("submittedContext", "The current home page").multiPart("tags", "home")
                .post(url).then().statusCode(201).body("id", notNullValue()).body("itemType", equalTo("screenshot"))
                .body("aiAnalysis", notNullValue()).body("tags[0]", equalTo("home"));
        bearer(t.member()).multiPart("itemType", "file").multiPart("file", "notes.md", "# Users want dark mode".getBytes(), "text/markdown")
                .post(url).then().statusCode(201).body("itemType", equalTo("file"));
        bearer(t.member()).multiPart("itemType", "text").multiPart("text", "Users love dark mode")
                .post(url).then().statusCode(201).body("contentText", equalTo("Users love dark mode"));
        // The same rules as the JSON call: the type of a screenshot, the role, the login.
        bearer(t.member()).multiPart("itemType", "screenshot").multiPart("file", "shot.png", "<html></html>".getBytes(), "image/png")
                .post(url).then().statusCode(422).body("details.file", containsString("PNG, JPEG or WebP"));
        bearer(t.viewer()).multiPart("itemType", "file").multiPart("file", "notes.md", "x".getBytes())
                .post(url).then().statusCode(403).body("error", notNullValue());
        RestAssured.given().multiPart("itemType", "file").multiPart("file", "notes.md", "x".getBytes())
                .post(url).then().statusCode(401);
        bearer(t.viewer()).get(url).then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void malformedQueryParametersAre400NamingTheParameter() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        Map<String, String> malformed = Map.of(p + "/search?q=cart&limit=abc", "limit", p + "/search?q=cart&limit=1.5", "limit",
                p + "/jobs?page=abc", "page", p + "/jobs?page=99999999999", "page", p + "/jobs?page=0", "page", p + "/jobs?page=-1", "page",
                "/api/v1/notifications?before=abc", "before", "/api/v1/notifications?unread=maybe", "unread");
        malformed.forEach((url, name) -> Api.as(t.member()).get(url).then().statusCode(400)
                .body("error", startsWith("The query parameter " + name + " must be")).body("details." + name, notNullValue()));
        // A limit outside its range says the range, also one past the integers (it said "must be a whole number").
        for (String limit : List.of("0", "-3", "101", "100000", "99999999999", "abc")) {
            Api.as(t.member()).get(p + "/search?q=cart&limit=" + limit).then().statusCode(400)
                    .body("error", equalTo("The query parameter limit must be a whole number from 1 to 100"))
                    .body("details.limit", equalTo("must be a whole number from 1 to 100"));
        }
        // A page past the last, or a limit in range, is answered.
        for (String url : List.of(p + "/search?q=cart&limit=1", p + "/search?q=cart&limit=100",
                p + "/jobs?page=100000", "/api/v1/notifications?unread=true")) {
            Api.as(t.member()).get(url).then().statusCode(200).body("size()", equalTo(0));
        }
        // A flag is true or false: "maybe" used to claim as if it were false.
        Api.as(t.member()).post(p + "/tasks/claim-next?overWipLimit=maybe").then().statusCode(400)
                .body("error", startsWith("The query parameter overWipLimit must be true or false"));
        Api.as(t.member()).post(p + "/tasks/claim-next?overWipLimit=true").then().statusCode(204);
    }

    /** A search longer than its 500 characters is the API's JSON 422 naming q: 5,000 characters were Vert.x's bare 414. */
    @Test
    void anOverlongSearchIs422NamingQ() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/search";
        for (String q : List.of("a".repeat(5_000), "é".repeat(3_000), "x".repeat(501))) {
            Api.as(t.member()).queryParam("q", q).get(url).then().statusCode(422).contentType("application/json")
                    .body("details.q", equalTo("A search is at most 500 characters"));
        }
        Api.as(t.member()).queryParam("q", "x".repeat(500)).get(url).then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * Every list's filter answers an unknown value the same way, 422 naming the parameter and its values in details (a
     * validation failure, as the pages answer it; 400 is for input that cannot be read): tasks answered 400, thinking 422,
     * and stories, work sessions and jobs ignored it and listed everything (a typo looked like an empty filter); then all
     * answered 400 with details, and the search's kind too.
     */
    @Test
    void anUnknownFilterValueIs422NamingTheParameterAndItsValues() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(p + "/tasks?status=bogus", "status must be one of pending, claimed, in_progress, completed, merged, failed");
        refused.put(p + "/thinking?status=bogus", "status must be one of active, confirmed, revised, rejected, review");
        refused.put(p + "/stories?status=bogus", "status must be one of draft, review, changes, ready, implemented");
        refused.put(p + "/work-sessions?status=bogus", "status must be one of pending, in_progress, complete, failed");
        refused.put(p + "/work-sessions?type=bogus", "type must be one of design, test, implementation, setup");
        refused.put(p + "/work-sessions?target=bogus", "target must be one of component, context, project");
        refused.put(p + "/jobs?status=bogus", "status must be one of QUEUED, RUNNING, SUCCESS, FAILED, CANCELLED");
        refused.put(p + "/jobs?type=bogus", "type must be one of DOCS, EXPLANATION, RENAME");
        refused.put(p + "/plans?status=bogus", "status must be one of draft, active, completed, archived");
        Api.as(t.member()).get(p + "/search?q=greet&kind=bogus").then().statusCode(422)
                .body("error", org.hamcrest.Matchers.startsWith("The query parameter kind must be one of "))
                .body("details.kind", org.hamcrest.Matchers.startsWith("must be one of "));
        refused.forEach((url, message) -> Api.as(t.member()).get(url).then().statusCode(422)
                .body("error", equalTo("The query parameter " + message))
                .body("details." + message.substring(0, message.indexOf(' ')), equalTo(message.substring(message.indexOf(' ') + 1))));
        // A known value in any case, or with a dash for an underscore, filters as before.
        for (String url : List.of(p + "/tasks?status=In-Progress", p + "/thinking?status=REVIEW", p + "/stories?status=Draft",
                p + "/work-sessions?status=in_progress&type=design&target=component", p + "/jobs?status=queued&type=docs")) {
            Api.as(t.member()).get(url).then().statusCode(200).body("size()", equalTo(0));
        }
    }

    /**
     * The API's typed query parameters are read by {@link dev.specboard.web.QueryValues} (a malformed one is 400 naming
     * it, see QueryParameterCensusTest), so each must be of a type it reads: any other would be converted by JAX-RS, which
     * answers a value that does not convert with 404 as if the path were unknown.
     */
    @Test
    void everyApiQueryParameterIsOfATypeQueryValuesReads() {
        Set<Class<?>> read = Set.of(String.class, Integer.class, Long.class, java.util.UUID.class, Boolean.class);
        List<String> other = new ArrayList<>();
        for (Routes.Route route : Routes.all()) {
            if (!route.api()) {
                continue;
            }
            for (Parameter parameter : route.javaMethod().getParameters()) {
                QueryParam q = parameter.getAnnotation(QueryParam.class);
                if (q != null && !read.contains(parameter.getType())) {
                    other.add(route.describe() + " ?" + q.value() + " as " + parameter.getType().getSimpleName());
                }
            }
        }
        assertTrue(other.isEmpty(), "QueryValues reads no such type; read it as text or teach QueryValues:\n" + String.join("\n", other));
    }

    @Test
    void aJourneyWithAnUnknownNodeTypeIs422NamingThatTypeAndNoKnownKey() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/journeys";
        String nodes = "\"nodes\":[{\"key\":\"start\",\"nodeType\":\"wizard\",\"data\":{}},{\"key\":\"done\",\"nodeType\":\"annotation\",\"data\":{\"text\":\"Welcome\"}}]";
        Api.as(t.member()).body("{\"name\":\"Sign up\"," + nodes + ",\"connections\":[{\"from\":\"start\",\"to\":\"done\"}]}")
                .post(url).then().statusCode(422).body("details.keySet()", equalTo(Set.of("nodes[0].nodeType")));
        Api.as(t.member()).body("{\"name\":\"Sign up\"," + nodes + ",\"connections\":[{\"from\":\"start\",\"to\":\"nowhere\"}]}")
                .post(url).then().statusCode(422).body("details.keySet()", equalTo(Set.of("nodes[0].nodeType", "connections[0].to")))
                .body("details.'connections[0].to'", equalTo("There is no node nowhere"));
        Api.as(t.viewer()).get(url).then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * DESIGN.md offers the agents' operations as MCP tools too: stories, specs, tasks (list, claim, start, complete, fail, and the
     * lease, notes and retry of the agents' section), phase content, work sessions, threads and comments, repository sync, and the
     * design side's entities, thinking chain, context items (text and URLs; files stay multipart over HTTP) and previews, and what the
     * jobs page does to assistant jobs and refactors (list, cancel, retry, re-run) and the chat's retry of a failed answer. Each
     * such tool exists with these arguments (DESIGN.md names neither: these are the names agents have been given; body fields keep the
     * API's names, path parts the tool's own: spec, task, thread, sessionId, repository, thoughtId, entityId, previewId).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAgentsOperationsAreMcpToolsWithTheApisArgumentNames() {
        String token = tokens.create(data.account("mcpcontract").id, "agent", null, null).value();
        String session = Mcp.initialize(token);
        List<Map<String, Object>> tools = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Mcp-Session-Id", session).header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").post("/api/mcp")
                .then().statusCode(200).extract().jsonPath().getList("result.tools");
        Map<String, Set<String>> arguments = new TreeMap<>();
        for (Map<String, Object> tool : tools) {
            Map<String, Object> schema = (Map<String, Object>) tool.getOrDefault("inputSchema", Map.of());
            arguments.put((String) tool.get("name"), ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet());
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("list_stories", List.of("project", "status"));
        expected.put("create_story", List.of("project", "title", "description"));
        expected.put("get_story", List.of("project", "number"));
        expected.put("approve_story", List.of("project", "number"));
        expected.put("request_story_changes", List.of("project", "number", "comment"));
        expected.put("create_spec", List.of("project", "title", "specType"));
        expected.put("get_spec", List.of("project", "spec"));
        expected.put("list_tasks", List.of("project", "status", "spec"));
        expected.put("claim_next_task", List.of("project"));
        expected.put("claim_task", List.of("project", "task"));
        expected.put("start_task", List.of("project", "task"));
        expected.put("complete_task", List.of("project", "task", "commitSha"));
        expected.put("fail_task", List.of("project", "task", "reason"));
        expected.put("get_task_context", List.of("project", "task"));
        expected.put("heartbeat_task", List.of("project", "task"));
        expected.put("release_task", List.of("project", "task"));
        expected.put("retry_task", List.of("project", "task"));
        expected.put("add_task_note", List.of("project", "task", "body"));
        expected.put("record_task_worktree", List.of("project", "task", "worktreePath"));
        expected.put("list_work_sessions", List.of("project", "status", "type"));
        expected.put("create_work_session", List.of("project", "sessionType", "targetType", "targetId"));
        expected.put("claim_next_work_session", List.of("project", "type"));
        expected.put("complete_work_session", List.of("project", "sessionId"));
        expected.put("fail_work_session", List.of("project", "sessionId", "reason"));
        expected.put("release_work_session", List.of("project", "sessionId"));
        expected.put("retry_work_session", List.of("project", "sessionId"));
        expected.put("open_review_thread", List.of("project", "repository", "path", "lineStart", "lineEnd", "body", "manifestVersion"));
        expected.put("get_tree", List.of("project", "repository", "path", "ref"));
        expected.put("get_file", List.of("project", "repository", "path", "ref"));
        expected.put("list_review_threads", List.of("project", "repository", "path", "state"));
        expected.put("comment_on_thread", List.of("project", "thread", "body"));
        expected.put("resolve_thread", List.of("project", "thread"));
        expected.put("reopen_thread", List.of("project", "thread"));
        expected.put("sync_repository", List.of("project", "repository"));
        expected.put("get_sync", List.of("project", "syncId"));
        expected.put("infer_entities", List.of("project"));
        expected.put("list_entities", List.of("project"));
        expected.put("confirm_entity", List.of("project", "entityId"));
        expected.put("rename_entity", List.of("project", "entityId", "entityName", "version"));
        expected.put("update_entity_field", List.of("project", "entityId", "field", "name", "type", "required", "version"));
        expected.put("remove_entity_field", List.of("project", "entityId", "field"));
        expected.put("remove_entity", List.of("project", "entityId"));
        expected.put("list_thinking", List.of("project", "status"));
        expected.put("confirm_thought", List.of("project", "thoughtId", "version"));
        expected.put("revise_thought", List.of("project", "thoughtId", "feedback", "version"));
        expected.put("reject_thought", List.of("project", "thoughtId", "version"));
        expected.put("list_context_items", List.of("project"));
        expected.put("add_context_item", List.of("project", "itemType", "text", "url", "categories", "tags", "submittedContext"));
        expected.put("list_journeys", List.of("project", "page"));
        expected.put("delete_journey", List.of("project", "journeyId"));
        expected.put("detect_features", List.of("project"));
        expected.put("lock_journey_node", List.of("project", "journeyId", "key", "locked"));
        expected.put("place_journey_node", List.of("project", "journeyId", "key", "x", "y"));
        expected.put("list_pages", List.of("project", "pattern"));
        expected.put("get_feature", List.of("project", "featureId"));
        expected.put("get_page", List.of("project", "pageId"));
        expected.put("delete_context_item", List.of("project", "itemId"));
        expected.put("reference_context_item", List.of("project", "itemId", "pageId"));
        expected.put("update_page", List.of("project", "pageId", "version", "name", "path", "parentPath"));
        expected.put("delete_page", List.of("project", "pageId"));
        expected.put("delete_feature", List.of("project", "featureId"));
        expected.put("set_page_status", List.of("project", "pageId", "status"));
        expected.put("make_mockup_current", List.of("project", "pageId", "version"));
        expected.put("list_jobs", List.of("project", "status", "type", "page"));
        expected.put("cancel_job", List.of("project", "job"));
        expected.put("retry_job", List.of("project", "job"));
        expected.put("rerun_refactor", List.of("project", "repository", "refactor"));
        expected.put("cancel_refactor", List.of("project", "repository", "refactor"));
        expected.put("retry_plan_chat_answer", List.of("project", "planId", "messageId"));
        expected.put("create_preview", List.of("project", "pagePath", "hours"));
        expected.put("list_previews", List.of("project", "page"));
        expected.put("get_preview", List.of("project", "previewId"));
        expected.put("revoke_preview", List.of("project", "previewId"));
        expected.put("update_component", List.of("project", "componentId", "version", "name", "type", "filePath", "contextId", "description"));
        expected.put("set_component_completion", List.of("project", "componentId", "docsComplete", "codeComplete", "testsComplete"));
        expected.put("delete_component", List.of("project", "componentId"));
        expected.put("remove_component_dependency", List.of("project", "componentId", "dependsOn"));
        expected.put("remove_story_from_context", List.of("project", "contextId", "storyNumber"));
        expected.put("save_executive_summary", List.of("project", "content", "summaryVersion"));
        expected.put("edit_review_comment", List.of("project", "comment", "body", "version"));
        expected.put("delete_review_comment", List.of("project", "comment"));
        expected.put("revoke_api_token", List.of("token"));
        expected.put("approve_spec", List.of("project", "spec", "version", "reviewed"));
        List<String> problems = new ArrayList<>();
        expected.forEach((name, args) -> {
            if (!arguments.containsKey(name)) {
                problems.add("no tool " + name);
            } else if (!arguments.get(name).containsAll(args)) {
                problems.add(name + " takes " + arguments.get(name) + ", not all of " + args);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\noffered: " + arguments);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
