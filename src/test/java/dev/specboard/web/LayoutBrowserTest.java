package dev.specboard.web;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the layout does in a real browser: the board's width, readable times and counts, the keyboard, folding filters. */
@QuarkusTest
class LayoutBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    /** A project with two stories and a spec of three tasks (one claimed), made through the API as its member. */
    private TestData.Team project() {
        TestData.Team t = data.team();
        RequestSpecification api = fx.api(t.member());
        String p = "/api/v1/projects/" + t.slug();
        api.body(Map.of("title", "Reset my password", "description", "As a user I want to reset it.")).post(p + "/stories")
                .then().statusCode(201);
        fx.api(t.member()).body(Map.of("title", "Invoices", "description", "Draft")).post(p + "/stories").then().statusCode(201);
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Password reset with a rather long title", List.of(), "database-layer",
                "api-layer", "ui-layer")).post(p + "/specs").then().statusCode(201);
        fx.api(t.member()).post(p + "/tasks/TASK-1-1/claim").then().statusCode(200);
        return t;
    }

    @Test
    void theBoardShowsAllSixColumnsAt1280AndHidesEmptyOrFinishedOnesRemembered() {
        TestData.Team t = project();
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.lead().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/board");
            assertEquals(6L, visibleColumns(b));
            assertEquals(Boolean.TRUE, b.js("""
                    var w = document.documentElement.clientWidth;
                    return Array.prototype.every.call(document.querySelectorAll('.board-col'), function (c) {
                      var r = c.getBoundingClientRect(); return r.left >= 0 && r.right <= w; });"""), "every column lies inside the window");
            assertEquals(Boolean.TRUE, b.js("var board = document.getElementById('board-columns'); return board.scrollWidth <= board.clientWidth;"),
                    "the board does not scroll sideways");
            b.assertFitsWidth();
            assertEquals(0, b.count("#card-TASK-1-1 code"), "compact cards leave the branch out");
            assertEquals("Branch roadmap-implementation_task-TASK-1-1", b.find("#card-TASK-1-1 .card-key").getAttribute("title"));
            b.assertAccessible();

            b.click("#hide-empty");
            assertEquals(2L, visibleColumns(b), "only Pending and Claimed have cards");
            assertFalse(b.find("#col-failed").isDisplayed());
            b.reload();
            assertTrue(b.find("#hide-empty").isSelected(), "the choice is remembered");
            assertEquals(2L, visibleColumns(b));
            b.click("#hide-empty");
            b.click("#hide-finished");
            assertEquals(4L, visibleColumns(b), "Completed and Merged are hidden");
            assertFalse(b.find("#col-merged").isDisplayed());
            b.assertAccessible();
        }
    }

    private static long visibleColumns(Browser b) {
        return ((Number) b.js("return Array.prototype.filter.call(document.querySelectorAll('.board-col'), function (c) {"
                + " return c.getClientRects().length > 0; }).length;")).longValue();
    }

    @Test
    void historiesShowRelativeTimesWithTheExactTimeOnHoverAndCountsInEnglish() {
        TestData.Team t = project();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            Instant opened = Instant.now();
            b.go("/projects/" + t.slug() + "/specs/SPEC-1");
            String shown = b.text("#revision-1 time");
            Instant read = Instant.now();
            String datetime = b.find("#revision-1 time").getAttribute("datetime");
            assertTrue(datetime.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z"), datetime);
            // The exact time on hover in the reader's zone and locale (static/times.js; the server writes UTC).
            assertEquals(b.js("return window.sbTimes.exact(Date.parse(arguments[0]));", datetime), b.find("#revision-1 time").getAttribute("title"));
            // Worded as of a moment while the page was shown ("just now" unless starting the browser took over 45 s).
            Instant at = Instant.parse(datetime);
            assertTrue(List.of(TimeExtensions.relative(at, opened), TimeExtensions.relative(at, read)).contains(shown),
                    shown + " for " + at + " between " + opened + " and " + read);
            assertFalse(b.text("main").matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:.*"), "no raw ISO time on the page");
            b.assertAccessible();

            b.go("/projects/" + t.slug() + "/stories?q=Invoices");
            assertEquals("1 story match", b.text("#story-count"));
            b.go("/projects/" + t.slug() + "/stories");
            assertEquals("2 stories", b.text("#story-count"));
        }
    }

    @Test
    void jAndKMoveThroughRowsEnterOpensQuestionMarkListsShortcutsEscapeClosesAndNoneFireInFields() {
        TestData.Team t = project();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            String stories = "/projects/" + t.slug() + "/stories";
            b.go(stories);
            press(b, "j");
            assertEquals("story-2", b.js("return document.querySelector('.nav-current').id;"), "the newest story comes first");
            assertEquals("US-2", b.js("return document.activeElement.textContent;"));
            press(b, "j");
            assertEquals("story-1", b.js("return document.querySelector('.nav-current').id;"));
            press(b, "j");
            assertEquals("story-1", b.js("return document.querySelector('.nav-current').id;"), "j stops at the last row");
            press(b, "k");
            assertEquals("story-2", b.js("return document.querySelector('.nav-current').id;"));
            assertEquals(1L, ((Number) b.js("return document.querySelectorAll('.nav-current').length;")).longValue());
            press(b, Keys.ENTER);
            b.waitUntil(d -> b.path().equals(stories + "/2"));

            b.go("/projects/" + t.slug() + "/board");
            press(b, "j");
            assertEquals("card-TASK-1-2", b.js("return document.querySelector('.nav-current').id;"), "the first card of the first column");
            b.js("document.getElementById('card-TASK-1-2').sbOld = true; htmx.trigger(document.body, 'sb:board');");
            b.waitForHtmx();
            assertEquals(Boolean.FALSE, b.js("return !!document.getElementById('card-TASK-1-2').sbOld;"), "the refresh replaced the cards");
            assertEquals("card-TASK-1-2", b.js("return document.querySelector('.nav-current').id;"), "a live refresh keeps the current card");
            assertEquals("card-TASK-1-2", b.js("return document.activeElement.closest('[data-nav-item]').id;"), "and its focus");
            press(b, "j");
            assertEquals("card-TASK-1-3", b.js("return document.querySelector('.nav-current').id;"));

            assertFalse(b.find("#shortcuts").isDisplayed());
            press(b, "?");
            assertTrue(b.find("#shortcuts").isDisplayed(), "? opens the list of shortcuts");
            assertTrue(b.text("#shortcuts").contains("Next and previous row or card"), b.text("#shortcuts"));
            b.assertAccessible();
            press(b, Keys.ESCAPE);
            assertFalse(b.find("#shortcuts").isDisplayed(), "Escape closes it");

            b.click("details.account-menu > summary");
            assertTrue(b.find(".account-menu .menu").isDisplayed());
            press(b, Keys.ESCAPE);
            assertFalse(b.find(".account-menu .menu").isDisplayed(), "Escape closes the menu");
            assertEquals(Boolean.TRUE, b.js("return document.activeElement === document.querySelector('details.account-menu > summary');"),
                    "and gives the focus back to the menu's button, not to the page's top");
            b.click("details.account-menu > summary");
            b.click(".account-menu [data-open-dialog=shortcuts]");
            assertTrue(b.find("#shortcuts").isDisplayed());
            press(b, Keys.ESCAPE);
            assertFalse(b.find("#shortcuts").isDisplayed());
            assertEquals(Boolean.TRUE, b.js("return document.activeElement === document.querySelector('details.account-menu > summary');"),
                    "the dialog opened from the menu gives the focus back to the menu's button");

            b.go(stories);
            b.find("#f-q").click();
            press(b, "jk?");
            assertEquals("jk?", b.value("#f-q"));
            assertEquals(0, b.count(".nav-current"), "j and k do nothing while typing");
            assertFalse(b.find("#shortcuts").isDisplayed(), "? does nothing while typing");
        }
    }

    private static void press(Browser b, CharSequence keys) {
        new Actions(b.driver).sendKeys(keys).perform();
        b.waitForHtmx();
    }

    @Test
    void onAPhoneTheProjectNavigationShowsTheCurrentGroupAndSection() {
        TestData.Team t = project();
        try (Browser phone = Browser.open(base.toString(), 360)) {
            phone.login(t.owner().username, TestData.PASSWORD);
            for (String section : List.of("settings", "previews", "jobs", "repos", "stories")) {
                phone.go("/projects/" + t.slug() + "/" + section);
                assertEquals(Boolean.TRUE, phone.js("""
                        var rows = document.querySelectorAll('.projectnav ul'), seen = 0;
                        for (var i = 0; i < rows.length; i++) {
                          var current = rows[i].querySelector('a[aria-current]');
                          if (!current) { continue; }
                          var row = rows[i].getBoundingClientRect(), link = current.getBoundingClientRect();
                          if (link.left < row.left - 1 || link.right > row.right + 1) { return false; }
                          seen++;
                        }
                        return seen > 0;"""), section + ": its group's and its own link are in view");
                phone.assertFitsWidth();
            }
            assertEquals(0L, ((Number) phone.js("return document.querySelector('.projectnav ul').scrollLeft;")).longValue(),
                    "an early group leaves the row where it starts");
        }
    }

    @Test
    void onADesktopTheProjectNavigationShowsEveryGroupAndTheCurrentGroupsSectionsWithoutScrolling() {
        TestData.Team t = project();
        try (Browser desk = Browser.open(base.toString())) {
            desk.login(t.owner().username, TestData.PASSWORD);
            desk.go("/projects/" + t.slug() + "/journeys");
            assertEquals(List.of(t.project().name, "Stories", "Architecture", "Design", "Build", "Code", "Team"),
                    desk.texts(".projectnav .nav-groups a"));
            assertEquals("Design", desk.text(".projectnav .nav-groups a[aria-current=true]"));
            assertEquals(List.of("Pages", "Design system", "Features", "Journeys", "Entities", "Thinking", "Context items", "Previews"),
                    desk.texts(".projectnav .nav-sections a"));
            assertEquals("Journeys", desk.text(".projectnav .nav-sections a[aria-current=page]"));
            assertEquals(Boolean.TRUE, desk.js("""
                    return Array.prototype.every.call(document.querySelectorAll('.projectnav ul'),
                        function (row) { return row.scrollWidth <= row.clientWidth; });"""), "no row of the navigation scrolls at 1280 px");
            desk.click(".projectnav .nav-groups a[href$='/specs']");
            assertEquals("Build", desk.text(".projectnav .nav-groups a[aria-current=true]"));
            assertEquals("Specs", desk.text(".projectnav .nav-sections a[aria-current=page]"));
            desk.click(".projectnav .nav-sections a[href$='/board']");
            assertEquals("Board", desk.text(".projectnav .nav-sections a[aria-current=page]"));
            desk.click(".projectnav .nav-groups a[href$='/repos']");
            assertEquals("Code", desk.text(".projectnav .nav-groups a[aria-current=page]"));
            assertEquals(0, desk.count(".projectnav .nav-sections"), "a group of one section has no second row");
        }
    }

    /** Tabbing along a row that scrolls sideways on a phone keeps the focused link in view: it was scrolled on load only. */
    @Test
    void onAPhoneEachLinkTabbedToInTheProjectNavigationIsInView() {
        TestData.Team t = project();
        try (Browser phone = Browser.open(base.toString(), 360)) {
            phone.login(t.owner().username, TestData.PASSWORD);
            phone.go("/projects/" + t.slug() + "/design");
            phone.js("document.querySelector('.projectnav .nav-groups a[aria-current]').focus();");
            List<String> reached = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                new Actions(phone.driver).sendKeys(Keys.TAB).perform();
                Object seen = phone.js("""
                        var e = document.activeElement, row = e.closest('.projectnav ul');
                        if (!e.closest('.projectnav')) { return null; }
                        if (!row) { return 'in view: (the search box)'; }
                        var r = e.getBoundingClientRect(), box = row.getBoundingClientRect();
                        return (r.left >= box.left - 1 && r.right <= box.right + 1 ? 'in view: ' : 'out of view: ') + e.textContent.trim();""");
                if (seen == null) {
                    break;
                }
                reached.add(String.valueOf(seen));
            }
            assertTrue(reached.contains("in view: Previews"), "the sections' row was tabbed through to its end: " + reached);
            assertTrue(reached.stream().allMatch(r -> r.startsWith("in view: ")), String.join(", ", reached));
        }
    }

    @Test
    void theKeyboardsFocusRingInTheProjectNavigationIsDrawnWholeNotCutOffByTheScrollingRows() {
        TestData.Team t = project();
        for (int width : new int[] {1280, 360}) {
            try (Browser b = Browser.open(base.toString(), width)) {
                b.login(t.owner().username, TestData.PASSWORD);
                b.go("/projects/" + t.slug() + "/board");
                for (String css : List.of(".projectnav .nav-groups a[href$='/stories']", ".projectnav .nav-sections a[href$='/plans']", "#project-search")) {
                    // Tab onto it from the element before, as a keyboard user would.
                    b.js("var all = Array.prototype.slice.call(document.querySelectorAll('a[href], input:not([type=hidden])'));"
                            + "all[all.indexOf(document.querySelector(arguments[0])) - 1].focus();", css);
                    new Actions(b.driver).sendKeys(Keys.TAB).perform();
                    assertEquals(Boolean.TRUE, b.js("return document.activeElement === document.querySelector(arguments[0])"
                            + " && document.activeElement.matches(':focus-visible');", css), width + " px: " + css + " has the keyboard's focus");
                    assertEquals("", b.js("""
                            var e = document.activeElement, s = getComputedStyle(e), row = (e.closest('.nav-search') || e.closest('ul')).getBoundingClientRect();
                            var out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset), r = e.getBoundingClientRect();
                            if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) { return 'no outline'; }
                            return r.top - out >= row.top - 0.5 && r.bottom + out <= row.bottom + 0.5 ? ''
                                : 'the outline spans ' + (r.top - out) + ' to ' + (r.bottom + out) + ' in a row from ' + row.top + ' to ' + row.bottom;"""),
                            width + " px: the focus outline of " + css + " lies inside its row");
                }
            }
        }
    }

    @Test
    void aRepositorysSettingsSitBelowItsFilesAlignedWithThePageAndItsRemoveButtonApartFromSave() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(3));
            Repo r = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(r).status);
            for (int width : new int[] {1280, 360}) {
                try (Browser b = Browser.open(base.toString(), width)) {
                    b.login(t.owner().username, TestData.PASSWORD); // the settings and remove forms are an owner's
                    b.go("/projects/" + t.slug() + "/repos/app");
                    assertEquals("", b.js("""
                            var files = document.getElementById('file-list').getBoundingClientRect(), main = document.getElementById('files').getBoundingClientRect();
                            var card = document.getElementById('repo-settings').getBoundingClientRect();
                            var save = document.querySelector('#repo-form button[type=submit]').getBoundingClientRect();
                            var remove = document.querySelector('#repo-delete button').getBoundingClientRect();
                            var out = [];
                            if (Math.abs(card.left - main.left) > 1) { out.push('the card starts at ' + card.left + ', the page at ' + main.left); }
                            if (card.top < files.bottom + 16) { out.push('the card starts ' + (card.top - files.bottom) + ' px below the files'); }
                            if (remove.top < save.bottom + 24) { out.push('Remove is ' + (remove.top - save.bottom) + ' px below Save'); }
                            return out.join('; ');"""), width + " px");
                    b.assertFitsWidth();
                }
            }
        }
    }

    @Test
    void aFormWithinAProjectPageStartsWhereThePagesHeadingStarts() {
        TestData.Team t = data.team();
        try (Browser b = Browser.open(base.toString(), 1280)) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/plans/new");
            assertEquals("", b.js("""
                    var h = document.querySelector('main h1').getBoundingClientRect(), form = document.getElementById('plan-form').getBoundingClientRect();
                    return Math.abs(form.left - h.left) > 1 ? 'the form starts at ' + form.left + ', the heading at ' + h.left : '';"""));
        }
    }

    @Test
    void everyCardStartsItsContentRightAtItsPaddingWhateverItsFirstElementIs() {
        TestData.Team t = project();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            for (String page : List.of("stories/1", "specs/SPEC-1", "tasks/TASK-1-1", "design-system", "journeys", "work-sessions")) {
                b.go("/projects/" + t.slug() + "/" + page);
                assertEquals("", b.js("""
                        var out = [];
                        document.querySelectorAll('main .card').forEach(function (card, i) {
                          if (!card.getClientRects().length) { return; }
                          var s = getComputedStyle(card), top = card.getBoundingClientRect().top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
                          var walk = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT), first = null;
                          while (!first && walk.nextNode()) {
                            var n = walk.currentNode, rects = [];
                            if (n.nodeType === 3) {
                              if (n.textContent.trim() && !n.parentElement.closest('.visually-hidden')) {
                                var range = document.createRange(); range.selectNodeContents(n); rects = range.getClientRects();
                              }
                            } else if (n.matches('input:not([type=hidden]), select, textarea, button, .button, .badge, img, svg, iframe, progress, meter')) {
                              rects = n.getClientRects();
                            }
                            if (rects.length && rects[0].height > 0) { first = rects[0]; }
                          }
                          if (first && first.top - top > 8) {
                            out.push((card.id || card.tagName.toLowerCase() + '#' + i) + ' starts ' + Math.round(first.top - top) + ' px below its padding');
                          }
                        });
                        return out.join('; ');"""), page);
            }
        }
    }

    @Test
    void onAPhoneTablesKeepKeysAndBadgesOnOneLineAndBreakPathsAndBranchesOnlyWhereTheyMust() {
        TestData.Team t = project();
        fx.api(t.member()).body(Map.of("name", "Accounts.Web", "type", "controller", "filePath", "src/Web.java"))
                .post("/api/v1/projects/" + t.slug() + "/components").then().statusCode(201);
        try (Browser phone = Browser.open(base.toString(), 360)) {
            phone.login(t.member().username, TestData.PASSWORD);
            phone.go("/projects/" + t.slug() + "/specs/SPEC-1");
            assertEquals(1L, lines(phone, "#task-TASK-1-1 td:first-child a"), "the task key");
            assertEquals(1L, lines(phone, "#task-TASK-1-2 td .badge"), "the status badge");
            assertTrue(lines(phone, "#task-TASK-1-1 code") <= 3, "the branch roadmap-implementation_task-TASK-1-1 takes "
                    + lines(phone, "#task-TASK-1-1 code") + " lines");
            phone.assertFitsWidth();
            // The task table is wider than a phone: a shadow scrolls with it to show columns are hidden on the right.
            assertEquals("", phone.js("""
                    var w = document.querySelector('#spec-tasks').closest('.table-wrap'), style = getComputedStyle(w);
                    if (w.scrollWidth <= w.clientWidth) { return 'the table fits, nothing to hint'; }
                    return /local.*local.*scroll.*scroll/.test(style.backgroundAttachment) && /radial-gradient/.test(style.backgroundImage)
                        ? '' : 'no scroll shadow: ' + style.backgroundAttachment;"""));
            phone.go("/projects/" + t.slug() + "/components");
            assertEquals(1L, lines(phone, "table code"), "the file path src/Web.java");
            phone.assertFitsWidth();
        }
    }

    @Test
    void onAPhoneSearchResultsBreakLongKeysAndTitlesInsteadOfWideningThePage() {
        TestData.Team t = project();
        fx.api(t.member()).body(Map.of("title", "Export " + "ledger".repeat(15), "description", "Totals of "
                + "src/main/java/com/example/ledger/reporting/".repeat(2) + "LedgerService.java")).post("/api/v1/projects/" + t.slug() + "/stories")
                .then().statusCode(201);
        try (Browser phone = Browser.open(base.toString(), 360)) {
            phone.login(t.member().username, TestData.PASSWORD);
            phone.go("/projects/" + t.slug() + "/search?q=totals");
            assertEquals(1L, phone.js("return document.querySelectorAll('#group-story .search-hit').length;"));
            phone.assertFitsWidth();
        }
    }

    /** How many lines the first element matching takes. */
    private static long lines(Browser b, String css) {
        return ((Number) b.js("var e = document.querySelector(arguments[0]), tops = {};"
                + "Array.prototype.forEach.call(e.getClientRects(), function (r) { tops[Math.round(r.top)] = true; });"
                + "return Object.keys(tops).length;", css)).longValue();
    }

    @Test
    void onAPhoneWithoutJavaScriptFiltersFoldBehindAToggleAndOnADesktopTheyShowWithoutOne() {
        TestData.Team t = project();
        try (Browser phone = Browser.open(base.toString(), 360); Browser desk = Browser.open(base.toString())) {
            phone.login(t.member().username, TestData.PASSWORD);
            desk.login(t.member().username, TestData.PASSWORD);
            ChromeDriver noScript = (ChromeDriver) phone.driver;
            noScript.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            for (String page : List.of("stories", "specs", "board", "components")) {
                String path = "/projects/" + t.slug() + "/" + page;
                noScript.get(base.toString().replaceAll("/$", "") + path);
                Object htmx;
                try {
                    htmx = noScript.executeScript("return typeof window.htmx;");
                } catch (WebDriverException e) {
                    htmx = "scripts refused";
                }
                assertNotEquals("object", htmx, page + ": no script ran");
                assertFalse(noScript.findElement(By.cssSelector(".filter-toggle form")).isDisplayed(), page + ": folded on a phone");
                noScript.findElement(By.cssSelector("label[for=filters-open]")).click();
                assertTrue(noScript.findElement(By.cssSelector(".filter-toggle form")).isDisplayed(), page + ": the toggle shows them");
                noScript.findElement(By.cssSelector("label[for=filters-open]")).click();
                assertFalse(noScript.findElement(By.cssSelector(".filter-toggle form")).isDisplayed(), page + ": and folds them again");

                desk.go(path);
                assertFalse(desk.find("#filters-open").isSelected(), page + ": folded, as no filter is in use");
                assertTrue(desk.find(".filter-toggle form").isDisplayed(), page + ": shown on a desktop");
                assertFalse(desk.find("label[for=filters-open]").isDisplayed(), page + ": without a toggle");
                assertEquals(Boolean.TRUE, desk.js("var f = document.querySelector('.filter-toggle form select, .filter-toggle form input');"
                        + "f.focus(); return document.activeElement === f;"), page + ": its fields take the keyboard's focus");
                desk.assertAccessible();
            }
            noScript.get(base.toString().replaceAll("/$", "") + "/projects/" + t.slug() + "/stories?status=draft");
            assertTrue(noScript.findElement(By.id("f-status")).isDisplayed(), "filters in use stay unfolded");
            noScript.get(base.toString().replaceAll("/$", "") + "/projects/" + t.slug() + "/specs?status=draft");
            assertTrue(noScript.findElement(By.id("filter-status")).isDisplayed(), "the spec list's filters in use stay unfolded");
            noScript.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));

            // With scripts the toggle is the same: a keyboard opens it, and it stays open while htmx swaps the results.
            phone.go("/projects/" + t.slug() + "/stories");
            assertFalse(phone.find("#f-status").isDisplayed());
            phone.js("document.getElementById('filters-open').focus();");
            new Actions(phone.driver).sendKeys(Keys.SPACE).perform();
            assertTrue(phone.find("#f-status").isDisplayed(), "Space on the focused toggle shows the filters");
            phone.assertAccessible();
            phone.assertFitsWidth();
            phone.select("#f-status", "draft");
            assertTrue(phone.path().contains("status=draft") || phone.url().contains("status=draft"), phone.url());
            assertTrue(phone.find("#f-status").isDisplayed(), "the filters stay open after htmx swapped the results");
        }
    }

    /** The server writes the exact time in UTC and English; a reader in Berlin with a German browser reads theirs. */
    @Test
    void exactTimesOnHoverAreInTheReadersZoneAndLocale() {
        TestData.Team t = project();
        String story = "/projects/" + t.slug() + "/stories/1";
        String served = dev.specboard.support.Web.html(dev.specboard.support.Web.as(t.member()).get(story)).selectFirst("#revisions time").attr("title");
        assertTrue(served.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d:\\d\\d UTC"), "without script: UTC, " + served);
        try (Browser b = Browser.open(base.toString())) {
            ChromeDriver chrome = (ChromeDriver) b.driver;
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
            chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "de-DE"));
            b.login(t.member().username, TestData.PASSWORD);
            b.go(story);
            String time = "#revisions time[data-relative]";
            Instant at = Instant.parse(b.find(time).getAttribute("datetime"));
            String berlin = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm:ss").format(at.atZone(java.time.ZoneId.of("Europe/Berlin")));
            String title = b.find(time).getAttribute("title");
            assertTrue(title.startsWith(berlin) && !title.contains("UTC"), berlin + " in Berlin, in German: " + title);

            // Swapped in by htmx later (a live update, a fragment): rewritten too; a title that says more keeps its words.
            b.js("htmx.swap(document.querySelector('#revisions'), '<p id=\"swapped\"><time datetime=\"2026-12-07T20:34:22Z\"'"
                    + " + ' title=\"In this column since 7 Dec 2026, 20:34:22 UTC\">x</time></p>', { swapStyle: 'beforeend' });");
            b.waitUntil(d -> !b.find("#swapped time").getAttribute("title").contains("UTC"));
            assertEquals("In this column since 07.12.2026, 21:34:22 MEZ", b.find("#swapped time").getAttribute("title"));
        }
    }

    @Test
    void relativeTimesReadAsTheServerWordsThemAndMoveOnWhileThePageStaysOpen() {
        TestData.Team t = project();
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            Instant opened = Instant.now();
            b.go("/projects/" + t.slug() + "/stories/1");
            String time = "#revisions time[data-relative]";
            String shown = b.text(time);
            Instant read = Instant.now();
            String title = b.find(time).getAttribute("title");
            assertEquals(b.js("return window.sbTimes.exact(Date.parse(arguments[0]));", b.find(time).getAttribute("datetime")), title);
            Instant at = Instant.parse(b.find(time).getAttribute("datetime"));
            // As worded at some moment while the page was shown: "just now" only while the story is under 45 s old,
            // and a loaded machine could take longer than that to start the browser and log in.
            assertTrue(List.of(TimeExtensions.relative(at, opened), TimeExtensions.relative(at, read)).contains(shown),
                    shown + " for " + at + " between " + opened + " and " + read);

            assertEquals("5 minutes ago", b.js("var el = document.querySelector(arguments[0]);"
                    + "window.sbTimes.refresh(Date.parse(el.getAttribute('datetime')) + 5 * 60 * 1000); return el.textContent;", time));
            assertEquals(title, b.find(time).getAttribute("title"), "the exact time stays on hover");
            for (Duration d : List.of(Duration.ofSeconds(30), Duration.ofSeconds(50), Duration.ofMinutes(44), Duration.ofMinutes(50),
                    Duration.ofHours(5), Duration.ofHours(26), Duration.ofDays(3), Duration.ofDays(10), Duration.ofDays(400),
                    Duration.ofMinutes(-5), Duration.ofHours(-30), Duration.ofDays(-3))) {
                Instant now = at.plus(d);
                assertEquals(TimeExtensions.relative(at, now), b.js("var el = document.querySelector(arguments[0]);"
                        + "window.sbTimes.refresh(arguments[1]); return el.textContent;", time, now.toEpochMilli()), "at " + d);
            }
            Instant before = Instant.now();
            b.js("window.sbTimes.refresh();");
            String again = b.text(time);
            Instant after = Instant.now();
            assertTrue(List.of(TimeExtensions.relative(at, before), TimeExtensions.relative(at, after)).contains(again),
                    "as of now again: " + again);
        }
    }

    @Test
    void graphNodesAndHighlightedCodeOnSelectedLinesPassAxe() {
        TestData.Team t = data.team();
        String p = "/api/v1/projects/" + t.slug();
        String web = fx.api(t.member()).body(Map.of("name", "Accounts.UserRegistrationController", "type", "controller",
                "filePath", "src/Web.java", "description", "Web layer")).post(p + "/components").then().statusCode(201).extract().path("id");
        String repo = fx.api(t.member()).body(Map.of("name", "Accounts.Repo", "type", "schema", "filePath", "src/Repo.java",
                "description", "Storage")).post(p + "/components").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("dependsOn", repo)).post(p + "/components/" + web + "/dependencies").then().statusCode(201);
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            git.commit("first", "src/App.java", """
                    // The application: a comment, keywords, strings and built-ins.
                    public class App {
                        private static final String NAME = "app";
                        public static void main(String[] args) { System.out.println(NAME + args.length); }
                    }
                    """);
            Repo r = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(r).status);

            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/graph");
            assertEquals(2, b.count("svg a.node"));
            b.assertAccessible("label-content-name-mismatch");

            b.go("/projects/" + t.slug() + "/repos/app/blob/src/App.java#L1-L4");
            b.waitUntil(d -> Boolean.TRUE.equals(b.js("return document.querySelectorAll('table.code tr.selected').length === 4"
                    + " && !!document.querySelector('table.code .hljs-keyword');")));
            b.assertAccessible();
        }
    }
}
