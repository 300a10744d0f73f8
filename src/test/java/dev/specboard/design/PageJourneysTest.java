package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A page says which journey screens show it (seed 004's usage contexts), on its screen and in the API, in one statement however many. */
@QuarkusTest
class PageJourneysTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private void journey(TestData.Team t, String name, String... screens) {
        List<Map<String, Object>> nodes = new java.util.ArrayList<>();
        for (String s : screens) {
            nodes.add(Map.of("key", s, "nodeType", "screen", "data", Map.of("pagePath", "/contacts")));
        }
        nodes.add(Map.of("key", "note", "nodeType", "annotation", "data", Map.of("text", "About /contacts")));
        fx.api(t.member()).body(Map.of("name", name, "nodes", nodes, "connections", List.of())).post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201);
    }

    private static String pageId(TestData.Team t, SpecApiFixtures fx) {
        return fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/pages")).then().extract().path("find { it.path == '/contacts' }.id");
    }

    @Test
    void aPageListsTheJourneyScreensThatShowIt() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        String id = pageId(t, fx);
        String page = "/projects/" + t.slug() + "/pages/" + id;
        assertNotNull(Web.html(Web.as(t.viewer()).get(page)).getElementById("no-journeys"));

        journey(t, "Sign up", "list");
        journey(t, "Add a contact", "start", "back");
        Document d = Web.html(Web.as(t.viewer()).get(page));
        assertEquals(List.of("Add a contact screen back", "Add a contact screen start", "Sign up screen list"), d.select("#journeys li").eachText(),
                "by journey, then by key");
        assertEquals("#node-back", d.selectFirst("#journeys li a").attr("href").replaceAll("^.*(#.*)$", "$1"));
        Response api = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/pages/") + id);
        assertEquals(List.of("Add a contact", "Add a contact", "Sign up"), api.path("journeys.name"));
        assertEquals(List.of("back", "start", "list"), api.path("journeys.nodeKey"));
    }

    @Test
    void thePageReadsItsJourneysInTheSameStatementsForTenTimesAsMany() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        EntityResourceTest.contactPages(small);
        EntityResourceTest.contactPages(large);
        journey(small, "One", "a");
        for (int i = 0; i < 10; i++) {
            journey(large, "Journey " + i, "a", "b");
        }
        String few = "/projects/" + small.slug() + "/pages/" + pageId(small, fx);
        String many = "/projects/" + large.slug() + "/pages/" + pageId(large, fx);
        assertEquals(20, Web.html(Web.as(large.viewer()).get(many)).select("#journeys li").size());
        assertEquals(SqlCounter.count(() -> Web.as(small.viewer()).get(few).then().statusCode(200)),
                SqlCounter.count(() -> Web.as(large.viewer()).get(many).then().statusCode(200)));
    }
}
