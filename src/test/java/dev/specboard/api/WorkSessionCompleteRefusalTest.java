package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
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
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Complete refused for its input (a note over 20,000 characters, a design doc sent on a session that takes none) answered
 * the generic error page and lost the note: now the list comes back with 422, the problem next to its field and what was
 * typed kept, as for Fail; the API and complete_work_session answer the JSON 422 naming the field.
 */
@QuarkusTest
class WorkSessionCompleteRefusalTest {

    static final String FORM = "application/x-www-form-urlencoded";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ComponentService components;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    private static String api(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/work-sessions";
    }

    private static String page(TestData.Team t) {
        return "/projects/" + t.slug() + "/work-sessions";
    }

    private static String claimed(TestData.Team t, String type, String targetType, String targetId) {
        String id = WorkSessionPageTest.started(t, type, targetType, targetId);
        Api.as(t.member()).post(api(t) + "/" + id + "/claim").then().statusCode(200);
        return id;
    }

    @Test
    void aNoteTooLongReRendersTheListWithTheProblemByTheNoteAndTheTextKept() {
        TestData.Team t = data.team();
        UUID c = components.create(new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.OWNER, t.owner().id),
                new ComponentForm("Cart", "schema", "lib/app/cart.ex", "", "", null)).id;
        String id = claimed(t, "design", "component", c.toString());
        String note = "n".repeat(20001);

        // Sent from the component page: the list comes back, as for a stale page.
        Response refused = Web.as(t.member()).contentType(FORM).formParam("note", note).formParam("designDoc", "My design")
                .formParam("designDocVersion", "0").formParam("back", c.toString()).post(page(t) + "/" + id + "/complete");
        assertEquals(422, refused.statusCode());
        Document list = Web.html(refused);
        assertEquals("Not completed: At most 20000 characters in the result note.", list.selectFirst("#finish-error p").text());
        assertEquals("At most 20000 characters", list.getElementById("e-note-" + id).text(), "the problem is named next to the note");
        assertEquals("e-note-" + id, list.getElementById("note-" + id).attr("aria-describedby"));
        assertEquals("true", list.getElementById("note-" + id).attr("aria-invalid"));
        assertEquals(note, list.getElementById("note-" + id).wholeText(), "the note is kept");
        assertEquals("My design", list.getElementById("designDoc-" + id).wholeText(), "the design doc text is kept");
        assertTrue(list.selectFirst("#session-" + id + " details.finish").hasAttr("open"), "the refused form is shown");
        assertEquals(List.of("#note-" + id), list.select("main > #error-summary a").eachAttr("href"));
        assertEquals("Result note", list.selectFirst("#error-summary [data-error-label]").text());
        Api.as(t.viewer()).get(api(t) + "/" + id).then().body("status", equalTo("in_progress"));

        Api.as(t.member()).body(Map.of("note", note)).post(api(t) + "/" + id + "/complete").then().statusCode(422)
                .body("details.note", equalTo("At most 20000 characters"));
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.member()))) {
            JsonNode error = refusal(mcp, Map.of("project", t.slug(), "sessionId", id, "note", note));
            assertEquals("At most 20000 characters", error.get("details").get("note").asText(), error.toString());
        }
        Api.as(t.viewer()).get(api(t) + "/" + id).then().body("status", equalTo("in_progress"));
    }

    @Test
    void aDesignDocOnASessionThatTakesNoneSaysSoAndKeepsTheNoteAndTheText() {
        TestData.Team t = data.team();
        String id = claimed(t, "setup", "project", null);

        Response refused = Web.as(t.member()).contentType(FORM).formParam("note", "Set up the repository").formParam("designDoc", "Stray text")
                .formParam("back", "").post(page(t) + "/" + id + "/complete");
        assertEquals(422, refused.statusCode());
        Document list = Web.html(refused);
        assertEquals("Not completed: Only a design session on a component can attach a design doc (the new design doc version).",
                list.selectFirst("#finish-error p").text());
        assertEquals("alert", list.getElementById("finish-error").attr("role"), "no summary links to a field the row lacks: the box is the alert");
        assertNull(list.getElementById("error-summary"));
        assertEquals("Set up the repository", list.getElementById("note-" + id).wholeText(), "the note is kept in its form");
        assertEquals("Stray text", list.getElementById("kept-doc").wholeText(), "the text, having no field on this row, is shown");
        assertNull(list.getElementById("designDoc-" + id));
        assertTrue(list.selectFirst("#session-" + id + " details.finish").hasAttr("open"));

        Api.as(t.member()).body(Map.of("note", "n", "designDoc", "Stray")).post(api(t) + "/" + id + "/complete").then().statusCode(422)
                .body("details.designDoc", equalTo("Only a design session on a component can attach a design doc"));
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.member()))) {
            JsonNode error = refusal(mcp, Map.of("project", t.slug(), "sessionId", id, "note", "n", "designDoc", "Stray"));
            assertEquals("Only a design session on a component can attach a design doc", error.get("details").get("designDoc").asText(),
                    error.toString());
        }
        Api.as(t.viewer()).get(api(t) + "/" + id).then().body("status", equalTo("in_progress"));
    }

    /** complete_work_session's refusal: the API's {error, details} JSON, after checking the call was refused. */
    private static JsonNode refusal(McpSyncClient mcp, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest("complete_work_session", args));
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> "not refused: " + r.structuredContent());
        try {
            JsonNode error = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            assertTrue(error.get("error").isTextual() && error.get("details").isObject(), "the API's error JSON: " + error);
            return error;
        } catch (java.io.IOException e) {
            throw new AssertionError("the text block is not JSON: " + r.content(), e);
        }
    }
}
