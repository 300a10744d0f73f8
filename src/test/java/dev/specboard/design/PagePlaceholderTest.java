package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placeholder pages (seed 004's {@code pages.is_placeholder}): answering the thinking chain that an entity's page is still
 * to be designed puts one in the page tree, marked so on the tree, its page and the API, until its first mockup.
 */
@QuarkusTest
class PagePlaceholderTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @SuppressWarnings("unchecked")
    private String companyQuestion(TestData.Team t) {
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> question = EntityResourceTest.thought(thoughts, "question:Company");
        assertTrue(((List<String>) question.get("alternatives")).contains("A page that creates and edits Company is still to be designed."),
                question.toString());
        return (String) question.get("id");
    }

    @Test
    void answeringThatThePageIsStillToBeDesignedMakesAPlaceholderUntilItsFirstMockup() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String id = companyQuestion(t);

        Response answered = Web.as(t.member()).formParam("feedback", "A page that creates and edits Company is still to be designed.")
                .post("/projects/" + t.slug() + "/thinking/" + id + "/revise");
        assertEquals(303, answered.statusCode(), answered.asString());
        Document thinking = Web.html(Web.as(t.member()).cookie("sb_flash", answered.getCookie("sb_flash")).get(answered.getHeader("Location")));
        assertEquals("Answered: a placeholder page for Company is in the page tree, to be designed.", thinking.getElementById("flash").text());

        Document tree = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design"));
        Element card = tree.selectFirst(".page-node:has(> .page-card code.page-path:containsOwn(/companies/new))");
        assertNotNull(card, tree.select(".page-path").text());
        assertEquals("New company", card.selectFirst(".page-name").text());
        assertEquals("placeholder", card.selectFirst(".badge.placeholder").text());
        assertNull(tree.selectFirst(".page-node:has(> .page-card code.page-path:containsOwn(/contacts)) > .page-card .badge.placeholder"),
                "a designed page is no placeholder");

        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> pages = fx.api(t.viewer()).get(api + "/pages").then().statusCode(200).extract().path("");
        Map<String, Object> page = pages.stream().filter(p -> "/companies/new".equals(p.get("path"))).findFirst().orElseThrow();
        assertEquals(true, page.get("placeholder"));
        assertTrue(String.valueOf(page.get("purpose")).startsWith("Creates and edits Company"), page.toString());
        String pageUrl = "/projects/" + t.slug() + "/pages/" + page.get("id");
        assertNotNull(Web.html(Web.as(t.viewer()).get(pageUrl)).getElementById("placeholder-note"));

        fx.api(t.member()).body(Map.of("html", "<main><h1>New company</h1><form><label>Name <input name=\"name\"></label></form></main>"))
                .post(api + "/pages/" + page.get("id") + "/mockups").then().statusCode(201);
        assertEquals(false, fx.api(t.viewer()).get(api + "/pages").then().extract().path("find { it.path == '/companies/new' }.placeholder"),
                "its first mockup makes it a page like the others");
        assertNull(Web.html(Web.as(t.viewer()).get(pageUrl)).getElementById("placeholder-note"));
    }

    @Test
    void aPlaceholderTakesTheNextFreePathAndOtherAnswersMakeNone() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        PageResourceTest.createPage(t, "Company form", "/companies/new", null, "<main><p>Soon</p></main>", "");
        String id = companyQuestion(t);
        String api = ApiPaths.project(t.slug());
        int before = fx.api(t.viewer()).get(api + "/pages").then().extract().path("size()");

        fx.api(t.member()).body(Map.of("feedback", "Its records are imported or seeded: nobody enters them in the app."))
                .post(api + "/thinking/" + id + "/revise").then().statusCode(200);
        assertEquals(before, (int) fx.api(t.viewer()).get(api + "/pages").then().extract().path("size()"), "another answer makes no page");

        fx.api(t.member()).body(Map.of("feedback", "A page that creates and edits Company is still to be designed."))
                .post(api + "/thinking/" + id + "/revise").then().statusCode(200);
        List<Map<String, Object>> pages = fx.api(t.viewer()).get(api + "/pages").then().extract().path("");
        assertEquals(before + 1, pages.size());
        assertTrue(pages.stream().anyMatch(p -> "/companies/new-2".equals(p.get("path")) && Boolean.TRUE.equals(p.get("placeholder"))), pages.toString());
        assertFalse(pages.stream().anyMatch(p -> "/companies/new".equals(p.get("path")) && Boolean.TRUE.equals(p.get("placeholder"))),
                "the page that had the path stays as it was");
    }

    @Test
    void aJourneyScreenNamesAPageStillToDesignAndGetsAPlaceholder() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).body(Map.of("name", "Buy", "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/journeys/" + id;

        Response added = Web.as(t.member()).formParam("nodeType", "screen").formParam("label", "Pay").formParam("page", "")
                .formParam("newPage", "/orders/checkout").post(base + "/nodes");
        assertEquals(303, added.statusCode(), added.asString());
        List<Map<String, Object>> pages = fx.api(t.viewer()).get(api + "/pages").then().extract().path("");
        Map<String, Object> made = pages.stream().filter(p -> "/orders/checkout".equals(p.get("path"))).findFirst().orElseThrow(() -> new AssertionError(pages));
        assertEquals("Checkout", made.get("name"));
        assertEquals(true, made.get("placeholder"));
        assertEquals("/orders/checkout", fx.api(t.viewer()).get("/api/v1" + base).path("nodes[0].data.pagePath"));

        Response both = Web.as(t.member()).formParam("nodeType", "screen").formParam("label", "Both").formParam("page", String.valueOf(made.get("id")))
                .formParam("newPage", "/elsewhere").post(base + "/nodes");
        assertEquals(422, both.statusCode(), both.asString());
        Document d = Web.html(both);
        assertEquals("Choose a page or give a new one's path, not both", d.getElementById("e-newPage").text());
        assertEquals("/elsewhere", d.getElementById("new-newPage").val(), "what was typed is kept");
        Response bad = Web.as(t.member()).formParam("nodeType", "screen").formParam("label", "Bad").formParam("page", "")
                .formParam("newPage", "Check Out").post(base + "/nodes");
        assertEquals(422, bad.statusCode(), bad.asString());
        assertTrue(Web.html(bad).getElementById("e-newPage").text().startsWith("A path starts with /"));
        assertEquals(pages.size(), (int) fx.api(t.viewer()).get(api + "/pages").then().extract().path("size()"), "no page made for a refused node");

        Response created = fx.api(t.member()).body(Map.of("name", "Browse", "nodes", List.of(
                Map.of("key", "list", "nodeType", "screen", "data", Map.of("newPage", "/contacts")),
                Map.of("key", "pay", "nodeType", "screen", "data", Map.of("newPage", "/orders/pay"))), "connections", List.of())).post(api + "/journeys");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(List.of("/contacts", "/orders/pay"), created.path("nodes.data.pagePath"), "a path with a page shows that page");
        List<Map<String, Object>> after = fx.api(t.viewer()).get(api + "/pages").then().extract().path("");
        assertEquals(pages.size() + 1, after.size());
        assertEquals(false, after.stream().filter(p -> "/contacts".equals(p.get("path"))).findFirst().orElseThrow().get("placeholder"));
        Response refused = fx.api(t.member()).body(Map.of("name", "Bad", "nodes", List.of(
                Map.of("key", "s", "nodeType", "screen", "data", Map.of("newPage", "no path"))), "connections", List.of())).post(api + "/journeys");
        assertEquals(422, refused.statusCode(), refused.asString());
        assertTrue(refused.path("details").toString().contains("nodes[0].data.newPage"), refused.asString());
    }
}
