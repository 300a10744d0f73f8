package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stale save of a page's details, a feature or a journey's details said only "compare both texts and save again", with
 * no text to compare; it now shows their version and the differences from it, as stories, documents and entities do.
 */
@QuarkusTest
class StaleDetailsConflictTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** The 409 page shows "Their version N" with their text and a diff from theirs to yours, keeping what was typed. */
    private static void assertConflictShown(Response stale, int version, String theirs, String field, String typed) {
        assertEquals(409, stale.statusCode());
        Document d = Web.html(stale);
        assertNotNull(d.getElementById("conflict"), "the version saved meanwhile is shown: " + d.select(".error-box").text());
        assertTrue(d.getElementById("conflict").text().contains("Their version " + version), d.getElementById("conflict").text());
        assertTrue(d.getElementById("conflict").text().contains("From theirs to yours"));
        assertTrue(d.select("#conflict pre.theirs").eachText().contains(theirs), d.select("#conflict pre.theirs").eachText().toString());
        assertEquals(typed, d.getElementById(field).val(), "what was typed stays in the form");
    }

    @Test
    void pageDetailsFeaturesAndJourneysShowTheirVersionBesideYours() {
        TestData.Team t = data.team();
        String page = PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String base = "/projects/" + t.slug() + "/pages/" + page;
        Web.as(t.member()).formParam("name", "Start").formParam("path", "/").formParam("parent", "").formParam("type", "page")
                .formParam("primaryDevice", "responsive").formParam("purpose", "Theirs").formParam("keyElements", "").formParam("version", "1")
                .post(base).then().statusCode(303);
        assertConflictShown(Web.as(t.lead()).formParam("name", "Landing").formParam("path", "/").formParam("parent", "").formParam("type", "page")
                .formParam("primaryDevice", "responsive").formParam("purpose", "Mine").formParam("keyElements", "").formParam("version", "1")
                .post(base), 2, "Start", "f-name", "Landing");

        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Billing")).post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201)
                .extract().path("id");
        String fbase = "/projects/" + t.slug() + "/features/" + feature;
        Web.as(t.member()).formParam("name", "Billing 2").formParam("version", "1").post(fbase).then().statusCode(303);
        assertConflictShown(Web.as(t.lead()).formParam("name", "My billing").formParam("version", "1").post(fbase), 2, "Billing 2", "f-name",
                "My billing");

        String journey = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(Map.of("key", "q", "nodeType", "decision",
                "data", Map.of("question", "Paid?", "branches", List.of("Yes", "No")))), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String jbase = "/projects/" + t.slug() + "/journeys/" + journey;
        fx.api(t.member()).body(Map.of("name", "Check out", "version", 1)).put(ApiPaths.project(t.slug(), "/journeys/") + journey).then().statusCode(200);
        assertConflictShown(Web.as(t.member()).formParam("name", "Basket").formParam("flowType", "user").formParam("description", "typed")
                .formParam("version", "1").post(jbase), 2, "Check out", "f-name", "Basket");
    }

    /** The 409 page says who saved the version shown ("You, in another tab or window,", a member's name), with "saved version N". */
    private static void assertSavedBy(Response stale, String who, int version) {
        assertEquals(409, stale.statusCode());
        String said = Web.html(stale).getElementById("conflict").selectFirst(".error-box").text();
        assertTrue(said.startsWith(who + " saved version " + version + "."), said);
    }

    /**
     * A stale save of a page's details, a feature or a journey said "Someone else saved version 2" even when the one who
     * saved it was the same person in another tab: it now says so, and names the member otherwise, on the 409 page, in the
     * API's error and in the MCP tool's answer, as comments and stories do. An API or MCP caller has no tabs: it is told
     * "you in another request" (it was told "another tab or window" too).
     */
    @Test
    void aStaleSaveSaysWhoSavedTheNewerVersion() {
        TestData.Team t = data.team();
        String member = t.member().username;
        String you = "you in another request";
        String api = ApiPaths.project(t.slug());
        String memberToken = fx.token(t.member());
        String memberSession = Mcp.initialize(memberToken);
        String leadToken = fx.token(t.lead());
        String leadSession = Mcp.initialize(leadToken);

        String page = PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String base = "/projects/" + t.slug() + "/pages/" + page;
        Web.as(t.member()).formParam("name", "Start").formParam("path", "/").formParam("parent", "").formParam("type", "page")
                .formParam("primaryDevice", "responsive").formParam("purpose", "Theirs").formParam("keyElements", "").formParam("version", "1")
                .post(base).then().statusCode(303);
        for (var who : Map.of(t.member(), "You, in another tab or window,", t.lead(), member).entrySet()) {
            Response stale = Web.as(who.getKey()).formParam("name", "Landing").formParam("path", "/").formParam("parent", "").formParam("type", "page")
                    .formParam("primaryDevice", "responsive").formParam("purpose", "Mine").formParam("keyElements", "").formParam("version", "1")
                    .post(base);
            assertSavedBy(stale, who.getValue(), 2);
            // The details' form is at the bottom of a long page: the summary at its top says so and links to both versions.
            var summary = Web.html(stale).getElementById("conflict-summary");
            assertTrue(summary.text().startsWith("Someone saved this page while you were editing " + who.getValue() + " saved version 2."), summary.text());
            assertEquals("#conflict", summary.selectFirst("a").attr("href"));
        }
        fx.api(t.member()).body(Map.of("name", "Landing", "version", 1)).put(api + "/pages/" + page).then().statusCode(409)
                .body("error", containsString("The page Start was changed by " + you + " while you edited it"));
        fx.api(t.lead()).body(Map.of("name", "Landing", "version", 1)).put(api + "/pages/" + page).then().statusCode(409)
                .body("error", containsString("The page Start was changed by " + member + " while you edited it"));
        String mcp = Mcp.answer(memberToken, memberSession, "update_page", true, "project", t.slug(), "pageId", page, "version", 1, "name", "Landing");
        assertTrue(mcp.contains("changed by " + you + " while"), mcp);
        mcp = Mcp.answer(leadToken, leadSession, "update_page", true, "project", t.slug(), "pageId", page, "version", 1, "name", "Landing");
        assertTrue(mcp.contains("changed by " + member + " while"), mcp);

        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Billing")).post(api + "/features").then().statusCode(201).extract().path("id");
        String fbase = "/projects/" + t.slug() + "/features/" + feature;
        Web.as(t.member()).formParam("name", "Billing 2").formParam("version", "1").post(fbase).then().statusCode(303);
        assertSavedBy(Web.as(t.member()).formParam("name", "My billing").formParam("version", "1").post(fbase), "You, in another tab or window,", 2);
        assertSavedBy(Web.as(t.lead()).formParam("name", "My billing").formParam("version", "1").post(fbase), member, 2);
        fx.api(t.member()).body(Map.of("name", "Mine", "version", 1)).put(api + "/features/" + feature).then().statusCode(409)
                .body("error", containsString("The feature Billing 2 was changed by " + you + " while you edited it"));
        fx.api(t.lead()).body(Map.of("name", "Mine", "version", 1)).put(api + "/features/" + feature).then().statusCode(409)
                .body("error", containsString("The feature Billing 2 was changed by " + member + " while you edited it"));
        mcp = Mcp.answer(memberToken, memberSession, "update_feature", true, "project", t.slug(), "featureId", feature, "version", 1, "name", "Mine");
        assertTrue(mcp.contains("changed by " + you + " while"), mcp);
        mcp = Mcp.answer(leadToken, leadSession, "update_feature", true, "project", t.slug(), "featureId", feature, "version", 1, "name", "Mine");
        assertTrue(mcp.contains("changed by " + member + " while"), mcp);

        String journey = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(Map.of("key", "q", "nodeType", "decision",
                "data", Map.of("question", "Paid?", "branches", List.of("Yes", "No")))), "connections", List.of()))
                .post(api + "/journeys").then().statusCode(201).extract().path("id");
        String jbase = "/projects/" + t.slug() + "/journeys/" + journey;
        fx.api(t.member()).body(Map.of("name", "Check out", "version", 1)).put(api + "/journeys/" + journey).then().statusCode(200);
        for (var who : Map.of(t.member(), "You, in another tab or window,", t.lead(), member).entrySet()) {
            assertSavedBy(Web.as(who.getKey()).formParam("name", "Basket").formParam("flowType", "user").formParam("description", "typed")
                    .formParam("version", "1").post(jbase), who.getValue(), 2);
        }
        fx.api(t.member()).body(Map.of("name", "Pay", "version", 1)).put(api + "/journeys/" + journey).then().statusCode(409)
                .body("error", containsString("The journey Check out was changed by " + you + " while you edited it"));
        fx.api(t.lead()).body(Map.of("name", "Pay", "version", 1)).put(api + "/journeys/" + journey).then().statusCode(409)
                .body("error", containsString("The journey Check out was changed by " + member + " while you edited it"));
        mcp = Mcp.answer(memberToken, memberSession, "update_journey", true, "project", t.slug(), "journeyId", journey, "version", 1, "name", "Pay");
        assertTrue(mcp.contains("changed by " + you + " while"), mcp);
        mcp = Mcp.answer(leadToken, leadSession, "update_journey", true, "project", t.slug(), "journeyId", journey, "version", 1, "name", "Pay");
        assertTrue(mcp.contains("changed by " + member + " while"), mcp);
    }
}
