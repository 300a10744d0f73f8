package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The design side's list pages and API lists (pages, context items, entities, features, journeys) run the same
 * statements for ten times the rows, each row with its related things (a page's mockups, a feature's stories, a journey's nodes).
 */
@QuarkusTest
class DesignListQueriesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private TestData.Team seeded(int n) {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        for (int i = 0; i < 3; i++) {
            fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "d")).post(api + "/stories").then().statusCode(201);
        }
        String parent = null;
        for (int i = 0; i < n; i++) {
            String page = PageResourceTest.createPage(t, "Page " + i, "/p" + i, parent, "<main><h1>P" + i + "</h1></main>", "h1 { color: red }");
            parent = parent == null ? page : parent;
            Web.as(t.member()).formParam("html", "<main>v2 " + i + "</main>").formParam("basedOn", "1").post("/projects/" + t.slug() + "/pages/" + page + "/mockups").then().statusCode(303);
            fx.api(t.member()).body(Map.of("itemType", "text", "text", "Item " + i, "tags", List.of("t" + i, "shared")))
                    .post(api + "/context-items").then().statusCode(201);
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Feature " + i, "storyNumbers", List.of(1, 2, 3))).post(api + "/features").then().statusCode(201);
            fx.api(t.member()).body(Map.of("name", "Journey " + i, "nodes", List.of(
                    Map.of("key", "a", "nodeType", "action", "data", Map.of("label", "Start")),
                    Map.of("key", "b", "nodeType", "action", "data", Map.of("label", "End"))),
                    "connections", List.of(Map.of("from", "a", "to", "b")))).post(api + "/journeys").then().statusCode(201);
        }
        EntityResourceTest.seed(t.project().id, 0, n);
        return t;
    }

    @Test
    void designListsKeepTheirStatementCountWhenRowsGrowTenfold() {
        TestData.Team few = seeded(3);
        TestData.Team many = seeded(30);
        assertEquals(30, Web.html(Web.as(many.viewer()).get("/projects/" + many.slug() + "/journeys")).select("li[id^=journey-]").size());
        for (String page : List.of("/journeys", "/features", "/entities", "/entities?page=2", "/context", "/design", "/design?pattern=card", "/design/wizards",
                "/entities/ddl")) {
            assertEquals(count(few, page), count(many, page), page);
        }
        for (String list : List.of("/pages", "/pages?pattern=card", "/context-items", "/entities", "/features", "/journeys", "/entities/ddl")) {
            assertEquals(countApi(few, list), countApi(many, list), "API " + list);
        }
    }

    @Test
    void aFeatureWithTenTimesTheStoriesKeepsItsStatementCount() {
        TestData.Team few = data.team();
        TestData.Team many = data.team();
        String small = featureWithStories(few, 3);
        String big = featureWithStories(many, 30);
        assertEquals(30, Web.html(Web.as(many.viewer()).get("/projects/" + many.slug() + "/features/" + big))
                .select("li[id^=story-]").size());
        assertEquals(count(few, "/features/" + small), count(many, "/features/" + big), "feature page");
        assertEquals(countApi(few, "/features/" + small), countApi(many, "/features/" + big), "API feature");
    }

    private String featureWithStories(TestData.Team t, int n) {
        String api = ApiPaths.project(t.slug());
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "d")).post(api + "/stories").then().statusCode(201)
                    .extract().path("number"));
        }
        return fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Checkout", "storyNumbers", numbers)).post(api + "/features").then().statusCode(201)
                .extract().path("id");
    }

    private static long count(TestData.Team t, String path) {
        return SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + path).then().statusCode(200));
    }

    private long countApi(TestData.Team t, String path) {
        var api = fx.api(t.viewer());
        return SqlCounter.count(() -> api.get(ApiPaths.project(t.slug()) + path).then().statusCode(200));
    }
}
