package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Archiving a project freezes its content, not the links it gave out: a preview link of an archived project stayed public
 * and every revoke (API, MCP tool, page form) answered 409 "This project is archived". Closing access is the one change an
 * archived project takes from a lead; every other change, making a new preview included, is still refused.
 */
@QuarkusTest
class PreviewArchivedRevokeTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    private static void archive(TestData.Team t) {
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
    }

    private static int publicStatus(String token) {
        return RestAssured.given().redirects().follow(false).get("/preview/" + token).statusCode();
    }

    @Test
    void aLeadRevokesThePreviewsOfAnArchivedProjectOverTheApiTheToolAndTheForm() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String byApi = PreviewLifecycleTest.createPreview(t, "", 3);
        String byTool = PreviewLifecycleTest.createPreview(t, "", 3);
        String byForm = PreviewLifecycleTest.createPreview(t, "", 3);
        String apiToken = PreviewLifecycleTest.token(t, byApi);
        String toolToken = PreviewLifecycleTest.token(t, byTool);
        String formToken = PreviewLifecycleTest.token(t, byForm);
        archive(t);
        assertEquals(200, publicStatus(apiToken), "open until revoked");

        String api = "/api/v1/projects/" + t.slug() + "/previews";
        // Every other change stays refused: no new preview, and below the lead's role no revoke either.
        fx.api(t.lead()).body(Map.of("hours", 3)).post(api).then().statusCode(409).body("details.archived", equalTo(true));
        fx.api(t.member()).post(api + "/" + byApi + "/revoke").then().statusCode(403);
        assertEquals(200, publicStatus(apiToken));

        fx.api(t.lead()).post(api + "/" + byApi + "/revoke").then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("closedReason", equalTo("revoked"));
        assertEquals(404, publicStatus(apiToken));

        try (McpSyncClient lead = Mcp.client(base, fx.token(t.lead()))) {
            McpSchema.CallToolResult r = lead.callTool(new McpSchema.CallToolRequest("revoke_preview",
                    Map.of("project", t.slug(), "previewId", byTool)));
            assertFalse(Boolean.TRUE.equals(r.isError()), String.valueOf(r.content()));
            assertTrue(r.structuredContent().toString().contains("closedReason=revoked"), String.valueOf(r.structuredContent()));
        }
        assertEquals(404, publicStatus(toolToken));

        Document page = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews"));
        assertNotNull(page.getElementById("revoke-" + byForm), "the lead keeps the revoke button of an open link");
        assertNull(page.getElementById("preview-form"), "but gets no form to make a new one");
        assertNull(Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/previews")).getElementById("revoke-" + byForm));
        Response form = Web.as(t.lead()).post("/projects/" + t.slug() + "/previews/" + byForm + "/revoke");
        assertEquals(303, form.statusCode(), form.asString());
        assertEquals(404, publicStatus(formToken));
    }
}
