package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
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
        String api = "/api/v1/projects/" + t.slug();
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

        String api = "/api/v1/projects/" + t.slug();
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
        String api = "/api/v1/projects/" + t.slug();
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
}
