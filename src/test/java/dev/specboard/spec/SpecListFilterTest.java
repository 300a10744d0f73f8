package dev.specboard.spec;

import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.specboard.support.Mcp.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec list filtered by status, alone and with a story, on the page (an unknown status answers 422 naming it, with
 * the story kept), in the API (400) and through MCP's {@code list_specs}.
 */
@QuarkusTest
class SpecListFilterTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** SPEC-1 (approved) and SPEC-2 (draft) on US-1, SPEC-3 (draft) on no story. */
    private TestData.Team threeSpecs() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "Checkout", "description", "d")).post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("title", "Cart totals", "content", "Sum it.", "storyNumber", 1),
                Map.<String, Object>of("title", "Cart coupons", "content", "Take coupons.", "storyNumber", 1),
                Map.<String, Object>of("title", "Rounding", "content", "Round half even."))) {
            Response created = fx.api(t.member()).body(body).post("/api/v1/projects/" + t.slug() + "/specs");
            assertEquals(201, created.statusCode(), created.asString());
        }
        fx.api(t.lead()).post("/api/v1/projects/" + t.slug() + "/specs/SPEC-1/approve").then().statusCode(200);
        return t;
    }

    private static List<String> listed(Document d) {
        return d.select("#spec-list tbody tr").eachAttr("id");
    }

    private static Document page(TestData.Team t, String url) {
        Response r = Web.as(t.viewer()).get(url);
        assertEquals(200, r.statusCode(), url);
        return Web.html(r);
    }

    private List<String> apiKeys(TestData.Team t, String query) {
        return fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs" + query).then().statusCode(200)
                .extract().jsonPath().getList("key");
    }

    @Test
    void thePageListsTheSpecsInOneStatusAndKeepsTheStoryFilter() {
        TestData.Team t = threeSpecs();
        String list = "/projects/" + t.slug() + "/specs";

        Document drafts = page(t, list + "?status=draft");
        assertEquals(List.of("spec-SPEC-2", "spec-SPEC-3"), listed(drafts));
        Element select = drafts.getElementById("filter-status");
        assertNotNull(select, "the filter offers the statuses");
        assertEquals("draft", select.selectFirst("option[selected]").val());
        assertEquals(List.of("", "draft", "approved", "in_progress", "complete"), select.select("option").eachAttr("value"));
        assertEquals("In progress", select.selectFirst("option[value=in_progress]").text(), "the options read as words");
        assertNotNull(drafts.getElementById("clear-filters"));

        assertEquals(List.of("spec-SPEC-2"), listed(page(t, list + "?story=1&status=draft")),
                "both filters hold at once");
        assertEquals(List.of("spec-SPEC-1"), listed(page(t, list + "?status=Approved")),
                "a status is matched ignoring case");

        Document none = page(t, list + "?status=complete");
        assertTrue(listed(none).isEmpty());
        assertEquals("No spec is complete.", none.getElementById("no-specs").text());
        assertNotNull(none.getElementById("spec-filters"), "the filters stay to change them");
        Document noneOfStory = page(t, list + "?story=1&status=in-progress");
        assertEquals("No spec of US-1 is in progress.", noneOfStory.getElementById("no-specs").text());
    }

    @Test
    void anUnknownStatusIsRefusedByNameWithTheOtherFilterKept() {
        TestData.Team t = threeSpecs();
        Response refused = Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs?story=1&status=shipped");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        assertEquals("There is no spec status \u201cshipped\u201d: choose draft, approved, in_progress or complete",
                d.getElementById("e-filter-status").text());
        assertEquals("true", d.getElementById("filter-status").attr("aria-invalid"));
        assertEquals("1", d.getElementById("filter-story").val(), "the story asked for stays in its input");
        assertTrue(listed(d).isEmpty(), "nothing is listed under a refused filter");
        assertFalse(d.html().contains("No specs yet"), "the list does not claim to be empty");
    }

    @Test
    void theApiAndMcpFilterByStatus() {
        TestData.Team t = threeSpecs();
        assertEquals(List.of("SPEC-2", "SPEC-3"), apiKeys(t, "?status=draft"));
        assertEquals(List.of("SPEC-2"), apiKeys(t, "?story=1&status=draft"));
        assertEquals(List.of("SPEC-1", "SPEC-2", "SPEC-3"), apiKeys(t, ""));
        Response bad = fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs?status=shipped");
        assertEquals(422, bad.statusCode(), bad.asString());
        assertTrue(bad.jsonPath().getString("error").contains("status"), bad.asString());

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        String approved = answer(token, session, "list_specs", false, "project", t.slug(), "status", "approved");
        assertTrue(approved.contains("\"key\":\"SPEC-1\"") && !approved.contains("SPEC-2") && !approved.contains("SPEC-3"), approved);
        String draftsOfStory = answer(token, session, "list_specs", false, "project", t.slug(), "storyNumber", 1, "status", "draft");
        assertTrue(draftsOfStory.contains("\"key\":\"SPEC-2\"") && !draftsOfStory.contains("SPEC-1") && !draftsOfStory.contains("SPEC-3"),
                draftsOfStory);
        assertTrue(answer(token, session, "list_specs", true, "project", t.slug(), "status", "shipped").contains("status"),
                "an unknown status is an error naming the argument");
    }

    /**
     * A story filter naming no story was read as a story number and listed nothing, as if the story had no specs: the API
     * refuses it naming {@code story}, as it refuses an unknown status, and reads {@code US-1} as the page does.
     */
    @Test
    void theApiRefusesAStoryFilterNamingNoStory() {
        TestData.Team t = threeSpecs();
        assertEquals(List.of("SPEC-2"), apiKeys(t, "?story=US-1&status=draft"));
        assertEquals(apiKeys(t, "?story=1"), apiKeys(t, "?story=us-1"));
        for (String story : List.of("0", "-1", "US-0", "007", "XX-1", "1.5")) {
            Response bad = fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs?story=" + story);
            assertEquals(400, bad.statusCode(), story + " " + bad.asString());
            assertEquals("must be a story number, such as 12 or US-12", bad.jsonPath().getString("details.story"), story);
        }
        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        assertTrue(answer(token, session, "list_specs", true, "project", t.slug(), "storyNumber", 0).contains("story"),
                "a story number of 0 is an error naming the argument");
    }
}
