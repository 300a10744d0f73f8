package dev.specboard.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.OtherInstance;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Features detected from the mockups (seed 004's {@code detected_from_mockups}): one per entity the forms, tables and cards
 * work with, marked as detected, recorded on the thinking chain (rejecting it takes the feature out), never made twice.
 */
@QuarkusTest
class FeatureDetectionTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aMemberDetectsFeaturesOnThePageAndSeesThemMarked() {
        TestData.Team t = data.team();
        String features = "/projects/" + t.slug() + "/features";
        Document empty = Web.html(Web.as(t.member()).get(features));
        assertNotNull(empty.getElementById("detect-features"));
        assertNull(Web.html(Web.as(t.viewer()).get(features)).getElementById("detect-features"), "a viewer is not offered it");
        assertEquals(403, Web.as(t.viewer()).post(features + "/detect").statusCode());
        assertEquals("No new features in the mockups.", detect(t, features).getElementById("flash").text());

        EntityResourceTest.contactPages(t);
        Document list = detect(t, features);
        assertEquals("2 features detected from the mockups: Manage contacts, Browse companies.", list.getElementById("flash").text());
        assertEquals(2, list.select("#features .badge.detected").size());
        String href = list.selectFirst("#features a:contains(Manage contacts)").attr("href");
        Document page = Web.html(Web.as(t.member()).get(href));
        assertEquals("from mockups", page.getElementById("feature-detected").text());
        assertEquals("Users can add, view, edit and delete contacts.", page.getElementById("feature-description").text());
        assertNotNull(page.getElementById("detected-note"));
        assertEquals("Contact", page.getElementById("op-creates").text());
        assertEquals("Contact", page.getElementById("op-updates").text());
        assertEquals("Contact", page.getElementById("op-deletes").text(), "the edit form's delete button");

        Document again = detect(t, features);
        assertTrue(again.getElementById("flash").text().startsWith("No new features in the mockups (passed over: Contact: detected before; "),
                again.getElementById("flash").text());
        assertEquals(2, again.select("#features > li").size(), "nothing made twice");
    }

    /** Detects on the page and follows the redirect to the list with the message it left. */
    private static Document detect(TestData.Team t, String features) {
        Response r = Web.as(t.member()).post(features + "/detect");
        assertEquals(303, r.statusCode(), r.asString());
        return Web.html(Web.as(t.member()).cookie("sb_flash", r.getCookie("sb_flash")).get(features));
    }

    @Test
    void theApiDetectsAndRejectingTheInferenceTakesTheFeatureOutForGood() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "browse companies")).post(api + "/features").then().statusCode(201);

        Response detected = fx.api(t.member()).post(api + "/features/detect");
        assertEquals(200, detected.statusCode(), detected.asString());
        assertEquals(List.of("Manage contacts"), detected.path("detected.name"));
        assertEquals(List.of(true), detected.path("detected.detectedFromMockups"));
        assertEquals(List.of("/contacts-new", "/contacts", "/contacts-edit"), detected.path("detected[0].affectedPages"));
        assertEquals(List.of("Contact"), detected.path("detected[0].dataOperations.reads"));
        List<String> ui = detected.path("detected[0].uiRequirements");
        assertEquals(List.of("form on /contacts-new: name, email, phone, company, stage, birthday, age, newsletter", "table on /contacts: name, email, phone",
                "form on /contacts-edit: name, email"), ui);
        assertEquals(List.of("Company: a feature is named Browse companies already"), detected.path("passedOver"));
        assertEquals(false, fx.api(t.viewer()).get(api + "/features").then().extract().path("find { it.name == 'browse companies' }.detectedFromMockups"));
        assertEquals(403, fx.api(t.viewer()).post(api + "/features/detect").statusCode());
        assertEquals(404, fx.api(t.outsider()).post(api + "/features/detect").statusCode());

        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        String featureId = detected.path("detected[0].id");
        Map<String, Object> inference = EntityResourceTest.thought(thoughts, "feature:Contact/" + featureId);
        assertEquals("inference", inference.get("thoughtType"));
        assertTrue(String.valueOf(inference.get("reasoning")).contains("a feature Manage contacts"), inference.toString());
        fx.api(t.member()).post(api + "/thinking/" + inference.get("id") + "/reject").then().statusCode(200);
        assertEquals(404, fx.api(t.viewer()).get(api + "/features/" + featureId).statusCode(), "rejecting the inference took the feature out");
        Response after = fx.api(t.member()).post(api + "/features/detect");
        assertEquals(List.of(), after.path("detected"), "a rejected detection is not made again");
        assertTrue(after.path("passedOver").toString().contains("Contact: detected before"), after.asString());
    }

    /** The assistant wrote a detected feature, not the member who asked for the detection: a stale save of it says so. */
    @Test
    void aDetectedFeatureIsSavedByTheAssistantNotByWhoClicked() throws Exception {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).post(api + "/features/detect").then().statusCode(200).extract().path("detected[0].id");
        Feature f = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(java.util.UUID.fromString(id)));
        assertTrue(f.updatedByAssistant);
        assertNull(f.updatedBy);
        // The assistant saved it again meanwhile (a version with no operation of its own to merge): an edit of version 1 is stale.
        assertEquals(1, OtherInstance.update("update features set version = 2 where id = ?", java.util.UUID.fromString(id)));
        fx.api(t.member()).body(Map.of("name", "Manage all contacts", "version", 1)).put(api + "/features/" + id).then().statusCode(409)
                .body("error", org.hamcrest.Matchers.startsWith("The feature Manage contacts was changed by the assistant while you edited it"));

        // A member's own feature stays theirs.
        String own = fx.api(t.member()).body(Map.of("name", "Export contacts", "userDescription", "CSV")).post(api + "/features").then()
                .statusCode(201).extract().path("id");
        Feature mine = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(java.util.UUID.fromString(own)));
        assertEquals(t.member().id, mine.updatedBy);
        assertFalse(mine.updatedByAssistant);
    }

    @Test
    void aDetectionBuildsOnTheEntitysInferenceBothWays() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        String id = fx.api(t.member()).post(api + "/features/detect").then().statusCode(200).extract().path("detected[0].id");
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> entity = EntityResourceTest.thought(thoughts, "entity:Contact");
        Map<String, Object> feature = EntityResourceTest.thought(thoughts, "feature:Contact/" + id);
        assertEquals(List.of(entity.get("id")), feature.get("dependsOn"));
        assertTrue(((List<?>) entity.get("leadsTo")).contains(feature.get("id")), entity.toString());
        // The chain shows 50 thoughts a page: the two may be on different pages.
        List<String> leads = new java.util.ArrayList<>();
        List<String> builds = new java.util.ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            Document chain = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking?page=" + page));
            leads.addAll(chain.select("[id=thought-" + entity.get("id") + "] p.muted:containsOwn(Leads to) a").eachText());
            builds.addAll(chain.select("[id=thought-" + feature.get("id") + "] p.muted:containsOwn(Builds on) a").eachText());
        }
        assertTrue(leads.contains("feature for Contact"), "a link names the subject as people read it: " + leads);
        assertTrue(!builds.isEmpty() && builds.stream().allMatch("entity Contact"::equals), builds.toString());
    }

    @Test
    void deletingADetectedFeatureRejectsItsInferenceSoDetectingAgainLeavesItOut() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).post(api + "/features/detect").then().statusCode(200).extract().path("detected[0].id");
        fx.api(t.member()).delete(api + "/features/" + id).then().statusCode(204);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> inference = EntityResourceTest.thought(thoughts, "feature:Contact/" + id);
        assertEquals("rejected", inference.get("status"));
        assertEquals("The feature was deleted.", inference.get("userFeedback"));
        assertEquals(List.of(), fx.api(t.member()).post(api + "/features/detect").then().extract().path("detected"));
    }

    @Test
    void anAgentDetectsFeaturesThroughMcp() throws Exception {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(base, agent)) {
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("detect_features", Map.of("project", t.slug())));
            assertFalse(r.isError(), r.toString());
            JsonNode answer = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r.structuredContent()));
            assertEquals(2, answer.get("detected").size(), answer.toString());
            assertTrue(answer.at("/detected/1/detectedFromMockups").asBoolean());
            assertEquals("Browse companies", answer.at("/detected/1/name").asText());
        }
    }
}
