package dev.specboard.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.kernel.Role;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class DesignSystemResourceTest {

    @Inject
    TestData data;

    @Inject
    DesignSystemWorker worker;

    @Inject
    jakarta.persistence.EntityManager em;

    static void threePages(TestData.Team t) {
        String home = PageResourceTest.createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        PageResourceTest.createPage(t, "Lessons", "/lessons", home, DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        PageResourceTest.createPage(t, "Settings", "/settings", null, DesignFixtures.SETTINGS_HTML, DesignFixtures.SETTINGS_CSS);
    }

    /** The page once its recompute has run (the job runs right after the save and every second; the page never computes). */
    public static Document settled(TestData.Team t) {
        // A minute: the job usually ends within a second, but a loaded CI machine could take longer than 20 s.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design-system").then().statusCode(200).extract().response());
            if (!d.selectFirst("#ds-state").text().contains("Recomputing")) {
                return d;
            }
            assertTrue(Instant.now().isBefore(deadline), "the design system was not recomputed in time");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Keeps the project's design system recomputing (a worker holds it, its lease far from over) until {@link #releaseRecompute}. */
    public static void holdRecompute(jakarta.persistence.EntityManager em, TestData.Team t) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE design_systems SET "
                + "recompute_requested_at = clock_timestamp(), locked_by = 'held-by-a-test', lease_until = now() + interval '1 hour' "
                + "WHERE project_id = ?1").setParameter(1, t.project().id).executeUpdate());
    }

    /** The held recompute's lease runs out: the next worker round takes it and finishes it. */
    public static void releaseRecompute(jakarta.persistence.EntityManager em, TestData.Team t) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE design_systems SET "
                + "lease_until = now() - interval '1 second' WHERE project_id = ?1").setParameter(1, t.project().id).executeUpdate());
    }

    /**
     * The whole body was polled every second while a recompute ran, and each poll put the merge form back to its default
     * colours: a person who chose two colours merged others. Only the state line is polled; once the recompute is done it
     * offers the new results and leaves the forms alone.
     */
    @Test
    void whileRecomputingOnlyTheStateLineIsPolledAndTheFormsAreNotReplaced() {
        TestData.Team t = data.team();
        threePages(t);
        settled(t);
        holdRecompute(em, t);
        Document d = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design-system").then().statusCode(200).extract().response());
        Element state = d.getElementById("ds-state");
        assertTrue(state.text().contains("Recomputing"), state.text());
        assertEquals("/projects/" + t.slug() + "/design-system/state", state.attr("hx-get"));
        assertTrue(state.select("form, input, select").isEmpty(), "the polled line holds no form");
        for (Element polled : d.select("[hx-trigger*=every]")) {
            assertTrue(polled.select("form, input, select, textarea").isEmpty(), "a polled element replaces the forms in it: " + polled.id());
        }
        assertNotNull(d.getElementById("merge-form"));
        assertFalse(d.getElementById("design-system-body").hasAttr("hx-get"), "the body is not polled");

        Document polledWhilePending = Web.html(Web.htmx(Web.as(t.member())).get("/projects/" + t.slug() + "/design-system/state")
                .then().statusCode(200).extract().response());
        assertTrue(polledWhilePending.getElementById("ds-state").text().contains("Recomputing"));
        assertTrue(polledWhilePending.getElementById("ds-state").hasAttr("hx-trigger"), "still polled while it runs");

        releaseRecompute(em, t);
        settled(t);
        Document done = Web.html(Web.htmx(Web.as(t.member())).get("/projects/" + t.slug() + "/design-system/state")
                .then().statusCode(200).extract().response());
        Element line = done.getElementById("ds-state");
        assertFalse(line.hasAttr("hx-trigger"), "polling stops once the recompute is done");
        assertTrue(line.text().startsWith("Recomputed from 3 current mockups"), line.text());
        assertEquals("/projects/" + t.slug() + "/design-system", done.getElementById("ds-show").attr("href"));
        assertNull(done.getElementById("merge-form"), "the poll's answer brings no form");
    }

    /**
     * A viewer saw the colours without the forms to name, confirm or merge them, and no reason why; the note says which
     * role they need, to a viewer and a reviewer, never to a member or a lead, and not while there is no colour to act on.
     */
    @Test
    void colourFormsHiddenByRoleAreReplacedByANoteNamingTheRole() {
        TestData.Team empty = data.team();
        assertNull(settled(empty).getElementById("role-note"), "no colour, nothing hidden");
        TestData.Team t = data.team();
        threePages(t);
        settled(t);
        for (Role role : new Role[] {Role.LEAD, Role.MEMBER, Role.REVIEWER, Role.VIEWER}) {
            Document d = Web.html(Web.as(t.as(role)).get("/projects/" + t.slug() + "/design-system").then().statusCode(200).extract().response());
            if (role.atLeast(Role.MEMBER)) {
                assertNotNull(d.getElementById("merge-form"), role.toString());
                assertNull(d.getElementById("role-note"), role.toString());
            } else {
                assertNull(d.getElementById("merge-form"), role.toString());
                assertEquals("Naming, confirming, merging or adding back colours needs the member role.", d.getElementById("role-note").text(),
                        role.toString());
            }
        }
    }

    @Test
    void aTablePatternHasItsRowAndNoIdIsUsedTwice() {
        TestData.Team t = data.team();
        PageResourceTest.createPage(t, "Orders", "/orders", null,
                "<main><h1>Orders</h1><table class=\"records\"><tr><th>Order</th></tr><tr><td>1</td></tr></table></main>", "");
        Document d = settled(t);
        Element row = d.getElementById("component-table");
        assertNotNull(row, d.select("#components").outerHtml());
        assertEquals("tr", row.tagName(), "the design-system links #component-table lead to the table pattern's row");
        java.util.Map<String, Long> ids = d.select("[id]").stream().collect(java.util.stream.Collectors.groupingBy(Element::id,
                java.util.stream.Collectors.counting()));
        assertEquals(java.util.Map.of(), ids.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)), "ids used more than once");
    }

    @Test
    void theDesignSystemEmergesFromThreeMockupsWithCountsFlagsAndExports() throws Exception {
        TestData.Team t = data.team();
        threePages(t);
        Document d = settled(t);
        assertTrue(d.selectFirst("#ds-state").text().contains("3 current mockups"));
        Element primary = d.selectFirst("#color-dc2626");
        assertNotNull(primary, d.select("#color-table").outerHtml());
        assertEquals("primary", primary.selectFirst(".token-name").text());
        assertEquals("4", primary.selectFirst(".uses").text(), "var(--primary), rgb(220, 38, 38) and #dc2626 twice");
        assertTrue(primary.text().contains("Home, Lessons, Settings"));
        assertEquals("#dc2626", primary.selectFirst("svg rect").attr("fill"), "swatches are SVG, no inline styles");
        assertFalse(d.select("#flags .near-duplicate").isEmpty());
        assertTrue(d.selectFirst("#flags .off-scale").text().contains("13px") && d.selectFirst("#flags .off-scale").text().contains("Lessons"));
        assertTrue(d.selectFirst("#spacing-base").text().contains("8px"));
        assertTrue(d.selectFirst("#families").text().contains("Inter"));
        assertEquals("5", d.selectFirst("#component-button td:nth-child(2)").text(), "one on Home, two on Lessons, two on Settings");
        assertTrue(d.select("[style]").isEmpty(), "no inline style attributes");

        Response css = Web.as(t.viewer()).get("/projects/" + t.slug() + "/design-system/tokens.css");
        assertTrue(css.getContentType().startsWith("text/css"));
        assertTrue(css.asString().contains("--color-primary: #dc2626;"));
        JsonNode json = new ObjectMapper().readTree(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design-system/tokens.json").asString());
        assertEquals("#dc2626", json.at("/color/primary/$value").asText());
        assertEquals("color", json.at("/color/$type").asText());
    }

    @Test
    void membersNameMergeAndConfirmTokensAndTheRecomputeKeepsThem() {
        TestData.Team t = data.team();
        threePages(t);
        settled(t);
        String base = "/projects/" + t.slug() + "/design-system/colors/";
        Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "ink").post(base + "name").then().statusCode(303);
        Web.as(t.member()).formParam("color", "#dc2727").formParam("into", "#dc2626").post(base + "merge").then().statusCode(303);
        Web.as(t.member()).formParam("color", "#dc2626").post(base + "confirm").then().statusCode(303);
        assertEquals(422, Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "Not A Name!").post(base + "name").statusCode());
        assertEquals(422, Web.as(t.member()).formParam("color", "red").formParam("name", "x").post(base + "name").statusCode());
        assertEquals(422, Web.as(t.member()).formParam("color", "#ffffff").formParam("name", "ink").post(base + "name").statusCode(), "a name is unique");
        assertEquals(403, Web.as(t.viewer()).formParam("color", "#dc2626").post(base + "confirm").statusCode());
        Document d = settled(t);
        assertEquals("ink", d.selectFirst("#color-1e293b .token-name").text());
        assertEquals("5", d.selectFirst("#color-dc2626 .uses").text(), "the merged colour's use counts for primary");
        assertNotNull(d.selectFirst("#color-dc2626 .badge.ok"), "confirmed");
        assertTrue(d.select("#color-dc2727").isEmpty());
        assertTrue(d.selectFirst("#ds-state").text().contains("hybrid"));
    }

    /** A merge or an undo made on a stale page moved or undid a merge its author never saw. */
    @Test
    void aMergeOrAnUndoFromAStalePageAnswers409NamingBothColours() {
        TestData.Team t = data.team();
        threePages(t);
        settled(t);
        String base = "/projects/" + t.slug() + "/design-system/colors/";
        Web.as(t.member()).formParam("color", "#dc2727").formParam("into", "#dc2626").post(base + "merge").then().statusCode(303);
        // Someone else, on the page as it was before that merge, merges the same colour elsewhere.
        io.restassured.response.Response stale = Web.as(t.lead()).formParam("color", "#dc2727").formParam("into", "#1e293b").post(base + "merge");
        assertEquals(409, stale.statusCode());
        assertTrue(Web.html(stale).text().contains("#dc2727 was merged into #dc2626 since you loaded the page, so it was not merged into #1e293b"),
                Web.html(stale).text());
        // nothing the member chose is lost: the merge form keeps the colour they meant to merge into, beside the merge saved meanwhile
        assertEquals("#1e293b", Web.html(stale).selectFirst("#merge-into option[selected]").val(), "the merge form keeps the member's choice");
        assertEquals(1, Web.html(stale).select("#merge-into option[selected]").size());
        assertTrue(Web.html(stale).selectFirst("#merges li").text().startsWith("#dc2727 counts as #dc2626"), "and the merge saved meanwhile is shown");
        Web.as(t.member()).formParam("color", "#dc2727").formParam("into", "#dc2626").post(base + "merge").then().statusCode(303);
        io.restassured.response.Response staleUndo = Web.as(t.lead()).formParam("color", "#dc2727").formParam("into", "#ffffff").post(base + "unmerge");
        assertEquals(409, staleUndo.statusCode());
        assertTrue(Web.html(staleUndo).text().contains("#dc2727 is merged into #dc2626 now, not into #ffffff as you saw it: nothing was undone"));
        settled(t);
        Document d = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design-system"));
        assertTrue(d.selectFirst("#merges li").text().startsWith("#dc2727 counts as #dc2626"), d.selectFirst("#merges li").text());
        assertEquals("#dc2626", d.selectFirst("#merges input[name=into]").val(), "the undo form says what it undoes");
        Web.as(t.lead()).formParam("color", "#dc2727").formParam("into", "#dc2626").post(base + "unmerge").then().statusCode(303);
        assertEquals(409, Web.as(t.lead()).formParam("color", "#dc2727").formParam("into", "#dc2626").post(base + "unmerge").statusCode(),
                "undone already");
    }

    @Test
    void listPagesKeepTheirStatementCountWhenRowsGrowTenfold() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        String smallPage = PageResourceTest.createPage(small, "P0", "/p0", null, "<p>x</p>", "p { color: red }");
        String bigPage = null;
        for (int i = 0; i < 10; i++) {
            String id = PageResourceTest.createPage(big, "P" + i, "/p" + i, i == 0 ? null : bigPage, "<p>x</p>", "p { color: red }");
            bigPage = bigPage == null ? id : bigPage;
            Web.as(big.member()).multiPart("itemType", "text").multiPart("text", "Item " + i).post("/projects/" + big.slug() + "/context")
                    .then().statusCode(303);
        }
        Web.as(small.member()).multiPart("itemType", "text").multiPart("text", "Item").post("/projects/" + small.slug() + "/context")
                .then().statusCode(303);
        for (int v = 2; v <= 10; v++) {
            Web.as(big.member()).formParam("html", "<p>v" + v + "</p>").formParam("basedOn", String.valueOf(v - 1)).post("/projects/" + big.slug() + "/pages/" + bigPage + "/mockups").then().statusCode(303);
        }
        settled(small);
        settled(big);
        assertEquals(count(small, "/design"), count(big, "/design"), "page tree");
        assertEquals(count(small, "/pages/" + smallPage), count(big, "/pages/" + bigPage), "a page with its mockup versions");
        assertEquals(count(small, "/context"), count(big, "/context"), "context items");
        assertEquals(count(small, "/design-system"), count(big, "/design-system"), "design system");
        assertEquals(10, Web.html(Web.as(big.viewer()).get("/projects/" + big.slug() + "/context")).select(".context-item").size());
    }

    private static long count(TestData.Team t, String path) {
        return SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + path).then().statusCode(200));
    }
}
