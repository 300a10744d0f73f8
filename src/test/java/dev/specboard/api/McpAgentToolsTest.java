package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools an agent needed and did not have, each its API call's twin: the project's fields, its members, the lead's
 * approvals of a spec, a context, a design doc and the executive summary (with the version read), the board's WIP
 * limits, and a feature created with its category, stories and all four data operations.
 */
@QuarkusTest
class McpAgentToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void anAgentReadsTheProjectAndItsMembers() throws Exception {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "reader", null, null).value();
        String session = Mcp.initialize(token);
        JsonNode project = json(Mcp.answer(token, session, "get_project", false, "project", t.slug()));
        assertEquals(t.slug(), project.get("slug").asText());
        assertEquals("member", project.get("role").asText());
        assertTrue(project.has("contextMappingApproved") && project.has("executiveSummaryApproved") && project.has("taskLeaseMinutes"), project.toString());
        JsonNode members = json(Mcp.answer(token, session, "list_members", false, "project", t.slug()));
        Map<String, String> roles = new HashMap<>();
        members.forEach(m -> roles.put(m.get("username").asText(), m.get("role").asText()));
        assertEquals("lead", roles.get(t.lead().username), roles.toString());
        assertEquals("viewer", roles.get(t.viewer().username), roles.toString());
        Mcp.answer(token, session, "get_project", true, "project", "no-such-project");
    }

    @Test
    void aLeadAgentApprovesTheVersionsItReadAndSetsWipLimits() throws Exception {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        Api.as(t.member()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "# Whole thing")).post(api + "/specs")
                .then().statusCode(201);
        String context = Api.as(t.lead()).body(Map.of("name", "Checkout", "type", "domain", "purpose", "Takes the money"))
                .post(api + "/contexts").then().statusCode(201).extract().path("id");
        String component = Api.as(t.lead()).body(Map.of("name", "Payments", "filePath", "src/pay"))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        Api.as(t.lead()).body(Map.of("content", "# Payments", "version", 0)).put(api + "/components/" + component + "/design-doc")
                .then().statusCode(200);
        int read = Api.as(t.member()).get(api).then().statusCode(200).extract().path("executiveSummaryVersion");
        int summary = Api.as(t.member()).body(Map.of("content", "We sell shoes", "version", read)).put(api + "/executive-summary")
                .then().statusCode(200).extract().path("version");

        String member = tokens.create(t.member().id, "member agent", null, null).value();
        String memberSession = Mcp.initialize(member);
        assertTrue(Mcp.answer(member, memberSession, "approve_spec", true, "project", t.slug(), "spec", "SPEC-1", "version", 1).contains("lead"));

        String lead = tokens.create(t.lead().id, "lead agent", null, null).value();
        String session = Mcp.initialize(lead);
        assertTrue(Mcp.answer(lead, session, "approve_spec", true, "project", t.slug(), "spec", "SPEC-1", "version", 2).contains("version"));
        assertEquals("approved", json(Mcp.answer(lead, session, "approve_spec", false, "project", t.slug(), "spec", "SPEC-1", "version", 1))
                .get("status").asText());
        assertTrue(json(Mcp.answer(lead, session, "approve_context", false, "project", t.slug(), "contextId", context, "version", 1))
                .get("approved").asBoolean());
        assertTrue(json(Mcp.answer(lead, session, "approve_design_doc", false, "project", t.slug(), "componentId", component, "version", 1))
                .get("approved").asBoolean());
        assertTrue(json(Mcp.answer(lead, session, "approve_executive_summary", false, "project", t.slug(), "version", summary))
                .get("approved").asBoolean());
        assertTrue(json(Mcp.answer(lead, session, "get_project", false, "project", t.slug())).get("executiveSummaryApproved").asBoolean());

        Map<String, Object> none = new HashMap<>();
        none.put("column", "claimed");
        none.put("wipLimit", null);
        JsonNode limits = json(Mcp.answer(lead, session, "set_wip_limits", false, "project", t.slug(),
                "limits", List.of(Map.of("column", "in_progress", "wipLimit", 3), none)));
        assertTrue(limits.toString().contains("{\"column\":\"in_progress\",\"wipLimit\":3}"), limits.toString());
        Api.as(t.viewer()).get(api + "/board/limits").then().statusCode(200).body("in_progress", equalTo(3)).body("claimed", nullValue());
        assertTrue(Mcp.answer(lead, session, "set_wip_limits", true, "project", t.slug(), "limits", List.of(Map.of("column", "nope", "wipLimit", 2)))
                .contains("nope"));
        assertTrue(Mcp.answer(member, memberSession, "set_wip_limits", true, "project", t.slug(),
                "limits", List.of(Map.of("column", "in_progress", "wipLimit", 9))).contains("lead"));
        Api.as(t.viewer()).get(api + "/board/limits").then().statusCode(200).body("in_progress", equalTo(3));

        // A limit without its column, or a null one, is named (it was a NullPointerException: "Something went wrong").
        List<Object> broken = new java.util.ArrayList<>();
        broken.add(Map.of());
        broken.add(Map.of("wipLimit", 3));
        broken.add(null);
        String refused = Mcp.answer(lead, session, "set_wip_limits", true, "project", t.slug(), "limits", broken);
        assertTrue(refused.contains("limits[0].column") && refused.contains("limits[1].column") && refused.contains("limits[2]")
                && !refused.contains("went wrong"), refused);
        Api.as(t.viewer()).get(api + "/board/limits").then().statusCode(200).body("in_progress", equalTo(3));
    }

    @Test
    void createFeatureTakesItsCategoryStoriesAndEveryDataOperation() throws Exception {
        TestData.Team t = data.team();
        data.stories(t, 2);
        String token = tokens.create(t.member().id, "feature agent", null, null).value();
        String session = Mcp.initialize(token);
        JsonNode feature = json(Mcp.answer(token, session, "create_feature", false, "project", t.slug(), "name", "Wish list", "userDescription", "Shoppers keep products",
                "category", "social", "creates", List.of("Wish"), "updates", List.of("Wish"), "deletes", List.of("Wish"), "storyNumbers", List.of(2)));
        assertEquals("social", feature.get("category").asText());
        assertEquals("[\"Wish\"]", feature.get("dataOperations").get("updates").toString());
        assertEquals("[\"Wish\"]", feature.get("dataOperations").get("deletes").toString());
        assertEquals("US-2", feature.get("stories").get(0).get("key").asText(), feature.toString());
        JsonNode updated = json(Mcp.answer(token, session, "update_feature", false, "project", t.slug(), "featureId", feature.get("id").asText(),
                "version", feature.get("version").asInt(), "storyNumbers", List.of(1)));
        assertEquals("US-1", updated.get("stories").get(0).get("key").asText(), updated.toString());
        assertEquals(1, updated.get("stories").size(), updated.toString());
    }

    @Test
    void aBlankDesignDocIsRefusedNamingTheField() throws Exception {
        TestData.Team t = data.team();
        String component = Api.as(t.lead()).body(Map.of("name", "Ledger", "filePath", "src/ledger"))
                .post("/api/v1/projects/" + t.slug() + "/components").then().statusCode(201).extract().path("id");
        String member = tokens.create(t.member().id, "doc agent", null, null).value();
        String session = Mcp.initialize(member);
        String refused = Mcp.answer(member, session, "save_design_doc", true, "project", t.slug(), "componentId", component, "content", " \n ");
        assertTrue(refused.contains("Write the design doc"), refused);
        assertTrue(dev.specboard.architecture.DesignDoc.forComponent(java.util.UUID.fromString(component)).isEmpty(), "no version was saved");
    }
}
