package dev.specboard.plan;

import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.specboard.support.Mcp.answer;
import static dev.specboard.support.Mcp.id;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent works a plan through the MCP tools as a lead does on the plan pages: create, filter, status, artifacts, spec, chat. */
@QuarkusTest
class PlanToolsTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    SpecApiFixtures fx;

    @Test
    void anAgentTakesAPlanFromDraftToSpecAndFindsItByRepositoryAndStatus() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String lead = fx.token(t.lead());
            String session = Mcp.initialize(lead);
            String slug = t.slug();

            String created = answer(lead, session, "create_plan", false, "project", slug, "repository", "shop", "name", "Checkout",
                    "targetBranch", "main");
            assertTrue(created.contains("\"status\":\"draft\"") && created.contains("\"version\":1"), created);
            String plan = id(created);
            answer(lead, session, "create_plan", false, "project", slug, "repository", "shop", "name", "Refunds", "targetBranch", "main");
            String again = answer(lead, session, "create_plan", true, "project", slug, "repository", "shop", "name", "Checkout", "targetBranch", "main");
            assertTrue(again.contains("\"existingPlanId\":\"" + plan + "\"") && again.contains("already has a plan"), "the plan to open is named: " + again);
            assertTrue(answer(lead, session, "create_plan", true, "project", slug, "repository", "nope", "name", "X", "targetBranch", "main")
                    .contains("nope"), "a repository the project lacks is named");

            assertTrue(answer(lead, session, "set_plan_status", false, "project", slug, "planId", plan, "status", "active")
                    .contains("\"status\":\"active\""));
            assertTrue(answer(lead, session, "set_plan_status", true, "project", slug, "planId", plan, "status", "someday").contains("status"));

            String drafts = answer(lead, session, "list_plans", false, "project", slug, "status", "draft");
            assertTrue(drafts.contains("Refunds") && !drafts.contains("Checkout"), "only plans whose latest version is a draft: " + drafts);
            String active = answer(lead, session, "list_plans", false, "project", slug, "repository", "shop", "status", "active");
            assertTrue(active.contains("Checkout") && !active.contains("Refunds"), active);
            assertTrue(answer(lead, session, "list_plans", false, "project", slug).contains("Refunds"));
            assertTrue(answer(lead, session, "list_plans", true, "project", slug, "repository", "nope").contains("no repository named nope"));
            assertTrue(answer(lead, session, "list_plans", true, "project", slug, "status", "someday").contains("status"));
            assertTrue(answer(lead, session, "list_plans", true, "project", slug, "page", 0).contains("page"));

            String bad = answer(lead, session, "add_plan_artifact", true, "project", slug, "planId", plan, "artifactType", "implementation_steps",
                    "content", "{\"steps\":[{\"name\":\"Bad Name\",\"title\":\"x\",\"hours\":\"three\"}]}");
            assertTrue(bad.contains("/steps/0/name") && bad.contains("/steps/0/hours"), "problems named by JSON pointer: " + bad);
            String unparsed = answer(lead, session, "add_plan_artifact", true, "project", slug, "planId", plan, "artifactType", "implementation_steps",
                    "content", "{\"steps\": [");
            assertTrue(unparsed.contains("\"content\":\"This is not valid JSON") && !unparsed.contains("\"\":"), "the whole document is named content: " + unparsed);
            answer(lead, session, "add_plan_artifact", false, "project", slug, "planId", plan, "artifactType", "implementation_steps",
                    "content", PlanFixtures.STEPS);
            assertTrue(answer(lead, session, "get_plan", false, "project", slug, "planId", plan).contains("\"artifactType\":\"implementation_steps\""));

            String spec = answer(lead, session, "plan_to_spec", false, "project", slug, "planId", plan);
            assertTrue(spec.matches("(?s).*\"key\":\"SPEC-\\d+\".*") && spec.contains("cart-total"), spec);
            String specKey = spec.replaceAll("(?s).*\"key\":\"(SPEC-\\d+)\".*", "$1");
            String twice = answer(lead, session, "plan_to_spec", true, "project", slug, "planId", plan);
            assertTrue(twice.contains("\"specKey\":\"" + specKey + "\""), "a second spec is refused, naming the first: " + twice);

            String next = answer(lead, session, "new_plan_version", false, "project", slug, "planId", plan);
            assertTrue(next.contains("\"version\":2"), next);
            assertTrue(answer(lead, session, "get_plan", false, "project", slug, "planId", id(next)).contains("implementation_steps"),
                    "the new version copies the artifacts");
            assertTrue(answer(lead, session, "get_plan_chat", false, "project", slug, "planId", plan).contains("\"messages\""));
            // v1 is an older version now: its chat is read, its status stays (both were accepted), the newest is named.
            String older = answer(lead, session, "ask_plan_chat", true, "project", slug, "planId", plan, "content", "Still there?");
            assertTrue(older.contains("Checkout v1 is an older version: v2 is the newest."), older);
            String status = answer(lead, session, "set_plan_status", true, "project", slug, "planId", plan, "status", "completed");
            assertTrue(status.contains("change the status of v2 instead"), status);
            plan = id(next);
            String chat = answer(lead, session, "ask_plan_chat", false, "project", slug, "planId", plan, "content", "Which steps does Checkout have?");
            assertTrue(chat.contains("\"role\":\"user\"") && chat.contains("Which steps does Checkout have?"), chat);
            assertTrue(chat.contains("\"role\":\"assistant\""), "the answer comes back with the chat: " + chat);
            assertTrue(answer(lead, session, "ask_plan_chat", true, "project", slug, "planId", plan, "content", " ").contains("content"),
                    "an empty message is refused naming its field");

            String viewer = fx.token(t.viewer());
            String viewerSession = Mcp.initialize(viewer);
            assertTrue(answer(viewer, viewerSession, "list_plans", false, "project", slug).contains("Checkout"), "a viewer reads plans");
            String refused = answer(viewer, viewerSession, "create_plan", true, "project", slug, "repository", "shop", "name", "Mine",
                    "targetBranch", "main");
            assertFalse(refused.contains("Exception"), refused);
            assertTrue(refused.contains("member"), "the role needed is named: " + refused);
        }
    }
}
