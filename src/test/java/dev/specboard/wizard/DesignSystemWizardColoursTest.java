package dev.specboard.wizard;

import dev.specboard.design.DesignSystemResourceTest;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design-system wizard when the mockups change under it: kept colours no mockup uses any more, a project with no
 * colour at all, and colours an earlier run left out, which can be added back.
 */
@io.quarkus.test.junit.QuarkusTest
class DesignSystemWizardColoursTest {

    private static final String ALL = "body { color: #111111; background: #00ff00; } .a { color: #123456; } .b { color: #222222; }";
    private static final String FEWER = "body { color: #111111; } .b { color: #222222; }";

    @Inject
    TestData data;

    static String page(TestData.Team t) {
        String id = DesignWizardResourceTest.pageVia(t, null, "Home", "/", "<main><p class=\"a\">Hi</p><p class=\"b\">There</p></main>", ALL);
        DesignSystemResourceTest.settled(t);
        return id;
    }

    private static void mockupWithFewerColours(TestData.Team t, String page) {
        Web.as(t.member()).formParam("html", "<main><p class=\"b\">There</p></main>").formParam("css", FEWER).formParam("basedOn", "1")
                .post("/projects/" + t.slug() + "/pages/" + page + "/mockups").then().statusCode(303);
        DesignSystemResourceTest.settled(t);
    }

    /** Submits the colours step keeping the colours given, each named after its hex value. */
    static Response colours(TestData.Team t, List<String> keep) {
        return colours(t, keep, java.util.Map.of());
    }

    /** Submits the colours step keeping the colours given, named as {@code names} says (else after their hex value). */
    private static Response colours(TestData.Team t, List<String> keep, java.util.Map<String, String> names) {
        String base = DesignWizardResourceTest.base(t, "design-system");
        RequestSpecification r = Web.as(t.member());
        for (String hex : Web.html(Web.as(t.member()).get(base + "?step=colours")).select("input[name=color]").eachAttr("value")) {
            r = r.formParam("color", hex).formParam("colorName", names.getOrDefault(hex, "c" + hex.substring(1)));
            if (keep.contains(hex)) {
                r = r.formParam("keep", hex);
            }
        }
        return r.post(base + "/colours");
    }

    private static void linksLeadSomewhere(Document d) {
        for (String href : d.select("#error-summary a").eachAttr("href")) {
            assertNotNull(d.getElementById(href.substring(1)), "the summary links to " + href + ", which is on the page");
        }
    }

    /**
     * Colours kept at the colours step that a mockup saved since no longer uses were refused at Create, one at a time,
     * by a review step that did not show them, linking to no field. The review lists them; Create leaves them out and says which.
     */
    @Test
    void keptColoursNoMockupUsesAnyMoreAreShownAtReviewAndNotKeptAtCreate() {
        TestData.Team t = data.team();
        String home = page(t);
        String base = DesignWizardResourceTest.base(t, "design-system");
        colours(t, List.of("#111111", "#00ff00", "#123456")).then().statusCode(303);
        mockupWithFewerColours(t, home);

        Document review = Web.html(Web.as(t.member()).get(base));
        assertEquals("review", review.getElementById("wizard").attr("data-step"));
        assertEquals(List.of("#00ff00", "#123456"), review.select("#stale li").eachText().stream().sorted().toList());
        assertTrue(review.getElementById("stale-note").text().contains("does not keep them"), review.getElementById("stale-note").text());

        Response done = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(303, done.statusCode(), done.asString());
        String flash = URLDecoder.decode(done.getCookie("sb_flash"), StandardCharsets.UTF_8);
        assertTrue(flash.contains("1 colour kept, 1 left out."), flash);
        assertTrue(flash.contains("#00ff00") && flash.contains("#123456") && flash.contains("they were not kept"), flash);
        assertEquals("c111111", DesignSystemResourceTest.settled(t).selectFirst("#color-111111 .token-name").text());
        assertEquals(WizardRun.COMPLETED, DesignWizardResourceTest.lastRun(t, "design-system").status);
    }

    /** With every kept colour gone, Create sends the run back to the colours step naming each of them, names kept. */
    @Test
    void whenNoKeptColourIsUsedAnyMoreTheColoursStepNamesEachOfThem() {
        TestData.Team t = data.team();
        String home = page(t);
        String base = DesignWizardResourceTest.base(t, "design-system");
        colours(t, List.of("#00ff00", "#123456")).then().statusCode(303);
        mockupWithFewerColours(t, home);

        Response refused = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        assertEquals("colours", d.getElementById("wizard").attr("data-step"));
        String summary = d.getElementById("error-summary").text();
        assertTrue(summary.contains("#00ff00") && summary.contains("#123456"), summary);
        linksLeadSomewhere(d);
        assertEquals("c222222", d.selectFirst("fieldset.candidate:has(input[value='#222222']) input[name=colorName]").val(), "the names given are kept");
        assertEquals("colours", Web.html(Web.as(t.member()).get(base)).getElementById("wizard").attr("data-step"), "reopened, it is there");

        colours(t, List.of("#111111")).then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303);
    }

    /** A project without mockups: one empty state, said once, and no Next that can only be refused. */
    @Test
    void anEmptyProjectShowsOneEmptyStateAndNoNext() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "design-system");
        Document d = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertNotNull(d.getElementById("no-candidates"));
        assertNull(d.getElementById("wizard-next"), "nothing to submit");
        assertNotNull(d.selectFirst("#no-candidates a[href='/projects/" + t.slug() + "/pages']"), "it says where to go");

        Response refused = Web.as(t.member()).formParam("x", "").post(base + "/colours");
        assertEquals(422, refused.statusCode());
        Document again = Web.html(refused);
        String text = again.body().text();
        assertEquals(text.indexOf("use no colour"), text.lastIndexOf("use no colour"), "said once: " + text);
        assertNull(again.getElementById("error-summary"));
        assertNull(again.getElementById("wizard-next"));
    }

    /**
     * A colour left out in one run never came back, though the mockups still use it. The design-system page lists it
     * with "Add back", a later run points there, and once added back the wizard offers it again.
     */
    @Test
    void aColourLeftOutCanBeAddedBackAndTheWizardOffersItAgain() {
        TestData.Team t = data.team();
        page(t);
        String base = DesignWizardResourceTest.base(t, "design-system");
        colours(t, List.of("#111111", "#00ff00", "#123456")).then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303);

        Document ds = DesignSystemResourceTest.settled(t);
        assertTrue(ds.select("#color-222222").isEmpty(), "left out");
        assertEquals(List.of("#222222"), ds.select("#left-out li code").eachText());
        assertNotNull(ds.getElementById("left-out-colors"));
        Document next = Web.html(Web.as(t.member()).get(base));
        assertFalse(next.select("input[name=color]").eachAttr("value").contains("#222222"));
        Element note = next.getElementById("left-before");
        assertTrue(note.text().contains("#222222"), note.text());
        assertEquals("/projects/" + t.slug() + "/design-system#left-out-colors", note.selectFirst("a").attr("href"));

        assertEquals("rejected", tokenThought(t, "#222222").status, "left out by the wizard");
        Web.as(t.member()).formParam("color", "#222222").post("/projects/" + t.slug() + "/design-system/colors/restore").then().statusCode(303);
        assertEquals("active", tokenThought(t, "#222222").status, "added back, its thought is undecided again, not still rejected");
        assertEquals(409, Web.as(t.member()).formParam("color", "#222222").post("/projects/" + t.slug() + "/design-system/colors/restore").statusCode(),
                "added back already");
        assertEquals(403, Web.as(t.viewer()).formParam("color", "#222222").post("/projects/" + t.slug() + "/design-system/colors/restore").statusCode());
        Document after = DesignSystemResourceTest.settled(t);
        assertNotNull(after.getElementById("color-222222"), "a token again");
        assertNull(after.getElementById("left-out-colors"));
        Document offered = Web.html(Web.as(t.member()).get(base));
        assertTrue(offered.select("input[name=color]").eachAttr("value").contains("#222222"));
        assertNull(offered.getElementById("left-before"));
    }

    /**
     * Two kept colours swapping names in one run was refused as a clash, each name still belonging to the other colour
     * until its own rename; the swap is one save now. A name a colour outside the save holds is still refused.
     */
    @Test
    void twoColoursSwapTheirNamesInOneRunAndARealClashIsStillRefused() {
        TestData.Team t = data.team();
        page(t);
        String base = DesignWizardResourceTest.base(t, "design-system");
        colours(t, List.of("#111111", "#222222", "#00ff00")).then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303);
        DesignSystemResourceTest.settled(t);

        colours(t, List.of("#111111", "#222222", "#00ff00"), java.util.Map.of("#111111", "c222222", "#222222", "c111111")).then().statusCode(303);
        Response swapped = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(303, swapped.statusCode(), swapped.asString());
        Document ds = DesignSystemResourceTest.settled(t);
        assertEquals("c222222", ds.selectFirst("#color-111111 .token-name").text());
        assertEquals("c111111", ds.selectFirst("#color-222222 .token-name").text());

        colours(t, List.of("#111111", "#222222"), java.util.Map.of("#111111", "c00ff00", "#222222", "c111111")).then().statusCode(303);
        Response clash = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(422, clash.statusCode(), clash.asString());
        assertTrue(Web.html(clash).getElementById("error-summary").text().contains("already belongs to #00ff00"),
                Web.html(clash).getElementById("error-summary").text());
        Document unchanged = DesignSystemResourceTest.settled(t);
        assertEquals("c222222", unchanged.selectFirst("#color-111111 .token-name").text(), "nothing of a refused save is kept");
    }

    private static dev.specboard.design.Thought tokenThought(TestData.Team t, String hex) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> dev.specboard.design.Thought.bySubject(t.project().id, "token:" + hex)
                .orElseThrow(() -> new AssertionError("no thought about " + hex)));
    }
}
