package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.support.Mcp;
import dev.specboard.account.ApiTokenService;
import dev.specboard.design.DesignFixtures;
import dev.specboard.design.EntityFixtures;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real MCP client (the Java MCP SDK over streamable HTTP) works a hand-off through tools only, and
 * every tool it is offered carries annotations and an output schema its answers satisfy.
 */
@QuarkusTest
class McpClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    RepoTestSupport repos;

    @Inject
    dev.specboard.design.DesignWork design;

    @TestHTTPResource("/")
    URI base;

    private McpSyncClient client(String token) {
        return Mcp.client(base, token);
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertNotNull(r.isError(), tool + " answered without isError");
        return r;
    }

    /** The one text block of an answer, parsed. */
    private static JsonNode text(McpSchema.CallToolResult r) {
        assertEquals(1, r.content().size(), "one text block, not one per item: " + r.content());
        try {
            return JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
        } catch (Exception e) {
            throw new AssertionError("the text block is not JSON: " + r.content().get(0), e);
        }
    }

    private static JsonNode structured(McpSchema.CallToolResult r) {
        assertFalse(r.isError(), () -> "refused: " + r.content());
        assertNotNull(r.structuredContent(), "structured content missing");
        JsonNode node = JSON.valueToTree(r.structuredContent());
        assertTrue(node.isObject(), "MCP's structured content is an object: " + node);
        JsonNode text = text(r);
        if (text.isArray()) {
            // A list is the object {"items": [...]}; the text block, which a model reads, is the list itself.
            assertTrue(node.size() == 1 && node.has("items"), "a list is given as {\"items\": [...]}: " + node);
            assertEquals(node.get("items"), text, "the text block carries the same list as the structured content");
            return text;
        }
        assertEquals(node, text, "the text block carries the same JSON as the structured content");
        return node;
    }

    @Test
    void agentHandsOffATaskAndAnswersAReviewThroughToolsOnly() {
        TestData.Team team = data.team();
        String slug = team.slug();
        String lead = tokens.create(team.lead().id, "lead", null, null).value();
        RestAssured.given().auth().oauth2(lead).contentType("application/json")
                .body(SpecApiFixtures.hierarchical(null, "Hand-off", List.of(), "schema", "api"))
                .post("/api/v1/projects/" + slug + "/specs").then().statusCode(201);
        try (GitFixture git = GitFixture.create()) {
            String sha = git.commit("first", Map.of("src/App.java", GitFixture.lines(12)));
            // Adding a repository is project settings, an owner's.
            String owner = tokens.create(team.owner().id, "owner", null, null).value();
            String syncId = RestAssured.given().auth().oauth2(owner).contentType("application/json")
                    .body(Map.of("name", "app", "url", git.url())).post("/api/v1/projects/" + slug + "/repos")
                    .then().statusCode(201).extract().path("syncId");
            repos.await(UUID.fromString(syncId));
            RestAssured.given().auth().oauth2(lead).contentType("application/json")
                    .body(Map.of("path", "src/App.java", "lineStart", 2, "lineEnd", 3, "body", "Why is this here?"))
                    .post("/api/v1/projects/" + slug + "/repos/app/threads").then().statusCode(201);

            String agent = tokens.create(team.member().id, "agent", team.project().id, Role.MEMBER).value();
            try (McpSyncClient mcp = client(agent)) {
                assertTrue(mcp.getCurrentInitializationResult().instructions().contains("claim_next_task"),
                        "the server tells an agent the workflow");

                JsonNode pending = structured(call(mcp, "list_tasks", Map.of("project", slug, "status", "pending")));
                assertTrue(pending.isArray(), "a list is one JSON array");
                assertEquals(2, pending.size());
                JsonNode none = structured(call(mcp, "list_tasks", Map.of("project", slug, "status", "failed")));
                assertTrue(none.isArray() && none.isEmpty(), "an empty list is []: " + none);

                assertTrue(call(mcp, "claim_next_task", Map.of("project", slug, "worktreePath", "/w/a\nb")).isError(),
                        "a worktree path with a control character refuses the claim, not half of it");
                JsonNode claimed = structured(call(mcp, "claim_next_task", Map.of("project", slug, "worktreePath", "/home/agent/wt/hand-off")));
                assertTrue(claimed.get("claimed").asBoolean());
                String task = claimed.at("/task/task/key").asText();
                assertEquals("/home/agent/wt/hand-off", claimed.at("/task/task/worktreePath").asText());
                assertEquals("schema", claimed.at("/task/phase/name").asText());

                JsonNode context = structured(call(mcp, "get_task_context", Map.of("project", slug, "task", task)));
                assertEquals("Overview of Hand-off", context.at("/spec/overview").asText());
                assertEquals("schema", context.at("/phase/name").asText());

                JsonNode started = structured(call(mcp, "start_task", Map.of("project", slug, "task", task)));
                assertEquals("in_progress", started.get("status").asText());
                assertEquals("/home/agent/wt/hand-off", started.get("worktreePath").asText(), "the worktree stays while the claim holds");
                // claim_task and start_task record a worktree as claim_next_task does, and a later one replaces it
                String other = task.substring(0, task.lastIndexOf('-') + 1) + "2";
                JsonNode second = structured(call(mcp, "claim_task", Map.of("project", slug, "task", other, "worktreePath", "/home/agent/wt/api")));
                assertEquals("claimed", second.get("status").asText());
                assertEquals("/home/agent/wt/api", second.get("worktreePath").asText());
                JsonNode moved = structured(call(mcp, "start_task", Map.of("project", slug, "task", other, "worktreePath", "/home/agent/wt/api-2")));
                assertEquals("in_progress", moved.get("status").asText());
                assertEquals("/home/agent/wt/api-2", moved.get("worktreePath").asText());

                McpSchema.CallToolResult refused = call(mcp, "complete_task", Map.of("project", slug, "task", task, "commitSha", "nope"));
                assertTrue(refused.isError(), "a bad SHA is a tool error");
                JsonNode error = text(refused);
                assertTrue(error.get("error").isTextual(), "the API's error JSON: " + error);
                assertTrue(error.get("details").isObject() && error.get("details").has("commitSha"), "details is JSON naming the field: " + error);

                JsonNode done = structured(call(mcp, "complete_task", Map.of("project", slug, "task", task, "commitSha", sha)));
                assertTrue(List.of("completed", "merged").contains(done.get("status").asText()), done.toString());

                JsonNode threads = structured(call(mcp, "list_review_threads", Map.of("project", slug, "repository", "app", "state", "open")));
                assertEquals(1, threads.size());
                String thread = threads.get(0).get("id").asText();
                JsonNode answered = structured(call(mcp, "comment_on_thread", Map.of("project", slug, "thread", thread,
                        "body", "It keeps the lines apart.")));
                assertEquals(2, answered.get("comments").size());
                // The token's account comments, as over the API: AI is the assistant's (its EXPLANATION answers).
                assertEquals("USER", answered.at("/comments/1/authorType").asText());

                McpSchema.CallToolResult outside = call(mcp, "get_story", Map.of("project", "no-such-project", "number", 1));
                assertTrue(outside.isError());
                assertEquals(Map.of(), JSON.convertValue(text(outside).get("details"), Map.class));
            }
        }
    }

    @Test
    void aLeadAgentApprovesTheVersionItReadAndAVersionReplacedSinceIsRefused() {
        TestData.Team team = data.team();
        String stories = "/api/v1/projects/" + team.slug() + "/stories";
        String member = tokens.create(team.member().id, "author", null, null).value();
        int n = RestAssured.given().auth().oauth2(member).contentType("application/json")
                .body(Map.of("title", "Checkout", "description", "Pay")).post(stories).then().statusCode(201).extract().path("number");
        RestAssured.given().auth().oauth2(member).contentType("application/json").post(stories + "/" + n + "/submit").then().statusCode(200);
        RestAssured.given().auth().oauth2(member).contentType("application/json")
                .body(Map.of("title", "Checkout", "description", "Pay by card", "version", 1)).put(stories + "/" + n)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(2));
        String lead = tokens.create(team.lead().id, "reviewer", team.project().id, Role.LEAD).value();
        try (McpSyncClient mcp = client(lead)) {
            McpSchema.CallToolResult stale = call(mcp, "approve_story", Map.of("project", team.slug(), "number", n, "version", 1));
            assertTrue(stale.isError(), "version 1 was replaced");
            assertEquals(2, text(stale).at("/details/currentVersion").asInt());
            JsonNode approved = structured(call(mcp, "approve_story", Map.of("project", team.slug(), "number", n, "version", 2)));
            assertTrue(approved.get("approved").asBoolean());
            assertEquals(2, approved.get("approvedVersion").asInt());
        }
    }

    @Test
    void aLeadAgentRequestsChangesToTheVersionItReadAndAVersionReplacedSinceIsRefused() {
        TestData.Team team = data.team();
        String stories = "/api/v1/projects/" + team.slug() + "/stories";
        String member = tokens.create(team.member().id, "author", null, null).value();
        int n = RestAssured.given().auth().oauth2(member).contentType("application/json")
                .body(Map.of("title", "Invoices", "description", "Send them")).post(stories).then().statusCode(201).extract().path("number");
        RestAssured.given().auth().oauth2(member).contentType("application/json").post(stories + "/" + n + "/submit").then().statusCode(200);
        RestAssured.given().auth().oauth2(member).contentType("application/json")
                .body(Map.of("title", "Invoices", "description", "Send them as PDF", "version", 1)).put(stories + "/" + n)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(2));
        String lead = tokens.create(team.lead().id, "reviewer", team.project().id, Role.LEAD).value();
        try (McpSyncClient mcp = client(lead)) {
            McpSchema.CallToolResult stale = call(mcp, "request_story_changes",
                    Map.of("project", team.slug(), "number", n, "comment", "Which format?", "version", 1));
            assertTrue(stale.isError(), "version 1 was replaced");
            assertEquals(2, text(stale).at("/details/currentVersion").asInt());
            assertEquals("in_review", structured(call(mcp, "get_story", Map.of("project", team.slug(), "number", n))).get("stage").asText(),
                    "nothing was sent back");
            JsonNode sentBack = structured(call(mcp, "request_story_changes",
                    Map.of("project", team.slug(), "number", n, "comment", "Which format?", "version", 2)));
            assertEquals("changes_requested", sentBack.get("stage").asText());
            assertEquals("Which format?", sentBack.get("reviewComment").asText());
        }
    }

    /** The thought of an inference about {@code subject} in a list_thinking answer. */
    private static JsonNode thought(JsonNode thoughts, String subject) {
        for (JsonNode t : thoughts) {
            if (subject.equals(t.get("subject").asText())) {
                return t;
            }
        }
        throw new AssertionError(subject + " in " + thoughts);
    }

    private static JsonNode entityNamed(JsonNode entities, String name) {
        for (JsonNode e : entities) {
            if (name.equals(e.get("entityName").asText())) {
                return e;
            }
        }
        throw new AssertionError(name + " in " + entities);
    }

    /** The message of a tool error, after checking it is the API's {error, details} JSON. */
    /**
     * A tool whose work needs a turn of heavy work while every turn is taken (a mockup save's analysis): the agent gets a
     * tool error saying Specboard is busy and how many seconds to wait (the API's Retry-After), not a failure; the turns
     * given back, the same call saves.
     */
    @Test
    void aToolWhoseHeavyWorkFindsNoTurnIsRefusedAsBusyWithTheWaitToRetryAfter() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = client(agent)) {
            String page = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Shop", "path", "/shop"))).get("id").asText();
            Map<String, Object> save = Map.of("project", t.slug(), "pageId", page, "html", "<main><h1>Shop</h1><button>Buy</button></main>");
            List<dev.specboard.kernel.HeavyWork.Turn> held = new ArrayList<>();
            try {
                for (int i = 0; i < design.analyses().atOnce(); i++) {
                    held.add(design.analyses().turn());
                }
                McpSchema.CallToolResult busy = call(mcp, "save_mockup", save);
                assertEquals(dev.specboard.kernel.HeavyWork.BUSY, refusal(busy));
                assertEquals(dev.specboard.kernel.HeavyWork.RETRY_AFTER_SECONDS, text(busy).get("details").get("retryAfterSeconds").asLong(),
                        "says when to retry: " + text(busy));
            } finally {
                held.forEach(dev.specboard.kernel.HeavyWork.Turn::close);
            }
            assertEquals(1, structured(call(mcp, "save_mockup", save)).get("version").asInt(), "saved once a turn is free");
        }
    }

    private static String refusal(McpSchema.CallToolResult r) {
        assertTrue(r.isError(), () -> "not refused: " + r.structuredContent());
        JsonNode error = text(r);
        assertTrue(error.get("error").isTextual() && error.get("details").isObject(), "the API's error JSON: " + error);
        return error.get("error").asText();
    }

    private static void contactPages(TestData.Team t) {
        DesignApiTest.page(t, "New contact", "/contacts-new", null, EntityFixtures.NEW_CONTACT, "");
        DesignApiTest.page(t, "Contacts", "/contacts", null, EntityFixtures.CONTACTS, "");
        DesignApiTest.page(t, "Edit contact", "/contacts-edit", null, EntityFixtures.EDIT_CONTACT, "");
        DesignApiTest.page(t, "Companies", "/companies", null, EntityFixtures.COMPANIES, "");
    }

    @Test
    void anAgentEditsTheEntityModel() {
        TestData.Team t = data.team();
        contactPages(t);
        Map<String, Object> project = Map.of("project", t.slug());
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = client(agent)) {
            JsonNode inferred = structured(call(mcp, "infer_entities", project));
            String contact = entityNamed(inferred, "Contact").get("id").asText();
            String company = entityNamed(inferred, "Company").get("id").asText();
            int version = entityNamed(inferred, "Contact").get("version").asInt();
            McpSchema.CallToolResult madeUp = call(mcp, "update_entity_field", Map.of("project", t.slug(), "entityId", contact, "field", "birthday",
                    "name", "born_on", "version", version + 1));
            refusal(madeUp);
            assertTrue(text(madeUp).get("details").get("version").asText().contains("has no version"), "a version never saved: " + text(madeUp));
            JsonNode edited = structured(call(mcp, "update_entity_field", Map.of("project", t.slug(), "entityId", contact, "field", "birthday",
                    "name", "born_on", "required", true, "version", version)));
            assertEquals("date", edited.get("fields").get("born_on").get("type").asText(), "what is not given stays: " + edited);
            assertTrue(edited.get("fields").get("born_on").get("required").asBoolean());
            assertTrue(edited.get("userConfirmed").asBoolean());
            McpSchema.CallToolResult badType = call(mcp, "update_entity_field", Map.of("project", t.slug(), "entityId", contact, "field", "born_on",
                    "type", "blob", "version", edited.get("version").asInt()));
            refusal(badType);
            assertTrue(text(badType).get("details").has("type"), "names the type: " + text(badType));
            assertFalse(structured(call(mcp, "remove_entity_field", Map.of("project", t.slug(), "entityId", contact, "field", "notes")))
                    .get("fields").has("notes"));
            // Based on the version before the field edit: refused, naming both versions.
            assertTrue(refusal(call(mcp, "rename_entity", Map.of("project", t.slug(), "entityId", contact, "entityName", "Person", "version", version)))
                    .contains("you edited version " + version));
            int now = entityNamed(structured(call(mcp, "list_entities", project)), "Contact").get("version").asInt();
            assertEquals("Person", structured(call(mcp, "rename_entity", Map.of("project", t.slug(), "entityId", contact, "entityName", "Person",
                    "version", now))).get("entityName").asText());
            assertEquals("entity", structured(call(mcp, "remove_entity", Map.of("project", t.slug(), "entityId", company))).get("kind").asText());
            JsonNode left = structured(call(mcp, "list_entities", project));
            assertEquals(1, left.size(), "Company is gone: " + left);
            assertEquals("Not found in this project", refusal(call(mcp, "remove_entity", Map.of("project", t.slug(), "entityId", "not-a-uuid"))));
        }
        String viewer = tokens.create(t.viewer().id, "viewer", null, null).value();
        try (McpSyncClient mcp = client(viewer)) {
            String person = entityNamed(structured(call(mcp, "list_entities", Map.of("project", t.slug()))), "Person").get("id").asText();
            assertTrue(refusal(call(mcp, "update_entity_field", Map.of("project", t.slug(), "entityId", person, "field", "email", "type", "text",
                    "version", 1)))
                    .contains("member role"));
            assertTrue(refusal(call(mcp, "remove_entity", Map.of("project", t.slug(), "entityId", person))).contains("member role"));
        }
    }

    @Test
    void anAgentRejectsRevisesAndConfirmsInferencesAndConfirmsAnEntity() {
        TestData.Team t = data.team();
        contactPages(t);
        Map<String, Object> project = Map.of("project", t.slug());
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = client(agent)) {
            structured(call(mcp, "infer_entities", project));
            JsonNode thoughts = structured(call(mcp, "list_thinking", project));
            String field = thought(thoughts, "field:Contact.company").get("id").asText();
            String relationship = thought(thoughts, "relationship:Contact.company").get("id").asText();

            JsonNode rejected = structured(call(mcp, "reject_thought", Map.of("project", t.slug(), "thoughtId", field)));
            assertEquals("rejected", rejected.get("status").asText());
            JsonNode contact = entityNamed(structured(call(mcp, "list_entities", project)), "Contact");
            assertFalse(contact.get("fields").has("company"), "the rejected field is withdrawn: " + contact);
            assertTrue(contact.get("fields").has("email"));
            assertTrue(contact.get("relationships").isEmpty(), "its relationship went with it: " + contact);
            JsonNode after = structured(call(mcp, "list_thinking", Map.of("project", t.slug(), "status", "rejected")));
            assertEquals(field, thought(after, "field:Contact.company").get("id").asText());
            assertTrue(thought(structured(call(mcp, "list_thinking", project)), "relationship:Contact.company").get("needsReview").asBoolean(),
                    "the thought built on it is flagged for review: " + relationship);

            String question = thought(thoughts, "question:Company").get("id").asText();
            McpSchema.CallToolResult blank = call(mcp, "revise_thought", Map.of("project", t.slug(), "thoughtId", question, "feedback", " "));
            refusal(blank);
            assertTrue(text(blank).get("details").has("feedback"), "names the feedback: " + text(blank));
            JsonNode answered = structured(call(mcp, "revise_thought", Map.of("project", t.slug(), "thoughtId", question,
                    "feedback", "Imported nightly from the CRM")));
            assertEquals("revised", answered.get("status").asText());
            assertEquals("Imported nightly from the CRM", answered.get("userFeedback").asText());

            String contactThought = thought(thoughts, "entity:Contact").get("id").asText();
            assertEquals("confirmed", structured(call(mcp, "confirm_thought", Map.of("project", t.slug(), "thoughtId", contactThought)))
                    .get("status").asText());
            assertTrue(entityNamed(structured(call(mcp, "list_entities", project)), "Contact").get("userConfirmed").asBoolean(),
                    "confirming an entity's inference confirms the entity");

            String company = entityNamed(structured(call(mcp, "list_entities", project)), "Company").get("id").asText();
            assertTrue(structured(call(mcp, "confirm_entity", Map.of("project", t.slug(), "entityId", company))).get("userConfirmed").asBoolean());
            assertTrue(entityNamed(structured(call(mcp, "list_entities", project)), "Company").get("userConfirmed").asBoolean());

            assertEquals("Not found in this project", refusal(call(mcp, "confirm_entity", Map.of("project", t.slug(), "entityId", "not-a-uuid"))));
            assertEquals("Not found in this project", refusal(call(mcp, "reject_thought", Map.of("project", t.slug(), "thoughtId", "42"))));
        }
        String viewer = tokens.create(t.viewer().id, "viewer", null, null).value();
        try (McpSyncClient mcp = client(viewer)) {
            String company = entityNamed(structured(call(mcp, "list_entities", Map.of("project", t.slug()))), "Company").get("id").asText();
            String open = thought(structured(call(mcp, "list_thinking", Map.of("project", t.slug()))), "field:Contact.email").get("id").asText();
            for (String tool : List.of("confirm_thought", "reject_thought")) {
                assertTrue(refusal(call(mcp, tool, Map.of("project", t.slug(), "thoughtId", open))).contains("member role"), tool);
            }
            assertTrue(refusal(call(mcp, "revise_thought", Map.of("project", t.slug(), "thoughtId", open, "feedback", "No"))).contains("member role"));
            assertTrue(refusal(call(mcp, "confirm_entity", Map.of("project", t.slug(), "entityId", company))).contains("member role"));
        }
        String outsider = tokens.create(t.outsider().id, "outsider", null, null).value();
        try (McpSyncClient mcp = client(outsider)) {
            assertEquals("Project not found", refusal(call(mcp, "list_thinking", Map.of("project", t.slug()))));
            assertEquals("Project not found", refusal(call(mcp, "reject_thought", Map.of("project", t.slug(), "thoughtId", UUID.randomUUID().toString()))));
            assertEquals("Project not found", refusal(call(mcp, "confirm_entity", Map.of("project", t.slug(), "entityId", UUID.randomUUID().toString()))));
        }
    }

    @Test
    void aLeadAgentCreatesAPreviewWhoseLinkOpensWithoutLogin() {
        TestData.Team t = data.team();
        DesignApiTest.page(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String lead = tokens.create(t.lead().id, "lead agent", t.project().id, Role.LEAD).value();
        String id;
        String token;
        try (McpSyncClient mcp = client(lead)) {
            assertTrue(text(call(mcp, "create_preview", Map.of("project", t.slug(), "hours", 0))).get("details").has("hours"));
            assertTrue(text(call(mcp, "create_preview", Map.of("project", t.slug(), "hours", 2, "pagePath", "/missing"))).get("details").has("pagePath"));
            JsonNode created = structured(call(mcp, "create_preview", Map.of("project", t.slug(), "hours", 2, "pagePath", "/")));
            assertEquals("READY", created.get("status").asText());
            token = created.get("token").asText();
            assertEquals(base.resolve("/preview/" + token).toString(), created.get("url").asText(), "the link starts where the agent reached us");
            RestAssured.given().get("/preview/" + token).then().statusCode(200);
            id = created.get("id").asText();
            JsonNode got = structured(call(mcp, "get_preview", Map.of("project", t.slug(), "previewId", id)));
            assertEquals("READY", got.get("status").asText());
            assertEquals(created.get("url"), got.get("url"), "a lead sees the link");
            JsonNode listed = structured(call(mcp, "list_previews", Map.of("project", t.slug())));
            assertEquals(1, listed.size());
            assertEquals(id, listed.get(0).get("id").asText());
            assertEquals("Not found in this project", refusal(call(mcp, "get_preview", Map.of("project", t.slug(), "previewId", "nope"))));
        }
        String member = tokens.create(t.member().id, "member agent", null, null).value();
        try (McpSyncClient mcp = client(member)) {
            assertTrue(refusal(call(mcp, "create_preview", Map.of("project", t.slug(), "hours", 2))).contains("lead role"));
            assertTrue(structured(call(mcp, "get_preview", Map.of("project", t.slug(), "previewId", id))).get("url").isNull(),
                    "only leads see the secret link");
            assertTrue(refusal(call(mcp, "revoke_preview", Map.of("project", t.slug(), "previewId", id))).contains("lead role"));
        }
        RestAssured.given().get("/preview/" + token).then().statusCode(200);
        try (McpSyncClient mcp = client(lead)) {
            JsonNode revoked = structured(call(mcp, "revoke_preview", Map.of("project", t.slug(), "previewId", id)));
            assertFalse(revoked.get("open").asBoolean());
            assertFalse(revoked.get("revokedAt").isNull());
            assertTrue(revoked.get("url").isNull(), "a revoked link is no link");
            assertEquals("EXPIRED", revoked.get("status").asText());
            assertEquals("revoked", revoked.get("closedReason").asText());
            assertEquals(1, revoked.get("events").size(), "the tool records the stage as the page and the API do: " + revoked);
            assertEquals("EXPIRED", revoked.get("events").get(0).get("stage").asText());
            assertEquals("Not found in this project", refusal(call(mcp, "revoke_preview", Map.of("project", t.slug(), "previewId", "nope"))));
        }
        RestAssured.given().get("/preview/" + token).then().statusCode(404);
        String outsider = tokens.create(t.outsider().id, "outsider", null, null).value();
        try (McpSyncClient mcp = client(outsider)) {
            assertEquals("Project not found", refusal(call(mcp, "get_preview", Map.of("project", t.slug(), "previewId", id))));
            assertEquals("Project not found", refusal(call(mcp, "create_preview", Map.of("project", t.slug(), "hours", 2))));
        }
    }

    @Test
    void anAgentAddsTextAndUrlContextItemsAndIsSentToMultipartForFilesAndDeletesOne() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        JsonNode url;
        try (McpSyncClient mcp = client(agent)) {
            JsonNode text = structured(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "text",
                    "text", "Teachers share lesson plans; lesson plans need reviews.", "categories", List.of("requirement"), "tags", List.of("Lessons"))));
            assertEquals("text", text.get("itemType").asText());
            assertTrue(text.at("/aiAnalysis/keyTerms").toString().contains("lesson"), text.toString());
            assertEquals("[\"lessons\"]", text.get("tags").toString());
            url = structured(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "url", "url", "https://example.com/inspiration")));
            assertEquals("https://example.com/inspiration", url.get("contentUrl").asText());
            assertTrue(text(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "url", "url", "ftp://x"))).get("details").has("url"));
            McpSchema.CallToolResult file = call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "screenshot"));
            refusal(file);
            assertTrue(text(file).at("/details/itemType").asText().contains("multipart/form-data"), text(file).toString());
            JsonNode listed = structured(call(mcp, "list_context_items", Map.of("project", t.slug())));
            assertEquals(2, listed.size(), "nothing was added by the refusals: " + listed);
            String page = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Lessons", "path", "/lessons", "purpose", "Browse"))).get("id").asText();
            JsonNode renamed = structured(call(mcp, "update_page", Map.of("project", t.slug(), "pageId", page, "version", 1, "name", "Lesson list")));
            assertEquals("Lesson list", renamed.get("name").asText());
            assertEquals("/lessons", renamed.get("path").asText(), "what was not given is kept");
            assertEquals("Browse", renamed.get("purpose").asText());
            assertEquals(2, renamed.get("version").asInt());
            assertTrue(refusal(call(mcp, "update_page", Map.of("project", t.slug(), "pageId", page, "version", 1, "name", "Late"))).contains("changed"),
                    "a stale version is refused");
            JsonNode used = structured(call(mcp, "reference_context_item", Map.of("project", t.slug(), "itemId", text.get("id").asText(), "pageId", page)));
            assertEquals(1, used.get("timesReferenced").asInt(), "an agent records where it used an item, as the API and the page do");
            assertTrue(refusal(call(mcp, "reference_context_item", Map.of("project", t.slug(), "itemId", text.get("id").asText(), "pageId", "nope")))
                    .contains("No such page"));
        }
        String viewer = tokens.create(t.viewer().id, "viewer", null, null).value();
        try (McpSyncClient mcp = client(viewer)) {
            assertEquals(2, structured(call(mcp, "list_context_items", Map.of("project", t.slug()))).size());
            assertTrue(refusal(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "text", "text", "Mine"))).contains("member role"));
            assertTrue(refusal(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "file"))).contains("member role"),
                    "the policy comes before the multipart advice");
            assertTrue(refusal(call(mcp, "delete_context_item", Map.of("project", t.slug(), "itemId", url.get("id").asText()))).contains("member role"));
        }
        try (McpSyncClient mcp = client(agent)) {
            assertEquals("context item", structured(call(mcp, "delete_context_item", Map.of("project", t.slug(), "itemId", url.get("id").asText()))).get("kind").asText());
            assertTrue(refusal(call(mcp, "delete_context_item", Map.of("project", t.slug(), "itemId", url.get("id").asText()))).contains("No such context item"));
            assertEquals(1, structured(call(mcp, "list_context_items", Map.of("project", t.slug()))).size());
        }
        String outsider = tokens.create(t.outsider().id, "outsider", null, null).value();
        try (McpSyncClient mcp = client(outsider)) {
            assertEquals("Project not found", refusal(call(mcp, "list_context_items", Map.of("project", t.slug()))));
            assertEquals("Project not found", refusal(call(mcp, "add_context_item", Map.of("project", t.slug(), "itemType", "file"))));
        }
    }

    @Test
    void anAgentChangesOneThingOfAFeatureAndKeepsTheRest() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        String id;
        try (McpSyncClient mcp = client(agent)) {
            JsonNode created = structured(call(mcp, "create_feature", Map.of("project", t.slug(), "name", "Share lessons",
                    "userDescription", "Teachers share lesson plans", "creates", List.of("Lesson"), "businessRules", List.of("only verified teachers"))));
            id = created.get("id").asText();
            JsonNode edited = structured(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", id, "version", 1,
                    "category", "social", "reads", List.of("Subject"))));
            assertEquals("social", edited.get("category").asText());
            assertEquals("Share lessons", edited.get("name").asText());
            assertEquals("Teachers share lesson plans", edited.get("userDescription").asText());
            assertEquals("[\"Lesson\"]", edited.at("/dataOperations/creates").toString());
            assertEquals("[\"Subject\"]", edited.at("/dataOperations/reads").toString());
            assertEquals("[\"only verified teachers\"]", edited.get("businessRules").toString());
            assertEquals(2, edited.get("version").asInt());
            String journey = structured(call(mcp, "create_journey", Map.of("project", t.slug(), "name", "Share a lesson", "nodes",
                    List.of(Map.of("key", "s", "nodeType", "annotation", "data", Map.of("text", "x"))), "connections", List.of()))).get("id").asText();
            JsonNode required = structured(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", id, "version", 2, "requiredJourneys", List.of("Share a lesson"))));
            assertEquals("[\"" + journey + "\"]", required.get("requiredJourneys").toString(), "a journey named by its name");
            assertEquals("Share a lesson", required.at("/journeys/0/name").asText());
            assertEquals("Share a lesson", structured(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", id, "version", 3, "name", "Share")))
                    .at("/journeys/0/name").asText(), "kept when not given");
            assertTrue(refusal(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", id, "version", 1, "name", "Late")))
                    .contains("changed"), "a stale version is refused");
            assertTrue(refusal(call(mcp, "update_feature", Map.of("project", t.slug(), "featureId", id, "version", 4, "category", "gamification")))
                    .contains("Validation"));
        }
        try (McpSyncClient mcp = client(tokens.create(t.viewer().id, "viewer", null, null).value())) {
            assertTrue(refusal(call(mcp, "delete_feature", Map.of("project", t.slug(), "featureId", id))).contains("member role"));
        }
        try (McpSyncClient mcp = client(agent)) {
            JsonNode deleted = structured(call(mcp, "delete_feature", Map.of("project", t.slug(), "featureId", id)));
            assertEquals("feature", deleted.get("kind").asText());
            assertEquals(0, structured(call(mcp, "list_features", Map.of("project", t.slug()))).size());
            assertTrue(refusal(call(mcp, "delete_feature", Map.of("project", t.slug(), "featureId", id))).contains("No such feature"));
        }
    }

    @Test
    void anAgentRenamesAJourneyAndMakesItPrimaryKeepingItsNodesThenDeletesIt() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = client(agent)) {
            JsonNode created = structured(call(mcp, "create_journey", Map.of("project", t.slug(), "name", "Sigh in", "flowType", "user",
                    "nodes", List.of(Map.of("key", "note", "nodeType", "annotation", "data", Map.of("text", "Start"))))));
            assertFalse(created.get("primary").asBoolean());
            JsonNode edited = structured(call(mcp, "update_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText(), "version", 1,
                    "name", "Sign in", "primary", true)));
            assertEquals("Sign in", edited.get("name").asText());
            assertEquals("user", edited.get("flowType").asText(), "what was not given is kept");
            assertTrue(edited.get("primary").asBoolean());
            assertEquals(1, edited.get("nodes").size());
            assertEquals(2, edited.get("version").asInt());
            assertTrue(refusal(call(mcp, "update_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText(), "version", 1,
                    "name", "Late"))).contains("changed"), "a stale version is refused");
            assertTrue(text(call(mcp, "update_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText(), "version", 2, "flowType", "pirate")))
                    .get("details").has("flowType"));
            JsonNode deleted = structured(call(mcp, "delete_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText())));
            assertEquals("journey", deleted.get("kind").asText());
            assertTrue(refusal(call(mcp, "get_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText()))).contains("No such journey"));
            assertTrue(refusal(call(mcp, "delete_journey", Map.of("project", t.slug(), "journeyId", created.get("id").asText()))).contains("No such journey"));
        }
    }

    @Test
    void anAgentCreatesAPageForADeviceWithItsKeyElementsAsThePageApiDoes() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = client(agent)) {
            JsonNode created = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Checkout", "path", "/checkout",
                    "primaryDevice", "mobile", "keyElements", List.of("cart", "pay button"))));
            assertEquals("mobile", created.get("primaryDevice").asText());
            assertEquals("[\"cart\",\"pay button\"]", created.get("keyElements").toString());
            assertEquals("responsive", structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Home", "path", "/")))
                    .get("primaryDevice").asText(), "left out, responsive as over the API");
            JsonNode refused = text(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Watch", "path", "/watch", "primaryDevice", "watch")));
            assertEquals("Choose one of " + String.join(", ", dev.specboard.design.Page.DEVICES), refused.get("details").get("primaryDevice").asText(),
                    refused.toString());
            assertEquals(2, structured(call(mcp, "list_pages", Map.of("project", t.slug()))).size(), "nothing of the refused page was kept");
        }
    }

    @Test
    void anAgentMakesAnEarlierMockupCurrentAndMovesThePagesStatusAsItsRoleAllows() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        String lead = tokens.create(t.lead().id, "lead agent", null, null).value();
        String viewer = tokens.create(t.viewer().id, "viewer", null, null).value();
        String page;
        try (McpSyncClient mcp = client(agent)) {
            JsonNode created = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Pricing", "path", "/pricing",
                    "html", "<main><h1>Pricing</h1></main>")));
            page = created.get("id").asText();
            assertEquals("designed", created.get("status").asText());
            JsonNode second = structured(call(mcp, "save_mockup", Map.of("project", t.slug(), "pageId", page, "html", "<main><h1>Plans</h1></main>", "basedOnVersion", 1,
                    "aiNotes", List.of("Assumed monthly prices"))));
            assertEquals("[\"Assumed monthly prices\"]", second.get("aiNotes").toString(), "the assistant's notes are kept with the version");
            JsonNode current = structured(call(mcp, "make_mockup_current", Map.of("project", t.slug(), "pageId", page, "version", 1)));
            assertEquals(1, current.get("version").asInt());
            assertTrue(current.get("current").asBoolean());
            assertEquals("<main><h1>Pricing</h1></main>", current.get("html").asText());
            assertEquals(1, structured(call(mcp, "list_pages", Map.of("project", t.slug()))).get(0).get("currentVersion").asInt());
            assertTrue(refusal(call(mcp, "make_mockup_current", Map.of("project", t.slug(), "pageId", page, "version", 1))).contains("already the current"));
            assertTrue(refusal(call(mcp, "make_mockup_current", Map.of("project", t.slug(), "pageId", page, "version", 9))).contains("No version 9"));
            assertTrue(refusal(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "approved"))).contains("lead role"),
                    "approving needs a lead");
            assertTrue(text(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "shipped"))).get("details").has("status"));
        }
        try (McpSyncClient mcp = client(viewer)) {
            assertTrue(refusal(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "draft"))).contains("member role"));
            assertTrue(refusal(call(mcp, "make_mockup_current", Map.of("project", t.slug(), "pageId", page, "version", 2))).contains("member role"));
        }
        try (McpSyncClient mcp = client(lead)) {
            assertEquals("approved", structured(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "approved")))
                    .get("status").asText());
        }
        try (McpSyncClient mcp = client(agent)) {
            assertEquals("built", structured(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "built")))
                    .get("status").asText());
            assertTrue(refusal(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", page, "status", "draft"))).contains("cannot become"));
            assertTrue(refusal(call(mcp, "set_page_status", Map.of("project", t.slug(), "pageId", UUID.randomUUID().toString(), "status", "draft")))
                    .contains("No such page"));
        }
    }

    @Test
    void anAgentDeletesAPageButNotOneWithPagesUnderIt() {
        TestData.Team t = data.team();
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        String viewer = tokens.create(t.viewer().id, "viewer", null, null).value();
        String parent;
        String child;
        try (McpSyncClient mcp = client(agent)) {
            parent = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Account", "path", "/account"))).get("id").asText();
            child = structured(call(mcp, "create_page", Map.of("project", t.slug(), "name", "Profile", "path", "/account/profile",
                    "parentPath", "/account", "html", "<main><h1>Profile</h1></main>"))).get("id").asText();
            assertTrue(refusal(call(mcp, "delete_page", Map.of("project", t.slug(), "pageId", parent))).contains("Profile /account/profile"),
                    "a page with pages under it is refused, naming them");
        }
        try (McpSyncClient mcp = client(viewer)) {
            assertTrue(refusal(call(mcp, "delete_page", Map.of("project", t.slug(), "pageId", child))).contains("member role"));
        }
        try (McpSyncClient mcp = client(agent)) {
            JsonNode deleted = structured(call(mcp, "delete_page", Map.of("project", t.slug(), "pageId", child)));
            assertEquals("page", deleted.get("kind").asText());
            assertEquals(child, deleted.get("id").asText());
            assertTrue(refusal(call(mcp, "get_mockup", Map.of("project", t.slug(), "pageId", child, "version", 1))).contains("No such page"));
            assertTrue(refusal(call(mcp, "delete_page", Map.of("project", t.slug(), "pageId", child))).contains("No such page"));
            assertEquals("page", structured(call(mcp, "delete_page", Map.of("project", t.slug(), "pageId", parent))).get("kind").asText());
            assertEquals(0, structured(call(mcp, "list_pages", Map.of("project", t.slug()))).size());
        }
    }

    @Test
    void anArchivedProjectRefusesTheDesignSidesToolsThatChangeSomething() {
        TestData.Team t = data.team();
        contactPages(t);
        Api.as(t.member()).post("/api/v1/projects/" + t.slug() + "/entities/infer").then().statusCode(200);
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        String owner = tokens.create(t.owner().id, "owner agent", null, null).value();
        try (McpSyncClient mcp = client(owner)) {
            String thought = thought(structured(call(mcp, "list_thinking", Map.of("project", t.slug()))), "entity:Contact").get("id").asText();
            String entity = entityNamed(structured(call(mcp, "list_entities", Map.of("project", t.slug()))), "Contact").get("id").asText();
            List<Map<String, Object>> writes = List.of(
                    Map.of("confirm_thought", Map.of("project", t.slug(), "thoughtId", thought)),
                    Map.of("revise_thought", Map.of("project", t.slug(), "thoughtId", thought, "feedback", "No")),
                    Map.of("reject_thought", Map.of("project", t.slug(), "thoughtId", thought)),
                    Map.of("confirm_entity", Map.of("project", t.slug(), "entityId", entity)),
                    Map.of("create_preview", Map.of("project", t.slug(), "hours", 2)),
                    Map.of("add_context_item", Map.of("project", t.slug(), "itemType", "text", "text", "Late")),
                    Map.of("add_context_item", Map.of("project", t.slug(), "itemType", "screenshot")),
                    Map.of("delete_page", Map.of("project", t.slug(), "pageId", UUID.randomUUID().toString())),
                    Map.of("delete_feature", Map.of("project", t.slug(), "featureId", UUID.randomUUID().toString())),
                    Map.of("set_page_status", Map.of("project", t.slug(), "pageId", UUID.randomUUID().toString(), "status", "draft")),
                    Map.of("make_mockup_current", Map.of("project", t.slug(), "pageId", UUID.randomUUID().toString(), "version", 1)));
            for (Map<String, Object> write : writes) {
                Map.Entry<String, Object> w = write.entrySet().iterator().next();
                @SuppressWarnings("unchecked")
                McpSchema.CallToolResult r = call(mcp, w.getKey(), (Map<String, Object>) w.getValue());
                assertTrue(refusal(r).contains("archived"), w + " answered " + r.content());
            }
            // Closing access is the one change an archived project takes (PreviewArchivedRevokeTest): it looks for the link.
            assertEquals("No such preview in this project", refusal(call(mcp, "revoke_preview",
                    Map.of("project", t.slug(), "previewId", UUID.randomUUID().toString()))));
            assertEquals("active", thought(structured(call(mcp, "list_thinking", Map.of("project", t.slug()))), "entity:Contact").get("status").asText());
            assertFalse(entityNamed(structured(call(mcp, "list_entities", Map.of("project", t.slug()))), "Contact").get("userConfirmed").asBoolean());
            assertTrue(structured(call(mcp, "list_previews", Map.of("project", t.slug()))).isEmpty());
            assertTrue(structured(call(mcp, "list_context_items", Map.of("project", t.slug()))).isEmpty());
        }
    }

    @Test
    void everyToolHasAnnotationsAndAnOutputSchemaAndReadersSayTheyOnlyRead() {
        String token = tokens.create(data.account("mcptools").id, "agent", null, null).value();
        try (McpSyncClient mcp = client(token)) {
            List<McpSchema.Tool> tools = mcp.listTools().tools();
            assertTrue(tools.size() > 60, "tools offered: " + tools.size());
            List<String> problems = new ArrayList<>();
            for (McpSchema.Tool tool : tools) {
                if (tool.annotations() == null || tool.annotations().readOnlyHint() == null || tool.annotations().destructiveHint() == null
                        || tool.annotations().idempotentHint() == null) {
                    problems.add(tool.name() + " has no annotations");
                } else if ((tool.name().startsWith("list_") || tool.name().startsWith("get_") || tool.name().equals("search"))
                        != tool.annotations().readOnlyHint()) {
                    problems.add(tool.name() + " readOnlyHint=" + tool.annotations().readOnlyHint());
                }
                if (tool.name().startsWith("delete_") && tool.annotations() != null && !Boolean.TRUE.equals(tool.annotations().destructiveHint())) {
                    problems.add(tool.name() + " deletes but does not say it is destructive");
                }
                if (tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint())) {
                    // The library's defaults (destructive, not idempotent) contradict a read: hosts then ask before every read.
                    if (!Boolean.FALSE.equals(tool.annotations().destructiveHint())) {
                        problems.add(tool.name() + " only reads but says it is destructive");
                    }
                    if (!Boolean.TRUE.equals(tool.annotations().idempotentHint())) {
                        problems.add(tool.name() + " only reads but does not say it is idempotent");
                    }
                }
                if (tool.name().startsWith("update_") && tool.annotations() != null
                        && !(Boolean.FALSE.equals(tool.annotations().destructiveHint()) && Boolean.TRUE.equals(tool.annotations().idempotentHint()))) {
                    problems.add(tool.name() + " saves the version read, so it is idempotent and not destructive");
                }
                // Pushing to or fetching from the origin, and fetching a URL, reach beyond Specboard.
                if (List.of("apply_refactor", "sync_repository", "add_context_item", "link_repository").contains(tool.name()) && tool.annotations() != null
                        && !Boolean.TRUE.equals(tool.annotations().openWorldHint())) {
                    problems.add(tool.name() + " reaches outside Specboard but says openWorldHint=" + tool.annotations().openWorldHint());
                }
                if (tool.outputSchema() == null || tool.outputSchema().get("type") == null) {
                    problems.add(tool.name() + " has no output schema");
                } else if (!"object".equals(tool.outputSchema().get("type"))) {
                    // The TypeScript SDK, which most agent hosts use, refuses the whole tools/list over one such tool.
                    problems.add(tool.name() + "'s output schema is of type " + tool.outputSchema().get("type") + ", not object");
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            for (String name : List.of("create_story", "update_story", "submit_story", "list_contexts", "create_context", "list_components",
                    "add_component_dependency", "save_design_doc", "create_work_session", "claim_next_work_session", "complete_work_session",
                    "fail_work_session", "create_spec", "get_spec", "update_spec", "get_sync", "get_tree", "get_file", "open_review_thread",
                    "resolve_thread", "reopen_thread", "list_notifications", "search", "delete_journey", "delete_context_item", "delete_page", "delete_feature", "set_page_status", "make_mockup_current",
                    "create_project", "link_repository", "add_member", "set_member_role", "remove_member")) {
                assertTrue(tools.stream().anyMatch(t -> t.name().equals(name)), name + " is offered");
            }
        }
    }
}
