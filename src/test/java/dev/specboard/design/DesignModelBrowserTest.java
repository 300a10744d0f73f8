package dev.specboard.design;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.openqa.selenium.Keys;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DesignModelBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    private static void fits(Browser b) {
        Object overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, "the page does not scroll sideways (" + overflow + " px too wide): " + b.path() + " " + b.js(
                "var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                + " if (r.right > w + 1) { out.push([r.right, e.tagName + '.' + e.getAttribute('class') + '#' + e.id]); } });"
                + "out.sort(function (a, b) { return a[0] - b[0]; });"
                + "return document.body.scrollWidth + ' ' + out.slice(0, 6).map(function (x) { return x[1] + ' ' + Math.round(x[0]); }).join('; ');"));
    }

    @Test
    void featuresEntitiesThinkingAndJourneysWorkAt360PixelsWithAKeyboard() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);

            b.go("/projects/" + t.slug() + "/features");
            b.find("#no-features");
            b.assertAccessible();
            fits(b);
            b.click("#new-feature summary");
            b.type("#f-name", "Manage contacts").type("#f-userDescription", "Members keep their contacts").type("#f-creates", "Contact").type("#f-businessRules", "only members may add contacts");
            b.click("#create-feature");
            b.waitFor("#feature-title");
            b.assertAccessible();
            fits(b);
            b.click("#draft-story");
            b.waitUntil(d -> b.path().endsWith("/stories/1"));

            b.go("/projects/" + t.slug() + "/entities");
            b.waitFor("#infer");
            b.click("#infer");
            b.waitFor("#entity-picture svg");
            assertEquals(Boolean.TRUE, b.js("var k = document.querySelector('#entity-model .legend'), s = document.getElementById('entity-picture');"
                    + " return !s.contains(k) && k.getBoundingClientRect().right <= document.documentElement.clientWidth;"),
                    "the key sits below the scrolling picture, within the screen");
            b.assertAccessible();
            b.assertAccessible("label-content-name-mismatch");
            fits(b);
            b.js("window.confirm = function () { return true; };");
            String row = "[id^=field-][data-field=notes] .remove-field";
            b.click(row);
            b.waitUntil(d -> b.count("[id^=field-][data-field=notes]") == 0);
            assertTrue(b.text("#flash").contains("notes removed"));

            b.go("/projects/" + t.slug() + "/thinking?status=rejected");
            b.assertAccessible();
            fits(b);
            assertEquals(1, b.count("#thoughts > li"));

            b.go("/projects/" + t.slug() + "/journeys");
            b.click("#new-journey summary");
            b.type("#f-name", "Add a contact");
            b.click("#create-journey");
            b.waitFor("#journey-title");
            b.click("#add-node summary");
            b.select("#new-nodeType", "screen");
            b.js("var s = document.getElementById('new-page'); for (var o of s.options) { if (o.text.indexOf('/contacts-new') >= 0) { s.value = o.value; } }");
            b.click("#add-node-button");
            b.waitFor("#flow-picture svg");
            b.assertAccessible();
            b.assertAccessible("label-content-name-mismatch");
            fits(b);
            assertEquals(Boolean.TRUE, b.js("var w = document.documentElement.clientWidth, items = document.querySelectorAll('#flow-svg-legend li');"
                    + "return items.length === 6 && Array.from(items).every(function (li) { var r = li.getBoundingClientRect(); return r.left >= 0 && r.right <= w; });"),
                    "every entry of the key shows within 360 px: the key wraps instead of being cut");
            // Keyboard: Tab reaches the node in the picture, Enter moves to its outline entry.
            b.js("document.querySelector('#flow-picture a.flow-node').focus();");
            assertEquals("flow-node flow-screen", String.valueOf(b.js("return document.activeElement.getAttribute('class');")));
            b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            b.waitUntil(d -> b.url().contains("#node-"));
            // Locked, the node stays where it is: Shift with an arrow key leaves it, and its entry offers to unlock it.
            b.click("#node-screen-1 .edit-node summary");
            // The node's forms load as it opens (the page holds none), and the focus stays on what was pressed.
            b.waitFor("#screen-1-label");
            assertEquals("SUMMARY", String.valueOf(b.js("return document.activeElement.tagName;")));
            b.assertAccessible();
            b.click("#lock-screen-1");
            b.waitFor("#unlock-screen-1");
            b.assertAccessible();
            fits(b);
            b.js("document.querySelector('#flow-picture a.flow-node').focus();");
            b.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
            assertEquals("", String.valueOf(b.js("return document.querySelector('#flow-picture a.flow-node').getAttribute('transform') || '';")),
                    "a locked node is not moved");
            b.click("#unlock-screen-1");
            b.waitFor("#node-screen-1 .edit-node");
            // Unlocked, Shift with an arrow key moves it, and the page's polite live region says where it went.
            assertEquals("", said(b), "nothing is said before a move");
            assertEquals("polite", b.js("return document.getElementById('picture-status').getAttribute('aria-live');"));
            String label = String.valueOf(b.js("return document.querySelector('#node-screen-1 > strong').textContent;"));
            Object x = b.js("return Math.round(parseFloat(document.querySelector('#flow-picture a.flow-node').dataset.x));");
            b.js("document.querySelector('#flow-picture a.flow-node').focus();");
            b.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
            b.waitUntil(d -> !said(b).isEmpty());
            String said = said(b);
            assertTrue(said.startsWith("Moved " + label + " 20 right, to x " + (((Number) x).intValue() + 20) + ", y "), said);
            assertEquals("svg-node-screen-1", String.valueOf(b.js("return document.activeElement.id;")), "the moved node has the focus again");
            b.assertNoProblems();
        }
    }

    @Test
    void theEntitiesTitleHasItsThreeActionsTogetherOnOneRowAtTheRight() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/entities");
            assertEquals(Boolean.TRUE, b.js("""
                    var ids = ['ddl-download', 'infer'], row = document.querySelector('h1').parentElement.getBoundingClientRect();
                    var tops = ids.map(function (id) { return document.getElementById(id).getBoundingClientRect().top; });
                    var last = document.getElementById('infer').getBoundingClientRect();
                    return Math.abs(tops[0] - tops[1]) < 2 && Math.abs(last.right - row.right) < 2;"""),
                    "Download SQL, Thinking chain and Infer from mockups now share one row, ending at the right edge");
            assertEquals(0L, ((Number) b.js("return document.querySelectorAll('main p:empty').length;")).longValue(), "no stray empty paragraph");
            b.assertAccessible();
        }
    }

    /**
     * "Reject" brings the chain back at the rejected thought, which has no control left: the focus fell to the page's body.
     * It goes on to the next thought's first control, and the flash is put back in its live region to be read.
     */
    @Test
    void afterRejectingAThoughtTheFocusGoesToTheNextThoughtsFirstControl() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/entities");
            b.click("#infer");
            b.waitFor("#entity-picture svg");
            b.go("/projects/" + t.slug() + "/thinking");
            assertTrue(b.count("#thoughts > li .reject") >= 2, "two thoughts to reject or not");
            String rejected = String.valueOf(b.js("return document.querySelector('#thoughts > li .reject').closest('li').id;"));
            b.js("window.confirm = function () { return true; };");
            b.click("#" + rejected + " .reject");
            b.waitUntil(d -> b.url().endsWith("#" + rejected));
            b.waitFor("#" + rejected + ".status-rejected");
            assertTrue(b.text("#flash").startsWith("Thought rejected"), b.text("#flash"));
            b.waitUntil(d -> !"BODY".equals(b.js("return document.activeElement.tagName;")));
            assertEquals(Boolean.TRUE, b.js("""
                    var active = document.activeElement, li = document.getElementById(arguments[0]).nextElementSibling;
                    while (li && !li.querySelector('.actions button, .actions summary')) { li = li.nextElementSibling; }
                    return !!li && li.querySelector('.actions button, .actions summary') === active;""", rejected),
                    "the focus is on the next thought's first control, not on " + b.js("return document.activeElement.outerHTML;"));
            b.assertNoProblems();
        }
    }

    /**
     * The inbox's "Answer" links to {@code #answer-<id>}: the thought's answer form opens with the cursor in it. "Confirm"
     * brings the chain back at {@code #thought-<id>}, which opened that form and took the focus too, as if answering were
     * the next step; now it only shows the card.
     */
    @Test
    void onlyTheAnswerLinkOpensAThoughtsAnswerFormAfterAConfirmTheCardIsOnlyShown() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/entities");
            b.click("#infer");
            b.waitFor("#entity-picture svg");
            b.go("/projects/" + t.slug() + "/thinking");
            assertTrue(b.count("#thoughts > li .confirm") >= 2, "two thoughts to confirm or answer");
            String confirmed = String.valueOf(b.js("return document.querySelectorAll('#thoughts > li .confirm')[0].closest('li').id;"));
            String answered = String.valueOf(b.js("return document.querySelectorAll('#thoughts > li .confirm')[1].closest('li').id;"));

            b.click("#" + confirmed + " .confirm");
            b.waitUntil(d -> b.url().endsWith("#" + confirmed));
            b.waitFor("#" + confirmed + ".status-confirmed");
            settle(b);
            assertEquals(Boolean.FALSE, b.js("return document.querySelector('#" + confirmed + " details.revise').open;"),
                    "the confirmed thought's revise form stays closed");
            assertEquals("", String.valueOf(b.js("var a = document.activeElement; return a.tagName === 'TEXTAREA' ? a.id : '';")),
                    "no answer form has the cursor");

            b.go("/projects/" + t.slug() + "/thinking?page=1#answer-" + answered.substring("thought-".length()));
            b.waitUntil(d -> Boolean.TRUE.equals(b.js("return document.querySelector('#" + answered + " details.revise').open;")));
            b.waitUntil(d -> ("feedback-" + answered.substring("thought-".length())).equals(b.js("return document.activeElement.id;")));
            b.assertNoProblems();
        }
    }

    /** Waits until the page's load handlers have run (they put the focus off a timer). */
    private static void settle(Browser b) {
        b.waitUntil(d -> "complete".equals(b.js("return document.readyState;")));
        b.js("window.__settled = false; setTimeout(function () { window.__settled = true; }, 100);");
        b.waitUntil(d -> Boolean.TRUE.equals(b.js("return window.__settled;")));
    }

    /**
     * A row form refused far down the entity page or the thinking chain: the focus went nowhere and the page stayed at its
     * top. The summary atop the page takes the focus, and its link takes it on to the row's field.
     */
    @Test
    void aRefusedRowFormPutsTheFocusOnASummaryThatLeadsToTheRowsField() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/entities");
            b.click("#infer");
            b.waitFor("#entity-picture svg");
            b.type("[id^=rename-] input[name=name]", " ");
            b.click("[id^=rename-] button[type=submit]");
            assertSummaryLeadsTo(b, "name-");

            b.go("/projects/" + t.slug() + "/thinking");
            b.click("details.revise summary");
            b.click("details.revise button[type=submit]");
            assertSummaryLeadsTo(b, "feedback-");
            b.assertAccessible();
        }
    }

    /** The live region's text (it is hidden from sight, so read from the page rather than as shown). */
    private static String said(Browser b) {
        return String.valueOf(b.js("var s = document.getElementById('picture-status'); return s ? s.textContent : '';"));
    }

    /** The summary has the focus and is in view; its link moves the focus to the field whose id starts with {@code field}. */
    private static void assertSummaryLeadsTo(Browser b, String field) {
        b.waitFor("#error-summary");
        b.waitUntil(d -> "error-summary".equals(b.js("return document.activeElement.id;")));
        assertTrue(b.text("#error-summary").startsWith("There is a problem"), b.text("#error-summary"));
        assertEquals(Boolean.TRUE, b.js("var r = document.getElementById('error-summary').getBoundingClientRect();"
                + " return r.top >= -1 && r.top < window.innerHeight;"), "the summary is in view");
        b.click("#error-summary a");
        String focused = String.valueOf(b.js("return document.activeElement.id;"));
        assertTrue(focused.startsWith(field), "the link leads to the row's field, not to " + focused);
        assertEquals("true", b.js("return document.activeElement.getAttribute('aria-invalid');"));
    }
}
