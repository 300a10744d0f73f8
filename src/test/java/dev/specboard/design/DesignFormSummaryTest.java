package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design side's page-edit, mockup and feature forms, refused, list their problems above the form (the error summary
 * errors.js moves focus to), each named by its field's label and linked to it, with every typed value kept: their only
 * messages sat at the fields, far below the fold of a long page.
 */
@QuarkusTest
class DesignFormSummaryTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aRefusedPageEditNamesEachProblemAboveTheFormAndKeepsTheValues() {
        TestData.Team t = data.team();
        String page = "/projects/" + t.slug() + "/pages/" + PageResourceTest.createPage(t, "Home", "/", null, null, null);
        String version = Web.html(Web.as(t.member()).get(page)).selectFirst("#page-edit-form input[name=version]").val();
        Document d = refused(Web.as(t.member()).formParam("name", "").formParam("path", "/Bad Path").formParam("purpose", "kept purpose")
                .formParam("keyElements", "header, grid").formParam("type", "page").formParam("primaryDevice", "mobile")
                .formParam("version", version).post(page), "#page-edit-form");
        assertEquals(List.of("Name", "URL path"), d.select("#page-edit-form [data-error-label]").eachText());
        assertEquals(List.of("#f-name", "#f-path"), d.select("#page-edit-form #error-summary a").eachAttr("href"));
        assertEquals("/Bad Path", d.getElementById("f-path").val());
        assertEquals("kept purpose", d.getElementById("f-purpose").text());
        assertEquals("header, grid", d.getElementById("f-keyElements").val());
        assertEquals("mobile", d.selectFirst("#f-primaryDevice option[selected]").val());
        assertTrue(d.getElementById("edit-page").hasAttr("open"), "the refused form is shown");

        // A save that names no version is about the hidden field: the summary leads to its message.
        Document noVersion = refused(Web.as(t.member()).formParam("name", "Start").formParam("path", "/").formParam("type", "page")
                .formParam("primaryDevice", "mobile").post(page), "#page-edit-form");
        assertEquals("#e-version", noVersion.selectFirst("#page-edit-form #error-summary a").attr("href"));
        assertEquals("-1", noVersion.getElementById("e-version").attr("tabindex"), "the message can take the focus");
        assertEquals("Start", noVersion.getElementById("f-name").val());
    }

    @Test
    void aRefusedMockupNamesItsProblemAboveTheFormAndKeepsTheValues() {
        TestData.Team t = data.team();
        String page = "/projects/" + t.slug() + "/pages/" + PageResourceTest.createPage(t, "Home", "/", null, null, null);
        Document d = refused(Web.as(t.member()).formParam("html", " ").formParam("css", "p { color: red }").formParam("js", "")
                .formParam("changeDescription", "Red text").formParam("basedOn", "0").post(page + "/mockups"), "#mockup-form");
        assertEquals(List.of("HTML"), d.select("#mockup-form [data-error-label]").eachText());
        assertEquals("#f-html", d.selectFirst("#mockup-form #error-summary a").attr("href"));
        assertTrue(d.selectFirst("#mockup-form #error-summary").text().contains("Paste the mockup's HTML"));
        assertEquals("p { color: red }", d.getElementById("f-css").text());
        assertEquals("Red text", d.getElementById("f-changeDescription").val());
        assertTrue(d.select("#page-edit-form [data-error-summary]").isEmpty(), "the page form below was not refused");
    }

    @Test
    void aRefusedFeatureNamesEachProblemAboveTheFormAndKeepsTheValues() {
        TestData.Team t = data.team();
        String features = "/projects/" + t.slug() + "/features";
        Document created = refused(Web.as(t.member()).formParam("name", "").formParam("userDescription", "kept text").formParam("status", "planned")
                .formParam("pages", "/nowhere").post(features), "#feature-form");
        assertEquals(List.of("Name", "Affected pages"), created.select("#feature-form [data-error-label]").eachText(),
                "a group of checkboxes is named by its legend");
        assertEquals(List.of("#f-name", "#f-pages"), created.select("#feature-form #error-summary a").eachAttr("href"));
        assertEquals("kept text", created.getElementById("f-userDescription").text());

        Response made = Web.as(t.member()).formParam("name", "Share lessons").formParam("userDescription", "Teachers share lessons").formParam("status", "planned").post(features);
        assertEquals(303, made.statusCode(), made.asString());
        String feature = made.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        String version = Web.html(Web.as(t.member()).get(feature)).selectFirst("#feature-form input[name=version]").val();
        Document edited = refused(Web.as(t.member()).formParam("name", "").formParam("userDescription", "Teachers share lessons")
                .formParam("status", "planned").formParam("storyNumbers", "99").formParam("businessRules", "rule one")
                .formParam("version", version).post(feature), "#feature-form");
        assertEquals(List.of("Name", "Stories that realise it"), edited.select("#feature-form [data-error-label]").eachText());
        assertEquals(List.of("#f-name", "#f-storyNumbers"), edited.select("#feature-form #error-summary a").eachAttr("href"));
        assertEquals("Teachers share lessons", edited.getElementById("f-userDescription").text());
        assertEquals("99", edited.getElementById("f-storyNumbers").val());
        assertEquals("rule one", edited.getElementById("f-businessRules").text());
        assertTrue(edited.getElementById("edit-feature").hasAttr("open"), "the refused form is shown");
    }

    /**
     * The entity page's row forms (an entity's name, a field's name), refused, name the problem in a summary atop the page
     * linked to that row's field: their message sat in the row, far below, and the focus stayed at the top of the page.
     */
    @Test
    void aRefusedEntityRowFormNamesItsProblemAtopThePageLinkedToTheRowsField() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        // The pages' background inference, ending after a version is read below, would make the 409 below a stale save's.
        EntityResourceTest.quiet(fx, t);
        List<Map<String, Object>> inferred = fx.api(t.member()).post(ApiPaths.project(t.slug()) + "/entities/infer").then().statusCode(200)
                .extract().path("");
        String contact = (String) EntityResourceTest.entity(inferred, "Contact").get("id");
        String base = "/projects/" + t.slug() + "/entities/" + contact;

        Document empty = rowRefused(Web.as(t.member()).formParam("name", "").post(base + "/rename"), 422, "name-" + contact);
        assertEquals("Name", empty.selectFirst("#error-summary [data-error-label]").text());
        assertTrue(empty.getElementById("error-summary").text().contains("A name starts with a letter"), empty.getElementById("error-summary").text());
        Document tooLong = rowRefused(Web.as(t.member()).formParam("name", "N" + "a".repeat(120)).post(base + "/rename"), 422, "name-" + contact);
        assertEquals("N" + "a".repeat(120), tooLong.getElementById("name-" + contact).val(), "what was typed is kept");

        Document taken = rowRefused(Web.as(t.member()).formParam("to", "email").formParam("version", version(t, contact))
                .post(base + "/fields/name/rename"), 409, "to-" + contact + "-name");
        assertEquals("New name for name", taken.selectFirst("#error-summary [data-error-label]").text(), "named by the field's own label");
        assertEquals("email", taken.getElementById("to-" + contact + "-name").val());
    }

    /** A colour's refused name on the design-system page: a summary atop the page, linked to that colour's name field. */
    @Test
    void aRefusedTokenNameIsNamedAtopThePageLinkedToItsColoursField() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String names = "/projects/" + t.slug() + "/design-system/colors/name";
        for (String bad : List.of("Bad Name", "", "a".repeat(41))) {
            Document d = rowRefused(Web.as(t.member()).formParam("color", "#1e293b").formParam("name", bad).post(names), 422, "name-1e293b");
            assertEquals("Name for #1e293b", d.selectFirst("#error-summary [data-error-label]").text());
            assertTrue(d.getElementById("error-summary").text().contains("A token name starts with a letter"), d.getElementById("error-summary").text());
            assertEquals(bad, d.getElementById("name-1e293b").val(), "what was typed is kept");
            assertEquals("ds-error", d.getElementById("name-1e293b").attr("aria-describedby"));
        }
    }

    /** A thought's refused revision (no feedback): a summary atop the chain, linked to that thought's feedback field. */
    @Test
    void aRefusedRevisionIsNamedAtopTheChainLinkedToItsThoughtsField() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking?status=active").then().statusCode(200).extract().path("");
        String entity = (String) EntityResourceTest.thought(thoughts, "entity:Contact").get("id");
        Document d = rowRefused(Web.as(t.member()).formParam("feedback", " ").post("/projects/" + t.slug() + "/thinking/" + entity + "/revise"),
                422, "feedback-" + entity);
        assertEquals("What is wrong", d.selectFirst("#error-summary [data-error-label]").text());
        assertTrue(d.getElementById("error-summary").text().contains("Say what is wrong"), d.getElementById("error-summary").text());
        assertEquals("e-feedback", d.getElementById("feedback-" + entity).attr("aria-describedby"));
    }

    /**
     * A refused row form's page: one summary, first in the main content (before the heading), that the script can focus,
     * whose one link leads to the row's field, marked invalid.
     */
    private static Document rowRefused(Response r, int status, String field) {
        assertEquals(status, r.statusCode(), r.asString());
        Document d = Web.html(r);
        assertEquals(1, d.select("#error-summary").size(), "one summary takes the focus: " + d.select(".error, .error-box").text());
        Element summary = d.getElementById("error-summary");
        assertNotNull(d.selectFirst("main > #error-summary ~ h1, main > #error-summary ~ * h1"), "the summary comes before the page's heading");
        assertEquals("-1", summary.attr("tabindex"));
        assertTrue(summary.hasAttr("data-error-summary"), "errors.js finds it");
        assertEquals(List.of("#" + field), summary.select("a").eachAttr("href"));
        assertNotNull(d.getElementById(field), "the link leads to an element of the page");
        assertEquals("true", d.getElementById(field).attr("aria-invalid"));
        return d;
    }

    /** The entity's version as the API lists it now. */
    private String version(TestData.Team t, String id) {
        List<Map<String, Object>> all = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/entities")).then().statusCode(200).extract().path("");
        return String.valueOf(all.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElseThrow().get("version"));
    }

    /** A 422 whose form carries a summary the script can focus (its one element with the summary's id). */
    private static Document refused(Response r, String form) {
        assertEquals(422, r.statusCode(), r.asString());
        Document d = Web.html(r);
        Element summary = d.selectFirst(form + " [data-error-summary]");
        assertNotNull(summary, "an error summary in " + form + ": " + d.select(".error").text());
        assertEquals("-1", summary.attr("tabindex"));
        assertEquals(1, d.select("#error-summary").size(), "one summary takes the focus");
        return d;
    }
}
