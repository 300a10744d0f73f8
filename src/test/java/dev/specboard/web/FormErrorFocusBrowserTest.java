package dev.specboard.web;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only a browser at phone width shows: where a refused form puts the focus, what scrolls, what is in view. */
@QuarkusTest
class FormErrorFocusBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static void assertSummaryHasFocus(Browser b, String form) {
        b.waitFor("#error-summary");
        b.waitUntil(d -> "error-summary".equals(b.js("return document.activeElement.id;")));
        assertTrue(b.text("#error-summary").startsWith("There is a problem"), form + ": " + b.text("#error-summary"));
        assertEquals("", b.js("var r = document.getElementById('error-summary').getBoundingClientRect();"
                + "return r.top >= -1 && r.top < window.innerHeight ? '' : 'top ' + r.top + ' of ' + window.innerHeight + ', scrolled ' + window.scrollY;"),
                form + ": the summary is in view");
    }

    /** The design side's forms said what was wrong only at the field, below the fold, and left the focus at the top. */
    @Test
    void aRefusedDesignFormListsItsProblemsAboveItAndTakesTheFocusThere() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        String journey = Web.as(t.member()).formParam("name", "Sign in").formParam("flowType", "user").formParam("description", "")
                .post(p + "/journeys").getHeader("Location").replaceFirst("^https?://[^/]+", "");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(p + "/design");
            b.click("#new-page summary");
            b.click("#create-page");
            assertSummaryHasFocus(b, "new page");
            b.assertAccessible();

            b.go(p + "/journeys");
            b.click("#new-journey summary");
            b.click("#create-journey");
            assertSummaryHasFocus(b, "new journey");

            b.go(journey);
            b.click("#add-node summary");
            b.select("#new-nodeType", "decision");
            b.click("#add-node-button");
            assertSummaryHasFocus(b, "journey node");

            b.go(p + "/context");
            b.click("#add-context summary");
            b.click("#type-url");
            b.type("#f-url", "ftp://x");
            b.click("#add-item");
            assertSummaryHasFocus(b, "context item");
            b.click("#error-summary a[data-field=url]");
            assertEquals("f-url", b.js("return document.activeElement.id;"), "the summary's link leads to the field");
        }
    }

    /** The task page's history overflowed at 360 px and no keyboard could scroll it; the search box sat out of sight. */
    @Test
    void onAPhoneAWideTableScrollsByKeyboardAndTheSearchBoxIsInView() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "History", List.of(), "schema")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").post(p + "/tasks/TASK-1-1/claim").then().statusCode(303);
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").post(p + "/tasks/TASK-1-1/start").then().statusCode(303);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(p + "/tasks/TASK-1-1");
            b.find("#task-history");
            assertEquals(Boolean.TRUE, b.js("var w = document.getElementById('task-history').closest('.table-wrap');"
                    + "return w.scrollWidth > w.clientWidth;"), "the history is wider than a phone: it scrolls in its wrapper");
            b.assertAccessible();
            b.js("document.getElementById('task-history').closest('.table-wrap').focus();");
            assertEquals("History table", b.js("return document.activeElement.getAttribute('aria-label');"));

            b.go(p + "/journeys");
            assertEquals(Boolean.TRUE, b.js("var r = document.getElementById('project-search').getBoundingClientRect();"
                    + "return r.width >= 100 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight"
                    + " && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === document.getElementById('project-search');"),
                    "the search box is whole, in view, at 360 px");
            assertTrue(String.valueOf(b.js("return getComputedStyle(document.querySelector('.projectnav .nav-sections')).backgroundImage;"))
                    .contains("gradient"), "the sections' row shows a shadow where links are hidden");
            assertEquals(Boolean.TRUE, b.js("var row = document.querySelector('.projectnav .nav-sections'); return row.scrollWidth > row.clientWidth;"),
                    "the design sections do not fit 360 px: the row scrolls");
            b.assertFitsWidth();
            b.assertAccessible();
        }
    }

    /** "US-1 was submitted for approval." stayed above the refused request for changes, as if that had worked too. */
    @Test
    void aRefusedInPlaceAnswerReplacesTheLastActionsFlash() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/1");
            b.click("#submit-story");
            b.waitFor("#request-changes-form");
            assertTrue(b.text("#flash").contains("submitted for approval"), b.text("#flash"));
            b.click("#request-changes");
            assertSummaryHasFocus(b, "request changes");
            assertEquals("", b.text("#flash"), "the old flash is gone");
        }
    }
}
