package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revoking a preview that has already ended says how it ended: the API said "already ended (ready)" (an ended preview is
 * READY until the cleanup runs), and the page's plain form (a second tab) answered a bare 409 error page.
 */
@QuarkusTest
class PreviewRevokeTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aSecondRevokeSaysThePreviewWasRevokedOnTheApiAndBackOnTheListInTheBrowser() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String id = PreviewLifecycleTest.createPreview(t, "", 2);
        String revoke = "/projects/" + t.slug() + "/previews/" + id + "/revoke";
        Web.as(t.lead()).post(revoke).then().statusCode(303);

        Response again = Web.as(t.lead()).post(revoke);
        assertEquals(303, again.statusCode(), again.asString());
        assertTrue(again.getHeader("Location").endsWith("/projects/" + t.slug() + "/previews#preview-" + id), again.getHeader("Location"));
        assertTrue(URLDecoder.decode(again.getCookie("sb_flash"), StandardCharsets.UTF_8).contains("already revoked"));

        fx.api(t.lead()).contentType("application/json").post("/api/v1/projects/" + t.slug() + "/previews/" + id + "/revoke").then()
                .statusCode(409).body("error", equalTo("This preview was already revoked; its link no longer opens."));
    }

    /** A revoke over the API records the EXPIRED stage at once and says why the preview is closed, as the page does. */
    @Test
    void aRevokeOverTheApiRecordsItsStageAndSaysWhy() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String id = PreviewLifecycleTest.createPreview(t, "", 2);
        String open = PreviewLifecycleTest.createPreview(t, "", 2);
        fx.api(t.lead()).contentType("application/json").post("/api/v1/projects/" + t.slug() + "/previews/" + id + "/revoke").then()
                .statusCode(200).body("status", equalTo("EXPIRED")).body("closedReason", equalTo("revoked"))
                .body("events.stage", equalTo(java.util.List.of("EXPIRED")));
        fx.api(t.lead()).get("/api/v1/projects/" + t.slug() + "/previews/" + open).then().statusCode(200)
                .body("closedReason", org.hamcrest.Matchers.nullValue()).body("events", org.hamcrest.Matchers.empty());
        org.jsoup.nodes.Document list = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/previews"));
        assertEquals("Expired (revoked)", list.getElementById("status-" + id).text());
        // An ended preview says when it ended, in the past; the open one when it will.
        String revoked = list.getElementById("preview-" + id).selectFirst("p").text();
        assertTrue(revoked.contains("revoked just now") && !revoked.contains("expires"), revoked);
        String stillOpen = list.getElementById("preview-" + open).selectFirst("p").text();
        assertTrue(stillOpen.contains("expires in "), stillOpen);
    }
}
