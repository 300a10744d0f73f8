package dev.specboard.web;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a fresh look at the most used screens found cramped or inconsistent: forms touching the next form's label, badges
 * touching the card below them on a phone, two cards leaving half the row empty, a filter row that did not show its choice.
 */
@QuarkusTest
class ScreenSpacingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** The vertical gap in px between each direct child matching {@code css} of {@code parent} and the element after it. */
    private static final String GAPS = """
            var out = [];
            document.querySelectorAll(arguments[0]).forEach(function (e) {
              var next = e.nextElementSibling;
              while (next && next.getBoundingClientRect().height === 0) { next = next.nextElementSibling; }
              if (next) { out.push((e.id || e.tagName + '.' + e.className) + ' ' + Math.round(next.getBoundingClientRect().top - e.getBoundingClientRect().bottom)); }
            });
            return out.join(', ');""";

    private static void assertGapsAtLeast(Browser b, String css, int min) {
        String gaps = (String) b.js(GAPS, css);
        assertTrue(!gaps.isEmpty(), "found " + css);
        for (String gap : gaps.split(", ")) {
            int px = Integer.parseInt(gap.substring(gap.lastIndexOf(' ') + 1));
            assertTrue(px >= min, "at least " + min + " px below each of " + css + ": " + gaps);
        }
    }

    @Test
    void theTaskPagesFormsAreKeptApartAt360Pixels() {
        TestData.Team t = data.team();
        RequestSpecification lead = fx.api(t.lead());
        lead.body(SpecApiFixtures.hierarchical(null, "Spacing", List.of(), "one", "two")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        fx.api(t.lead()).post("/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.lead()).post("/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1/start").then().statusCode(200);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/tasks/TASK-1-1");
            assertEquals(3, b.count("#task-actions > form"), "complete, priority and fail forms below the Release button");
            // Release touched "Commit SHA", Complete touched "Priority", Set priority touched "Why did it fail?".
            assertGapsAtLeast(b, "#task-actions > .actions, #task-actions > form:not(:last-child)", 12);
            b.assertFitsWidth();
            b.assertNoProblems();
        }
    }

    @Test
    void aStorysBadgesWrappedUnderItsTitleKeepAGapAboveTheActionsAt360Pixels() {
        TestData.Team t = data.team();
        fx.api(t.lead()).body(Map.of("title", "As a member I can record an expense with a category and an amount so that totals stay right",
                "description", "Record expenses.")).post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/1");
            Number gap = (Number) b.js("return document.getElementById('story-actions').getBoundingClientRect().top"
                    + " - document.getElementById('story-version').getBoundingClientRect().bottom;");
            assertTrue(gap.doubleValue() >= 12, "the badges wrapped under the title touched the actions card: " + gap + " px");
            b.assertFitsWidth();
        }
    }

    @Test
    void theAccountsProfileAndPasswordCardsShareTheWholeRow() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/account");
            Object layout = b.js("""
                    var p = document.querySelector('section[aria-labelledby=profile-h]').getBoundingClientRect();
                    var w = document.querySelector('section[aria-labelledby=password-h]').getBoundingClientRect();
                    var row = document.querySelector('section[aria-labelledby=logins-h]').getBoundingClientRect();
                    return [Math.round(p.top - w.top), Math.round(p.left - row.left), Math.round(row.right - w.right)].join(' ');""");
            // Before: the two cards took a quarter of the row each and left the right half of the page empty.
            assertEquals("0 0 0", layout, "side by side, from the left edge of the cards below to their right edge");
            // The token form no longer touches the token list below it.
            b.go("/account");
            assertGapsAtLeast(b, "section[aria-labelledby=tokens-h] > form", 12);
        }
    }

    @Test
    void theThinkingFiltersAreWordedAlikeAndShowTheChosenOne() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/thinking?status=confirmed");
            assertEquals(List.of("All", "Active", "Needs you (0)", "Confirmed", "Revised", "Rejected"), b.texts("#thought-filters a"));
            assertEquals("Confirmed 700 none", b.js("""
                    var a = document.querySelector('#thought-filters a[aria-current=page]'), s = getComputedStyle(a);
                    return a.textContent + ' ' + s.fontWeight + ' ' + s.textDecorationLine;"""));
            assertEquals("400 underline", b.js("""
                    var s = getComputedStyle(document.querySelector('#thought-filters a:not([aria-current])'));
                    return s.fontWeight + ' ' + s.textDecorationLine;"""));
            b.assertFitsWidth();
        }
    }

    @Test
    void theFeaturesContextAndBoardScreensLinkTheirNeighboursOnlyInTheProjectNavigation() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go(p + "/features");
            for (String section : List.of("entities", "thinking")) {
                assertEquals(1, b.count("a[href='" + p + "/" + section + "']"), section + " on the features screen");
                assertEquals(1, b.count("nav.projectnav a[href='" + p + "/" + section + "']"), section + " in the navigation");
            }
            b.go(p + "/board");
            assertEquals(0, b.count("main a[href='" + p + "/specs']"), "no Specs link beside the board's title, the Build group's Specs tab is above it");
            b.go(p + "/context");
            // The navigation links the pages twice itself (the Design group and its Pages tab); the screen added a third.
            assertTrue(b.count("nav.projectnav a[href='" + p + "/design']") > 0, "pages in the navigation");
            assertEquals(0, b.count("main a[href='" + p + "/design']"), "no Pages button on the context screen");
        }
    }

    @Test
    void theStoryFiltersStandOnOneLineWithTheirControlsAlignedAt1280Pixels() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories");
            // "Changed since approval" wrapped onto two lines and pushed its menu below the others; the search box stood
            // taller than the menus beside it.
            String sizes = (String) b.js("""
                    var out = [];
                    document.querySelectorAll('#story-filters .field').forEach(function (f) {
                      var l = f.querySelector('label').getBoundingClientRect(), c = f.querySelector('input, select').getBoundingClientRect();
                      out.push(Math.round(l.height) + ' ' + Math.round(c.top) + ' ' + Math.round(c.bottom));
                    });
                    return out.join(', ');""");
            List<String> fields = List.of(sizes.split(", "));
            assertEquals(5, fields.size(), sizes);
            assertEquals(1, fields.stream().distinct().count(), "labels one line high, controls on one line and of one height: " + sizes);
            assertEquals("Since approval", b.text("label[for=f-dirty]"));
        }
    }
}
