package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saving a mockup (or making one current, or moving the page's status) made a new version of the page, so an edit of its
 * details begun before was refused as stale (409) though nothing it edits had changed. It now saves, on the page's form,
 * over the API and through MCP; an edit begun before another edit of the details is still refused with both versions.
 */
@QuarkusTest
class PageDetailsBesideMockupsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static Response details(TestData.Team t, String base, String name, String purpose, String version) {
        return Web.as(t.member()).formParam("name", name).formParam("path", "/lessons").formParam("parent", "").formParam("type", "page")
                .formParam("primaryDevice", "responsive").formParam("purpose", purpose).formParam("keyElements", "header, main")
                .formParam("version", version).post(base);
    }

    @Test
    void aDetailsEditBegunBeforeMockupsAndStatusMovesSaves() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = PageResourceTest.createPage(t, "Lessons", "/lessons", null, DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        String base = "/projects/" + t.slug() + "/pages/" + page;

        // The page's form, opened; then a new mockup is saved and the page is designed.
        String opened = Web.html(Web.as(t.member()).get(base)).selectFirst("#page-edit-form input[name=version]").val();
        Web.as(t.member()).formParam("html", "<main><h1>Lessons</h1><button>Add</button></main>").formParam("css", "").formParam("js", "")
                .formParam("basedOn", "1").post(base + "/mockups").then().statusCode(303);
        Response saved = details(t, base, "Lesson list", "Browse lessons", opened);
        assertEquals(303, saved.statusCode(), Web.html(saved).select(".error-box").text());
        int afterForm = fx.api(t.viewer()).get(api + "/pages/" + page).then().statusCode(200)
                .body("page.name", equalTo("Lesson list")).body("page.currentVersion", equalTo(2)).extract().path("page.version");

        // Over the API: the version read, then an older mockup made current and the page approved; the PUT still saves.
        fx.api(t.member()).post(api + "/pages/" + page + "/mockups/1/current").then().statusCode(200);
        fx.api(t.lead()).body(Map.of("status", "approved")).post(api + "/pages/" + page + "/status").then().statusCode(200);
        fx.api(t.member()).body(Map.of("purpose", "Find a lesson", "version", afterForm)).put(api + "/pages/" + page).then().statusCode(200)
                .body("purpose", equalTo("Find a lesson")).body("status", equalTo("approved")).body("currentVersion", equalTo(1));

        // Through MCP: get_page, then the assistant saves a mockup; update_page with the version read saves.
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        int read = fx.api(t.viewer()).get(api + "/pages/" + page).then().statusCode(200).extract().path("page.version");
        Mcp.answer(token, session, "save_mockup", false, "project", t.slug(), "pageId", page, "html", "<main><h1>Lessons</h1></main>");
        String updated = Mcp.answer(token, session, "update_page", false, "project", t.slug(), "pageId", page, "version", read,
                "name", "All lessons");
        assertTrue(updated.contains("All lessons"), updated);

        // Another edit of the details is still a conflict: 409 with both versions, nothing saved.
        int before = fx.api(t.viewer()).get(api + "/pages/" + page).then().statusCode(200).extract().path("page.version");
        fx.api(t.lead()).body(Map.of("name", "Lessons by the lead", "version", before)).put(api + "/pages/" + page).then().statusCode(200);
        fx.api(t.member()).body(Map.of("name", "Mine", "version", before)).put(api + "/pages/" + page).then().statusCode(409)
                .body("details.current.name", equalTo("Lessons by the lead")).body("details.yours.name", equalTo("Mine"));
        assertEquals(409, details(t, base, "Mine", "typed", String.valueOf(before)).statusCode());
        fx.api(t.viewer()).get(api + "/pages/" + page).then().statusCode(200).body("page.name", equalTo("Lessons by the lead"));
    }
}
