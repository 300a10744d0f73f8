package dev.specboard.design;

import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Naming a colour on the design-system page: a refused name stays in its field, and a rename over someone else's is 409 with both. */
@QuarkusTest
class DesignSystemNamingTest {

    @Inject
    TestData data;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void aRefusedNameStaysInThatColoursFieldMarkedInvalid() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Response bad = Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "Not A Name!")
                .post("/projects/" + t.slug() + "/design-system/colors/name");
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertEquals("Not A Name!", d.getElementById("name-1e293b").val(), "what was typed is kept");
        assertEquals("true", d.getElementById("name-1e293b").attr("aria-invalid"));
        assertTrue(d.getElementById("ds-error").text().contains("A token name starts with a letter"), d.getElementById("ds-error").text());
        assertEquals("", d.getElementById("name-dc2626").attr("aria-invalid"), "other colours are untouched");
    }

    @Test
    void renamingAColourSomeoneRenamedMeanwhileIs409WithBothNames() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Document page = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design-system"));
        String seen = page.selectFirst("#color-1e293b input[name=was]").val();
        String base = "/projects/" + t.slug() + "/design-system/colors/name";
        Web.as(t.lead()).formParam("color", "#1e293b").formParam("name", "night").formParam("was", seen).post(base).then().statusCode(303);
        DesignSystemResourceTest.settled(t);

        Response stale = Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "slate").formParam("was", seen).post(base);
        assertEquals(409, stale.statusCode(), stale.asString());
        Document d = Web.html(stale);
        String error = d.getElementById("ds-error").text();
        assertTrue(error.contains("renamed night") && error.contains("you saw " + seen), error);
        assertEquals("slate", d.getElementById("name-1e293b").val(), "the typed name is kept");
        assertEquals("night", d.selectFirst("#color-1e293b .token-name").text(), "the current name is shown beside it");
        assertEquals("night", d.selectFirst("#color-1e293b input[name=was]").val(), "saving again is based on the current name");

        Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "slate").formParam("was", "night").post(base).then().statusCode(303);
        assertEquals("slate", DesignSystemResourceTest.settled(t).selectFirst("#color-1e293b .token-name").text());
    }

    /**
     * A name another colour already has is a wrong answer, not a concurrent change: it was 409, and the summary linked to
     * the colour's table row instead of the name field. Now 422 everywhere (page, API, MCP), the summary at the field.
     */
    @Test
    void aNameAnotherColourHasIs422WithTheSummaryAtTheNameField() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String base = "/projects/" + t.slug() + "/design-system/colors/name";
        Web.as(t.member()).formParam("color", "#dc2626").formParam("name", "brand").post(base).then().statusCode(303);
        DesignSystemResourceTest.settled(t);

        Response taken = Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "brand").post(base);
        assertEquals(422, taken.statusCode(), taken.asString());
        Document d = Web.html(taken);
        assertEquals(java.util.List.of("#name-1e293b"), d.select("#error-summary a").eachAttr("href"));
        assertTrue(d.getElementById("error-summary").text().contains("already belongs to #dc2626"), d.getElementById("error-summary").text());
        assertEquals("brand", d.getElementById("name-1e293b").val(), "the typed name is kept");
        assertEquals("true", d.getElementById("name-1e293b").attr("aria-invalid"));

        fx.api(t.member()).body(java.util.Map.of("color", "#1e293b", "name", "brand")).post(ApiPaths.project(t.slug(), "/design-system/colors/name"))
                .then().statusCode(422).body("details.name", org.hamcrest.Matchers.containsString("already belongs to #dc2626"));
        String token = fx.token(t.member());
        String session = dev.specboard.support.Mcp.initialize(token);
        String refused = dev.specboard.support.Mcp.answer(token, session, "name_color_token", true, "project", t.slug(), "color", "#1e293b",
                "name", "brand");
        assertTrue(refused.contains("already belongs to #dc2626"), refused);
    }

    /** A rename refused because someone renamed the colour meanwhile links from the summary to the name typed. */
    @Test
    void aStaleRenameLinksItsSummaryToTheNameField() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String base = "/projects/" + t.slug() + "/design-system/colors/name";
        String seen = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design-system")).selectFirst("#color-1e293b input[name=was]").val();
        Web.as(t.lead()).formParam("color", "#1e293b").formParam("name", "night").formParam("was", seen).post(base).then().statusCode(303);
        Response stale = Web.as(t.member()).formParam("color", "#1e293b").formParam("name", "slate").formParam("was", seen).post(base);
        assertEquals(409, stale.statusCode());
        assertEquals(java.util.List.of("#name-1e293b"), Web.html(stale).select("#error-summary a").eachAttr("href"));
    }

    @Test
    void aColourNoMockupUsesIs422OnThePage() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Response bad = Web.as(t.member()).formParam("color", "#123456").formParam("name", "brand")
                .post("/projects/" + t.slug() + "/design-system/colors/name");
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertTrue(d.getElementById("ds-error").text().contains("No mockup uses #123456"), d.getElementById("ds-error").text());
        assertEquals(422, Web.as(t.member()).formParam("color", "#123456").post("/projects/" + t.slug() + "/design-system/colors/confirm").statusCode());
        assertTrue(DesignSystemResourceTest.settled(t).select("[id^=color-] .token-name").eachText().stream().noneMatch("brand"::equals));
    }

    /** The answer to naming a colour shows the new name (it showed the names as they were until the recompute). */
    @Test
    void namingAColourAnswersTheNamesAfterTheChange() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        io.restassured.path.json.JsonPath named = fx.api(t.member())
                .body(java.util.Map.of("color", "#1e293b", "name", "navy"))
                .post(ApiPaths.project(t.slug(), "/design-system/colors/name")).then().statusCode(200).extract().jsonPath();
        assertEquals("#1e293b", named.getString("tokens.colors.navy.value"), "the answer has the new name: " + named.getMap("tokens.colors").keySet());
    }

    /** A confirmed token thought keeps no stale name: the recompute leaves decided thoughts alone, so the renaming rewrites it. */
    @Test
    void renamingAConfirmedColourRenamesItInTheThinkingChain() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Thought token = tokenThought(t);
        assertTrue(token.reasoning.contains("(named ") && !token.reasoning.contains("(named navy)"), token.reasoning);
        fx.api(t.member()).post(ApiPaths.project(t.slug(), "/thinking/" + token.id + "/confirm")).then().statusCode(200);

        fx.api(t.member()).body(java.util.Map.of("color", "#1e293b", "name", "navy"))
                .post(ApiPaths.project(t.slug(), "/design-system/colors/name")).then().statusCode(200);
        DesignSystemResourceTest.settled(t);
        Thought after = tokenThought(t);
        assertEquals("confirmed", after.status);
        assertTrue(after.reasoning.contains("(named navy)"), after.reasoning);
    }

    private static Thought tokenThought(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "token:#1e293b")
                .orElseThrow(() -> new AssertionError("no thought about #1e293b")));
    }
}
