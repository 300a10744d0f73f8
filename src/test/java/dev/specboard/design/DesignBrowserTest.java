package dev.specboard.design;

import dev.specboard.support.ApiPaths;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DesignBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Inject
    TestData data;

    @Inject
    jakarta.persistence.EntityManager em;

    private static List<String> order(Browser b) {
        return b.all("#page-tree > ul.page-siblings > li").stream().map(e -> e.getAttribute("data-id")).toList();
    }

    @Test
    void designerBuildsAPageTreeAt360PixelsReordersByKeyboardAndDragAndSeesTheDesignSystem() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/design");
            b.find("#no-pages");
            b.assertAccessible();
            b.click("#new-page summary");
            b.type("#f-name", "Home").type("#f-path", "/");
            b.type("#f-html", DesignFixtures.HOME_HTML.replace("\n", " "));
            b.type("#f-css", DesignFixtures.HOME_CSS.replace("\n", " "));
            b.click("#create-page");
            b.waitFor("#page-title");
            assertEquals("Home", b.find("#page-title").getText());
            b.assertAccessible();
            for (String[] p : new String[][]{{"Lessons", "/lessons", DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS},
                    {"Settings", "/settings", DesignFixtures.SETTINGS_HTML, DesignFixtures.SETTINGS_CSS}}) {
                PageResourceTest.createPage(t, p[0], p[1], null, p[2], p[3]);
            }
            b.go("/projects/" + t.slug() + "/design");
            List<String> start = order(b);
            assertEquals(3, start.size());
            assertEquals(3, b.all(".thumb iframe").size());
            b.assertAccessible();

            // Keyboard: focus the first page's "Move down" and press Enter; the tree re-renders and the focus stays on the moved page.
            b.find("#down-" + start.get(0)).sendKeys(org.openqa.selenium.Keys.ENTER);
            b.waitUntil(d -> order(b).equals(List.of(start.get(1), start.get(0), start.get(2))));
            b.waitForHtmx();
            assertTrue(b.find("#flash").getText().contains("moved down"));
            b.waitUntil(d -> String.valueOf(b.js("return document.activeElement && document.activeElement.closest('.page-node') ? "
                    + "document.activeElement.closest('.page-node').getAttribute('data-id') : ''")).equals(start.get(0)));

            // Drag: the last page by its handle to the top.
            WebElement handle = b.find("#node-" + start.get(2) + " .drag-handle");
            WebElement first = b.find("#node-" + start.get(1) + " .page-card");
            new Actions(b.driver).clickAndHold(handle).pause(Duration.ofMillis(200)).moveByOffset(0, -10).pause(Duration.ofMillis(100))
                    .moveToElement(first, 0, -20).pause(Duration.ofMillis(200)).moveByOffset(0, -5).pause(Duration.ofMillis(200))
                    .release().perform();
            b.waitUntil(d -> order(b).get(0).equals(start.get(2)));
            b.waitForHtmx();
            b.driver.navigate().refresh();
            b.waitForHtmx();
            assertEquals(start.get(2), order(b).get(0), "the dragged order was saved");
            b.assertAccessible();

            b.go("/projects/" + t.slug() + "/design-system");
            b.waitUntil(d -> !b.find("#ds-state").getText().contains("Recomputing"));
            b.waitFor("#color-dc2626");
            assertEquals("4", b.find("#color-dc2626 .uses").getText());
            b.assertAccessible();
            b.assertFitsWidth();

            // A component pattern leads to the pages using it, listed in place of the tree.
            String pattern = b.find("[id^=pages-using-]").getAttribute("id").substring("pages-using-".length());
            b.go("/projects/" + t.slug() + "/design?pattern=" + pattern);
            b.waitFor("#pattern-page-list");
            b.assertAccessible();
            b.assertFitsWidth();
            b.go("/projects/" + t.slug() + "/design?pattern=carousel");
            b.waitFor("#filter-errors");
            b.assertAccessible();

            // A feature shows what its pages look like: their components and colour swatches.
            String feature = fx.api(t.member()).body(java.util.Map.of("userDescription", "Members use it", "name", "Study lessons", "affectedPages", List.of("/lessons")))
                    .post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201).extract().path("id");
            b.go("/projects/" + t.slug() + "/features/" + feature);
            b.waitFor("#looks-colours");
            b.assertAccessible();
            b.assertFitsWidth();

            b.go("/projects/" + t.slug() + "/pages/" + start.get(0) + "/compare?from=1&to=1");
            b.assertAccessible();
            b.go("/projects/" + t.slug() + "/context");
            b.assertAccessible();
            b.go("/projects/" + t.slug() + "/previews");
            b.assertAccessible();
        }
    }

    /**
     * A person chose "Merge #3366fe into #3366ff" while the design system recomputed and merged another colour: the
     * page's body, polled every second, put the merge form back to its default. The choice stays through the polls and
     * through the end of the recompute, which the state line offers to show.
     */
    @Test
    void aMergeChosenWhileTheDesignSystemRecomputesKeepsItsColoursThroughThePolls() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        DesignSystemResourceTest.holdRecompute(em, t);
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/design-system");
            assertTrue(b.text("#ds-state").contains("Recomputing"), b.text("#ds-state"));
            @SuppressWarnings("unchecked")
            List<String> colours = (List<String>) b.js("return Array.from(document.querySelectorAll('#merge-color option')).map(o => o.value);");
            assertTrue(colours.size() >= 3, colours.toString());
            String from = colours.get(1);
            String into = colours.get(2);
            assertTrue(!from.equals(b.value("#merge-color")) && !into.equals(b.value("#merge-into")), "not the form's defaults");
            b.select("#merge-color", from).select("#merge-into", into);
            for (int poll = 0; poll < 2; poll++) {
                // A line marked now and gone later was swapped by a poll: at least two polls ran (over a second apart).
                b.js("document.getElementById('ds-state').dataset.seen = 'yes';");
                b.waitUntil(d -> b.js("var s = document.getElementById('ds-state'); return s && !s.dataset.seen;").equals(Boolean.TRUE));
            }
            assertTrue(b.text("#ds-state").contains("Recomputing"), b.text("#ds-state"));
            assertEquals(from, b.value("#merge-color"), "the polls kept the colour chosen to merge");
            assertEquals(into, b.value("#merge-into"), "the polls kept the colour chosen to merge into");
            b.assertAccessible();

            DesignSystemResourceTest.releaseRecompute(em, t);
            b.waitFor("#ds-show");
            assertTrue(b.text("#ds-state").contains("still shows the results from before"), b.text("#ds-state"));
            assertEquals(from, b.value("#merge-color"), "the recompute's end kept the choice too");
            assertEquals(into, b.value("#merge-into"));
            b.assertAccessible();
            b.click("#merge-form button[type=submit]");
            assertTrue(b.text("#flash").contains("Merged " + from + " into " + into + "."), b.text("#flash"));
        }
    }

    @Test
    void sideBySideTheScaledTabletAndDesktopFramesShowTheWholeMockupWithoutScrollingIntoBlankSpace() {
        TestData.Team t = data.team();
        String page = PageResourceTest.createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        for (int width : new int[] {1280, 360}) {
            try (Browser b = Browser.open(base.toString(), width)) {
                b.login(t.member().username, TestData.PASSWORD);
                b.go("/projects/" + t.slug() + "/pages/" + page);
                assertEquals(3, b.all("#device-frames iframe").size());
                for (String frame : List.of("#frame-tablet", "#frame-desktop")) {
                    assertEquals("", b.js("""
                            var v = document.querySelector(arguments[0] + ' .viewport'), f = v.querySelector('iframe').getBoundingClientRect(), r = v.getBoundingClientRect();
                            var out = [];
                            var s = getComputedStyle(v), scrolls = function (o) { return o === 'auto' || o === 'scroll'; };
                            if (scrolls(s.overflowX) && v.scrollWidth > v.clientWidth || scrolls(s.overflowY) && v.scrollHeight > v.clientHeight) {
                              out.push('the frame scrolls: ' + v.scrollWidth + 'x' + v.scrollHeight + ' in ' + v.clientWidth + 'x' + v.clientHeight);
                            }
                            if (f.right > r.right + 1 || f.bottom > r.bottom + 1) { out.push('the scaled page is cut off'); }
                            return out.join('; ');""", frame), width + " px, " + frame);
                }
                b.assertFitsWidth();
                b.assertAccessible();
            }
        }
    }
}
