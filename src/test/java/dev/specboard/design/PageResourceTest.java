package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.LockWaits;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PageResourceTest {

    @Inject
    TestData data;

    @Inject
    PageService pages;

    @Inject
    EntityManager em;

    static String createPage(TestData.Team t, String name, String path, String parent, String html, String css) {
        Response r = Web.as(t.member()).formParam("name", name).formParam("path", path).formParam("parent", parent == null ? "" : parent)
                .formParam("type", "page").formParam("primaryDevice", "responsive").formParam("purpose", "Purpose of " + name)
                .formParam("keyElements", "header, main").formParam("html", html == null ? "" : html).formParam("css", css == null ? "" : css)
                .formParam("js", "").post("/projects/" + t.slug() + "/pages");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The parent choice on a page's details offers neither the page nor any page below it, which the save refuses. */
    @Test
    void aPageIsNotOfferedItsOwnChildrenAsItsParent() {
        TestData.Team t = data.team();
        String home = createPage(t, "Home", "/", null, null, null);
        String sub = createPage(t, "Sub", "/sub", home, null, null);
        createPage(t, "Deeper", "/sub/deeper", sub, null, null);
        createPage(t, "About", "/about", null, null, null);
        Document d = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/pages/" + home));
        List<String> offered = d.select("#f-parent option").eachText();
        assertTrue(offered.contains("About (/about)"), offered.toString());
        assertFalse(offered.stream().anyMatch(o -> o.startsWith("Sub ") || o.startsWith("Deeper ") || o.startsWith("Home ")), offered.toString());
        List<String> fromSub = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/pages/" + sub)).select("#f-parent option").eachText();
        assertTrue(fromSub.contains("Home (/)") && fromSub.contains("About (/about)"), fromSub.toString());
        assertFalse(fromSub.stream().anyMatch(o -> o.startsWith("Deeper ")), fromSub.toString());
    }

    @Test
    void memberCreatesAPageTreeWithFirstMockupsAndSeesThumbnails() {
        TestData.Team t = data.team();
        Document none = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design").then().statusCode(200).extract().response());
        assertEquals("0 pages.", none.selectFirst("#page-count").text(), "no advice on reordering pages that are not there");
        String home = createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String lessons = createPage(t, "Lessons", "/lessons", home, DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        createPage(t, "Empty", "/empty", null, null, null);

        Document tree = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design").then().statusCode(200).extract().response());
        assertEquals(2, tree.select("#page-tree > ul.page-siblings > li").size(), "two top-level pages");
        assertNotNull(tree.selectFirst("#node-" + home + " ul.page-siblings #node-" + lessons), "Lessons sits under Home");
        String thumb = tree.selectFirst("#node-" + lessons + " .thumb iframe").attr("src");
        assertEquals("/projects/" + t.slug() + "/pages/" + lessons + "/mockups/1/frame?thumbnail=true", thumb);
        // A thumbnail runs no script: one mockup's endless loop froze the whole tree.
        assertTrue(tree.selectFirst("#node-" + lessons + " .thumb iframe").hasAttr("sandbox"));
        assertEquals("", tree.selectFirst("#node-" + lessons + " .thumb iframe").attr("sandbox"));
        assertTrue(tree.select("iframe[sandbox~=allow-scripts]").isEmpty(), "no thumbnail may run scripts");
        assertEquals("lazy", tree.selectFirst("#node-" + lessons + " .thumb iframe").attr("loading"));
        assertTrue(tree.select(".move-up").isEmpty(), "a viewer cannot reorder");
        Document own = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design").then().statusCode(200).extract().response());
        assertTrue(own.selectFirst("#page-count").text().startsWith("3 pages. Reorder a level"), own.selectFirst("#page-count").text());
        // The design side's sections are in the project navigation; the screen repeated three of them as buttons.
        for (String section : List.of("design-system", "context", "previews")) {
            assertEquals(1, own.select("a[href=/projects/" + t.slug() + "/" + section + "]").size(), section);
            assertEquals(1, own.select("nav.projectnav a[href=/projects/" + t.slug() + "/" + section + "]").size(), section);
        }

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + lessons).then().statusCode(200).extract().response());
        assertEquals("Lessons", page.selectFirst("#page-title").text());
        assertEquals(3, page.select("#device-frames iframe[sandbox=allow-scripts]").size(), "mobile, tablet and desktop side by side");
        assertTrue(page.selectFirst("#pattern-colors").text().contains("#dc2626"));
        assertTrue(page.selectFirst("#pattern-components").text().contains("card"));
        assertEquals("Designed", page.selectFirst("#page-status").text(), "a first mockup makes a draft designed");
    }

    @Test
    void theProjectSearchFindsPagesByNameAndPurposeForMembersOnly() {
        TestData.Team t = data.team();
        String id = createPage(t, "Invoice archive", "/invoices", null, null, null);
        Document found = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=invoice&kind=page")
                .then().statusCode(200).extract().response());
        assertEquals("/projects/" + t.slug() + "/pages/" + id, found.selectFirst("a[href$=" + id + "]").attr("href"));
        TestData.Team other = data.team();
        Document outside = Web.html(Web.as(other.viewer()).get("/projects/" + other.slug() + "/search?q=invoice&kind=page")
                .then().statusCode(200).extract().response());
        assertTrue(outside.select("a[href$=" + id + "]").isEmpty(), "another project's search never shows this page");
    }

    @Test
    void pathMustMatchTheSeedPatternAndBeUnique() {
        TestData.Team t = data.team();
        createPage(t, "Home", "/", null, null, null);
        Response bad = Web.as(t.member()).formParam("name", "Bad").formParam("path", "/Bad Path").formParam("html", "<p>keep me</p>")
                .post("/projects/" + t.slug() + "/pages");
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertTrue(d.selectFirst("#e-path").text().contains("lowercase"));
        assertEquals("Bad", d.selectFirst("#f-name").val(), "typed values are kept");
        assertEquals("<p>keep me</p>", d.selectFirst("#f-html").text());
        // An empty part (//) made a page with no parent; it is refused naming the field, with what was typed kept.
        Response empty = Web.as(t.member()).formParam("name", "Gap").formParam("path", "/a//b").post("/projects/" + t.slug() + "/pages");
        assertEquals(422, empty.statusCode());
        assertEquals("A path has no empty part (//): write /dashboard/settings, not /dashboard//settings",
                Web.html(empty).selectFirst("#e-path").text());
        assertEquals("/a//b", Web.html(empty).selectFirst("#f-path").val());
        Response taken = Web.as(t.member()).formParam("name", "Again").formParam("path", "/").post("/projects/" + t.slug() + "/pages");
        assertEquals(409, taken.statusCode());
        assertTrue(Web.html(taken).selectFirst("#e-path").text().contains("already the page Home"));
    }

    @Test
    void comparingTwoLargeEntirelyDifferentVersionsSaysTooLargeInsteadOfListingEveryLine() {
        TestData.Team t = data.team();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            before.append("<p>before ").append(i).append("</p>\n");
            after.append("<p>after ").append(i).append("</p>\n");
        }
        String id = createPage(t, "Big", "/big", null, before.toString(), "");
        String base = "/projects/" + t.slug() + "/pages/" + id;
        Web.as(t.member()).formParam("html", after.toString()).formParam("css", "").formParam("changeDescription", "Rewritten")
                .formParam("basedOn", "1").post(base + "/mockups").then().statusCode(303);

        Document compare = Web.html(Web.as(t.viewer()).get(base + "/compare?from=1&to=2").then().statusCode(200).extract().response());
        assertTrue(compare.selectFirst("#diff-0-too-large").text().contains("too many lines to compare line by line"));
        assertEquals("changed", compare.selectFirst("#diff-0 h3 .muted").text());
        assertTrue(compare.select("#diff-0 tr").isEmpty(), "no line of the 6,000 is rendered");
        assertEquals("unchanged", compare.selectFirst("#diff-1 h3 .muted").text());
    }

    /** Two edits both found the path free and the second failed on the unique key (500), or both moved a parent: a cycle. */
    @Test
    void anEditWaitsForAnotherChangeOfTheProjectsPages() throws Exception {
        TestData.Team t = data.team();
        UUID id = UUID.fromString(createPage(t, "Home", "/home", null, null, null));
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        Page edited = LockWaits.assertWaitsFor(
                () -> em.createNativeQuery("select 1 from projects where id = ?1 for no key update").setParameter(1, t.project().id).getSingleResult(),
                () -> pages.update(member, id, new PageForm("Start", "/start", "", "page", "", "responsive", "", 1, null, null, null)),
                "the edit");
        assertEquals("/start", edited.path);
    }

    @Test
    void secondVersionStaleSaveCompareAndMakeCurrent() {
        TestData.Team t = data.team();
        String id = createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String base = "/projects/" + t.slug() + "/pages/" + id;
        Web.as(t.member()).formParam("html", DesignFixtures.HOME_HTML.replace("Welcome back", "Hello again")).formParam("css", DesignFixtures.HOME_CSS)
                .formParam("changeDescription", "Friendlier greeting").formParam("basedOn", "1").post(base + "/mockups").then().statusCode(303);
        Response stale = Web.as(t.lead()).formParam("html", "<p>my own take</p>").formParam("css", "").formParam("basedOn", "1")
                .post(base + "/mockups");
        assertEquals(409, stale.statusCode());
        Document conflict = Web.html(stale);
        assertTrue(conflict.selectFirst("#mockup-conflict").text().contains("version 2"));
        // The form sits far down a long page: a summary at the top (focused by errors.js) says so and links to the notice.
        Element summary = conflict.getElementById("conflict-summary");
        assertTrue(summary.hasAttr("data-error-summary") && summary.elementSiblingIndex() < conflict.getElementById("mockup").elementSiblingIndex(),
                conflict.html());
        assertEquals("#mockup-conflict", summary.selectFirst("a").attr("href"));
        assertTrue(summary.text().contains("Someone saved this mockup while you were editing") && summary.text().contains("version 2"), summary.text());
        assertEquals("-1", conflict.getElementById("mockup-conflict").attr("tabindex"), "the link's target takes the focus");
        assertEquals("<p>my own take</p>", conflict.selectFirst("#f-html").text(), "the typed source is kept");
        assertEquals("2", conflict.selectFirst("#mockup-form input[name=basedOn]").val(), "now based on the current version");
        assertFalse(conflict.select("#mockup-conflict tr.removed").isEmpty(), "the current version's lines are shown");
        String byOther = conflict.selectFirst("#mockup-conflict p").text();
        assertTrue(byOther.contains(t.member().username), "names who saved version 2: " + byOther);
        // The author's own stale save (a second tab of theirs) is told so, not by their own name as if someone else.
        Response own = Web.as(t.member()).formParam("html", "<p>second thoughts</p>").formParam("css", "").formParam("basedOn", "1")
                .post(base + "/mockups");
        assertEquals(409, own.statusCode());
        String byYou = Web.html(own).selectFirst("#mockup-conflict p").text();
        assertTrue(byYou.contains("ou in another tab or window") && !byYou.contains(t.member().username), byYou);

        // The form starts with the current source: saved untouched, it is refused instead of adding a copy.
        Response same = Web.as(t.member()).formParam("html", DesignFixtures.HOME_HTML.replace("Welcome back", "Hello again"))
                .formParam("css", DesignFixtures.HOME_CSS).formParam("basedOn", "2").post(base + "/mockups");
        assertEquals(422, same.statusCode());
        assertTrue(Web.html(same).selectFirst("#e-html").text().startsWith("Nothing changed: this is version 2 already"),
                Web.html(same).select(".error").text());

        Document compare = Web.html(Web.as(t.viewer()).get(base + "/compare?from=1&to=2").then().statusCode(200).extract().response());
        assertTrue(compare.select("#diff-0 tr.removed").text().contains("Welcome back"));
        assertTrue(compare.select("#diff-0 tr.added").text().contains("Hello again"));
        assertEquals("unchanged", compare.selectFirst("#diff-1 h3 .muted").text());
        assertEquals(base + "/mockups/1/frame", compare.selectFirst("#render-from iframe").attr("src"));
        assertEquals(base + "/mockups/2/frame", compare.selectFirst("#render-to iframe").attr("src"));

        Web.as(t.member()).formParam("x", "1").post(base + "/mockups/1/current").then().statusCode(303);
        Document page = Web.html(Web.as(t.viewer()).get(base).then().statusCode(200).extract().response());
        assertTrue(page.selectFirst("#current-version").text().startsWith("Version 1 (current)"));
        assertNull(page.selectFirst("#mockup-form"), "a viewer cannot save a version");
        page = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertEquals(DesignFixtures.HOME_HTML, page.selectFirst("#mockup-form #f-html").wholeText(), "the next version starts from the current one's HTML");
        assertEquals(DesignFixtures.HOME_CSS, page.selectFirst("#mockup-form #f-css").wholeText(), "and its CSS");
        assertEquals("1", page.selectFirst("#mockup-form input[name=basedOn]").val());
        assertEquals("Save as version 3", page.selectFirst("#save-mockup").text(), "versions 1 and 2 exist: the next is 3 whichever is current");
        assertEquals("", page.selectFirst("#mockup-form [name=changeDescription]").val(), "what changed is the new version's own");
        assertNotNull(page.selectFirst("#version-1 .badge.ok"));
    }

    @Test
    void mockupFrameIsServedOnlyUnderTheSandboxCsp() {
        TestData.Team t = data.team();
        String id = createPage(t, "Home", "/", null, "<h1>Hi</h1><script>document.title='x'</script>", "h1 { color: red }");
        Response frame = Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + id + "/mockups/1/frame");
        frame.then().statusCode(200);
        String csp = frame.getHeader("Content-Security-Policy");
        assertTrue(csp.startsWith("sandbox allow-scripts;"), csp);
        for (String part : List.of("default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "frame-ancestors 'self'", "form-action 'none'")) {
            assertTrue(csp.contains(part), csp);
        }
        assertFalse(csp.contains("allow-same-origin") || csp.contains("allow-forms") || csp.contains("allow-top-navigation"), csp);
        assertEquals("nosniff", frame.getHeader("X-Content-Type-Options"));
        assertEquals("no-store", frame.getHeader("Cache-Control"), "a project's mockup stays out of the browser's cache, as its pages do");
        assertTrue(frame.getContentType().startsWith("text/html"));
        Response thumbnail = Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + id + "/mockups/1/frame?thumbnail=true");
        String thumbCsp = thumbnail.then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(thumbCsp.startsWith("sandbox;"), "a thumbnail's own policy does not allow scripts: " + thumbCsp);
        assertFalse(thumbCsp.contains("allow-scripts") || thumbCsp.contains("script-src"), thumbCsp);
        assertFalse(thumbnail.asString().contains("document.title"), "nor does it carry the mockup's script");
        Document doc = Web.html(frame);
        assertEquals("h1 { color: red }", doc.selectFirst("head style").data());
        assertEquals(404, Web.as(t.outsider()).get("/projects/" + t.slug() + "/pages/" + id + "/mockups/1/frame").statusCode());

        // Only as a frame: opened on its own, the mockup would be a page at our address that its author wrote.
        String frameUrl = "/projects/" + t.slug() + "/pages/" + id + "/mockups/1/frame";
        Response framed = Web.as(t.viewer()).header("Sec-Fetch-Dest", "iframe").get(frameUrl);
        assertEquals(200, framed.statusCode());
        assertTrue(framed.asString().contains("<h1>Hi</h1>"));
        for (String dest : List.of("document", "object", "embed")) {
            Response alone = Web.as(t.viewer()).redirects().follow(false).header("Sec-Fetch-Dest", dest).get(frameUrl);
            assertEquals(303, alone.statusCode(), dest);
            assertTrue(alone.getHeader("Location").endsWith("/projects/" + t.slug() + "/pages/" + id + "/mockups/1"), alone.getHeader("Location"));
            assertFalse(alone.asString().contains("<h1>Hi</h1>"), dest);
        }
    }

    @Test
    void keyboardMovesAndDragOrderReorderSiblings() {
        TestData.Team t = data.team();
        String a = createPage(t, "A", "/a", null, null, null);
        String b = createPage(t, "B", "/b", null, null, null);
        String c = createPage(t, "C", "/c", null, null, null);
        Response moved = Web.htmx(Web.as(t.member())).formParam("direction", "up").post("/projects/" + t.slug() + "/pages/" + c + "/move");
        moved.then().statusCode(200);
        Document d = Web.html(moved);
        assertEquals(List.of(a, c, b), d.select("#page-tree > ul > li").eachAttr("data-id"));
        assertTrue(d.selectFirst("#flash").text().contains("C moved up"));
        assertEquals("true", d.selectFirst("#node-" + c).attr("data-moved"));
        Web.htmx(Web.as(t.member())).formParam("parent", "").formParam("ids", b).formParam("ids", a).formParam("ids", c)
                .post("/projects/" + t.slug() + "/design/order").then().statusCode(200);
        Document tree = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design"));
        assertEquals(List.of(b, a, c), tree.select("#page-tree > ul > li").eachAttr("data-id"));
        assertEquals(409, Web.as(t.member()).formParam("parent", "").formParam("ids", b).post("/projects/" + t.slug() + "/design/order").statusCode(),
                "an order that leaves out a sibling is refused");
        assertEquals(409, Web.as(t.member()).formParam("direction", "up").post("/projects/" + t.slug() + "/pages/" + b + "/move").statusCode());
    }

    /**
     * A lead on a stale tree presses "Move down" on the page a member already moved last: the answer said why ("409 ·
     * Conflict" above it) and left the old order on screen; now it brings the tree as it is, and the plain form's error page
     * says in words that nothing was done.
     */
    @Test
    void aStaleMoveRedrawsTheTreeInItsCurrentOrder() {
        TestData.Team t = data.team();
        String home = createPage(t, "Home", "/", null, null, null);
        String about = createPage(t, "About", "/about", null, null, null);
        Web.htmx(Web.as(t.member())).formParam("direction", "down").post("/projects/" + t.slug() + "/pages/" + home + "/move")
                .then().statusCode(200);
        Response stale = Web.htmx(Web.as(t.lead())).formParam("direction", "down").post("/projects/" + t.slug() + "/pages/" + home + "/move");
        assertEquals(409, stale.statusCode());
        Document d = Web.html(stale);
        assertEquals(List.of(about, home), d.select("#page-tree > ul > li").eachAttr("data-id"), "the tree as it is now");
        assertEquals("The page Home is already the last of its level.", d.selectFirst("#flash").text());
        // Without htmx the whole page comes back, the tree as it is with the message above it: no bare error page.
        Response plain = Web.as(t.lead()).formParam("direction", "down").post("/projects/" + t.slug() + "/pages/" + home + "/move");
        assertEquals(409, plain.statusCode());
        Document page = Web.html(plain);
        assertEquals(List.of(about, home), page.select("#page-tree > ul > li").eachAttr("data-id"));
        assertEquals("The page Home is already the last of its level.", page.selectFirst("#flash").text());
        assertNotNull(page.getElementById("new-page"), "the whole design page");
        assertEquals("true", page.getElementById("node-" + home).attr("data-moved"), "the page tried keeps the focus");
        Response drag = Web.as(t.lead()).formParam("parent", "").formParam("ids", home).post("/projects/" + t.slug() + "/design/order");
        assertEquals(409, drag.statusCode());
        assertEquals(List.of(about, home), Web.html(drag).select("#page-tree > ul > li").eachAttr("data-id"));
        assertTrue(Web.html(drag).selectFirst("#flash").text().endsWith("Their order now: About, Home."), drag.asString());
    }

    /**
     * On a tree of three, "Move up" on the last page moved it past whichever page was above it by then, not the one the
     * tree showed: each button sends the sibling it passes, and a move past another is refused with the level's order now.
     */
    @Test
    void aStaleKeyboardMoveAmongThreeIsRefusedNamingTheOrderNow() {
        TestData.Team t = data.team();
        String a = createPage(t, "A", "/a", null, null, null);
        String b = createPage(t, "B", "/b", null, null, null);
        String c = createPage(t, "C", "/c", null, null, null);
        Document shown = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/design"));
        assertEquals(b, shown.getElementById("up-" + c).parent().selectFirst("input[name=past]").val(), "Move up names the page above");
        assertEquals(List.of(c), shown.getElementById("down-" + b).parent().select("input[name=past]").eachAttr("value"));
        Web.htmx(Web.as(t.member())).formParam("direction", "up").post("/projects/" + t.slug() + "/pages/" + b + "/move")
                .then().statusCode(200);
        Response stale = Web.htmx(Web.as(t.lead())).formParam("direction", "up").formParam("past", b)
                .post("/projects/" + t.slug() + "/pages/" + c + "/move");
        assertEquals(409, stale.statusCode());
        Document d = Web.html(stale);
        assertEquals(List.of(b, a, c), d.select("#page-tree > ul > li").eachAttr("data-id"), "nothing moved; the tree as it is");
        assertEquals("The pages of this level were reordered since this tree was shown, so C was not moved. Their order now: B, A, C.",
                d.selectFirst("#flash").text());
        Web.htmx(Web.as(t.lead())).formParam("direction", "up").formParam("past", a).post("/projects/" + t.slug() + "/pages/" + c + "/move")
                .then().statusCode(200);
    }

    @Test
    void leadApprovesADesignedPageAndAMemberCannot() {
        TestData.Team t = data.team();
        String id = createPage(t, "Home", "/", null, "<p>x</p>", "");
        String base = "/projects/" + t.slug() + "/pages/" + id;
        assertEquals(403, Web.as(t.member()).formParam("status", "approved").post(base + "/status").statusCode());
        Web.as(t.lead()).formParam("status", "approved").post(base + "/status").then().statusCode(303);
        Document page = Web.html(Web.as(t.viewer()).get(base));
        assertEquals("Approved", page.selectFirst("#page-status").text());
        assertEquals(409, Web.as(t.member()).formParam("status", "draft").post(base + "/status").statusCode(), "no jump back from approved to draft");
    }
}
