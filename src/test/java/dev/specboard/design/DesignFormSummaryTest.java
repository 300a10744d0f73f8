package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

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

        Response made = Web.as(t.member()).formParam("name", "Share lessons").formParam("status", "planned").post(features);
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
