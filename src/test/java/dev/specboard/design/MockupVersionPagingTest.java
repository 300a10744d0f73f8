package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's mockup versions are shown 50 at a time, newest first: on the page screen with links to the pages before and
 * after, in the API's page and through MCP (past the last page no versions there), in the same statements for ten times the versions.
 */
@QuarkusTest
class MockupVersionPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String pageWithVersions(TestData.Team t, int n) {
        String api = ApiPaths.project(t.slug(), "/pages");
        String page = fx.api(t.member()).body(Map.of("name", "Home", "path", "/", "html", "<main>v1</main>")).post(api).then().statusCode(201)
                .extract().path("id");
        for (int i = 2; i <= n; i++) {
            fx.api(t.member()).body(Map.of("html", "<main>v" + i + "</main>", "changeDescription", "Change " + i, "basedOnVersion", i - 1))
                    .post(api + "/" + page + "/mockups").then().statusCode(201);
        }
        return page;
    }

    @Test
    void fiftyFiveVersionsMakeTwoPagesOnThePageScreenTheApiAndMcp() {
        TestData.Team t = data.team();
        String id = pageWithVersions(t, 55);
        String screen = "/projects/" + t.slug() + "/pages/" + id;
        Document first = Web.html(Web.as(t.viewer()).get(screen).then().statusCode(200).extract().response());
        assertEquals(50, first.select("#version-table tbody tr").size());
        assertEquals("version-55", first.selectFirst("#version-table tbody tr").id());
        assertEquals(screen + "?page=2", first.selectFirst("#versions #page-next").attr("href"));
        assertNull(first.selectFirst("#versions #page-prev"));
        Document onMobile = Web.html(Web.as(t.viewer()).get(screen + "?device=mobile").then().statusCode(200).extract().response());
        assertEquals(screen + "?device=mobile&page=2", onMobile.selectFirst("#versions #page-next").attr("href"),
                "the versions' pages keep the device shown");
        Document second = Web.html(Web.as(t.viewer()).get(screen + "?page=2").then().statusCode(200).extract().response());
        assertEquals(List.of("version-5", "version-4", "version-3", "version-2", "version-1"),
                second.select("#version-table tbody tr").eachAttr("id"));
        Document past = Web.html(Web.as(t.viewer()).get(screen + "?page=9").then().statusCode(200).extract().response());
        assertEquals(5, past.select("#version-table tbody tr").size(), "a page past the last shows the last");
        assertEquals(400, Web.as(t.viewer()).get(screen + "?page=abc").statusCode());
        Document asMember = Web.html(Web.as(t.member()).get(screen).then().statusCode(200).extract().response());
        assertTrue(asMember.selectFirst("#delete-form").attr("data-confirm").contains("55 mockup versions"),
                "the delete warning counts every version, not the page shown");

        String api = ApiPaths.project(t.slug(), "/pages/") + id;
        io.restassured.response.Response detail = fx.api(t.viewer()).get(api).then().statusCode(200).extract().response();
        List<Integer> versions = detail.path("versions.version");
        assertEquals(50, versions.size());
        assertEquals(55, versions.get(0));
        // The object answer pages the versions it nests: its Link and X-Total-Count are theirs, as a list's are.
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + api;
        assertEquals("<" + self + "?page=2>; rel=\"next\", <" + self + "?page=2>; rel=\"last\"", detail.header("Link"));
        assertEquals("55", detail.header("X-Total-Count"));
        assertEquals("<" + self + "?page=1>; rel=\"prev\", <" + self + "?page=1>; rel=\"first\"",
                fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().header("Link"));
        assertEquals(List.of(5, 4, 3, 2, 1), fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("versions.version"));
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("versions"));
        fx.api(t.viewer()).get(api + "?page=0").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        String listed = Mcp.answer(token, session, "list_mockup_versions", false, "project", t.slug(), "pageId", id, "page", 2);
        assertTrue(listed.contains("\"version\":1,") && !listed.contains("\"version\":6,"), listed);
        assertTrue(Mcp.answer(token, session, "list_mockup_versions", false, "project", t.slug(), "pageId", id).contains("\"version\":55,"));
    }

    @Test
    void tenTimesTheVersionsKeepTheStatementCount() {
        TestData.Team few = data.team();
        TestData.Team many = data.team();
        String small = pageWithVersions(few, 3);
        String big = pageWithVersions(many, 30);
        assertEquals(count(few, "/projects/" + few.slug() + "/pages/" + small), count(many, "/projects/" + many.slug() + "/pages/" + big), "page screen");
        assertEquals(countApi(few, ApiPaths.project(few.slug(), "/pages/") + small),
                countApi(many, ApiPaths.project(many.slug(), "/pages/") + big), "API page");
    }

    private static long count(TestData.Team t, String path) {
        return SqlCounter.count(() -> Web.as(t.viewer()).get(path).then().statusCode(200));
    }

    private long countApi(TestData.Team t, String path) {
        var api = fx.api(t.viewer());
        return SqlCounter.count(() -> api.get(path).then().statusCode(200));
    }
}
