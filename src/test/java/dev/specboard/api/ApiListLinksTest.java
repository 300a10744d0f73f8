package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paged API list tells its client that other pages exist: a {@code Link} header (rel next, prev, first, and last where
 * it counts its rows) with the
 * request's URL and its other query parameters, {@code X-Total-Count} where the list knows its size, and a list tool's
 * answer says to call again. Before, the first 50 rows came with no sign that more existed.
 */
@QuarkusTest
class ApiListLinksTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PlanFixtures plans;

    private static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    @Test
    void aLongListLinksItsNextPageAndTheNextLinksBackAShortOneHasNoLinks() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/features");
        for (int i = 1; i <= 51; i++) {
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", String.format("Feature %02d", i))).post(api).then().statusCode(201);
        }
        Response first = fx.api(t.viewer()).get(api).then().statusCode(200).extract().response();
        assertEquals(50, first.jsonPath().getList("id").size(), "the body stays the bare array");
        assertEquals("<" + url(api) + "?page=2>; rel=\"next\", <" + url(api) + "?page=2>; rel=\"last\"", first.header("Link"),
                "a counted list names its last page");
        assertEquals("51", first.header("X-Total-Count"));

        Response second = fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().response();
        assertEquals(List.of("Feature 51"), second.jsonPath().getList("name"));
        assertEquals("<" + url(api) + "?page=1>; rel=\"prev\", <" + url(api) + "?page=1>; rel=\"first\"", second.header("Link"),
                "on the last page no last");
        assertEquals("51", second.header("X-Total-Count"));

        // The features take no page size: limit=10 was ignored (50 rows came) yet carried on into the Link header.
        for (String limit : List.of("10", "abc", "0")) {
            Response sized = fx.api(t.viewer()).get(api + "?limit=" + limit);
            assertEquals(400, sized.statusCode(), sized.asString());
            assertNull(sized.header("Link"), "no link carries a page size the list ignores");
            assertTrue(sized.jsonPath().getString("details.limit").startsWith("is not taken here: only the search takes limit"), sized.asString());
            assertEquals("The query parameter limit " + sized.jsonPath().getString("details.limit"), sized.jsonPath().getString("error"));
        }

        String journeys = ApiPaths.project(t.slug(), "/journeys");
        Response none = fx.api(t.viewer()).get(journeys).then().statusCode(200).extract().response();
        assertNull(none.header("Link"), "one page: nothing to link to");
        assertEquals("0", none.header("X-Total-Count"), "the journeys are counted, as every paged list is");
        Response pages = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/pages")).then().statusCode(200).extract().response();
        assertNull(pages.header("Link"));
        assertEquals("0", pages.header("X-Total-Count"), "an in-memory list knows its size");
        assertNull(fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/members")).then().statusCode(200).extract().header("Link"));

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        Response tool = Mcp.callTool(token, session, "list_features", "{\"project\":\"" + t.slug() + "\"}");
        assertEquals(50, tool.jsonPath().getList("result.structuredContent.items").size(), tool.asString());
        assertEquals(2, (Integer) tool.path("result.structuredContent.nextPage"), tool.asString());
        assertTrue(((String) tool.path("result.content[0].text")).startsWith("["), "the first text block stays the JSON array");
        assertTrue(((String) tool.path("result.content[1].text")).matches("More rows \\(\\d+ in all\\): call again with page 2\\."),
                (String) tool.path("result.content[1].text"));
        Response last = Mcp.callTool(token, session, "list_features", "{\"project\":\"" + t.slug() + "\",\"page\":2}");
        assertNull(last.path("result.structuredContent.nextPage"), last.asString());
        assertEquals(1, last.jsonPath().getList("result.content").size(), last.asString());
    }

    @Test
    void aListPagedInTheDatabaseKeepsItsFiltersInTheLinks() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/stories");
        for (int i = 1; i <= 51; i++) {
            fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "As a user I want " + i)).post(api).then().statusCode(201);
        }
        Response first = fx.api(t.viewer()).get(api + "?status=draft&page=1").then().statusCode(200).extract().response();
        assertEquals(50, first.jsonPath().getList("number").size(), "the row read past the page is not shown");
        assertEquals("<" + url(api) + "?status=draft&page=2>; rel=\"next\", <" + url(api) + "?status=draft&page=2>; rel=\"last\"",
                first.header("Link"), "the stories are counted, so the last page is named");
        assertEquals("51", first.header("X-Total-Count"), "the stories of the filter, as the other lists count theirs");
        Response second = fx.api(t.viewer()).get(api + "?page=2&status=draft").then().statusCode(200).extract().response();
        assertEquals(List.of(51), second.jsonPath().getList("number"));
        assertEquals("<" + url(api) + "?status=draft&page=1>; rel=\"prev\", <" + url(api) + "?status=draft&page=1>; rel=\"first\"",
                second.header("Link"));
        Response whole = fx.api(t.viewer()).get(api).then().statusCode(200).extract().response();
        assertNull(whole.header("Link"), "without a page every story comes");
        assertEquals("51", whole.header("X-Total-Count"), "and how many they are");
        assertEquals("0", fx.api(t.viewer()).get(api + "?status=ready&page=1").then().statusCode(200).extract().header("X-Total-Count"));
        // The server reads PAGE as page; its links replace it instead of adding page beside it (which looped on page 2).
        Response shouted = fx.api(t.viewer()).get(api + "?status=draft&PAGE=2").then().statusCode(200).extract().response();
        assertEquals(List.of(51), shouted.jsonPath().getList("number"));
        assertEquals("<" + url(api) + "?status=draft&page=1>; rel=\"prev\", <" + url(api) + "?status=draft&page=1>; rel=\"first\"",
                shouted.header("Link"));
    }

    /**
     * The tasks', journeys', plans' and search's pages read one row past the page: a client learnt that another page
     * followed, never how many rows or which page was the last. They count them now, under the request's filters.
     */
    @Test
    void theTasksJourneysPlansAndSearchCountTheirRowsAndNameTheirLastPage() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        List<Map<String, Object>> phases = new java.util.ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            phases.add(Map.of("name", "phase-" + i, "description", "Build " + i, "hours", 1, "content", "Do " + i));
        }
        fx.api(t.member()).body(Map.of("title", "Big", "specType", "hierarchical", "overview", "Overview", "phases", phases))
                .post(api + "/specs").then().statusCode(201);
        Response tasks = fx.api(t.viewer()).get(api + "/tasks?status=pending&page=1").then().statusCode(200).extract().response();
        assertEquals(50, tasks.jsonPath().getList("key").size());
        assertEquals("55", tasks.header("X-Total-Count"), "the pending tasks, counted under the filter");
        assertEquals("<" + url(api) + "/tasks?status=pending&page=2>; rel=\"next\", <" + url(api) + "/tasks?status=pending&page=2>; rel=\"last\"",
                tasks.header("Link"));
        Response lastTasks = fx.api(t.viewer()).get(api + "/tasks?status=pending&page=2").then().statusCode(200).extract().response();
        assertEquals(5, lastTasks.jsonPath().getList("key").size());
        assertEquals("55", lastTasks.header("X-Total-Count"));
        assertEquals("0", fx.api(t.viewer()).get(api + "/tasks?status=completed&page=1").then().statusCode(200).extract().header("X-Total-Count"));
        assertEquals("0", fx.api(t.viewer()).get(api + "/tasks?spec=SPEC-9&page=1").then().statusCode(200).extract().header("X-Total-Count"));

        for (int i = 1; i <= 51; i++) {
            fx.api(t.member()).body(Map.of("name", String.format("Journey %02d", i), "nodes", List.of(
                    Map.of("key", "a", "nodeType", "action", "data", Map.of("label", "Start"))), "connections", List.of()))
                    .post(api + "/journeys").then().statusCode(201);
        }
        Response journeys = fx.api(t.viewer()).get(api + "/journeys").then().statusCode(200).extract().response();
        assertEquals(50, journeys.jsonPath().getList("id").size());
        assertEquals("51", journeys.header("X-Total-Count"));
        assertEquals("<" + url(api) + "/journeys?page=2>; rel=\"next\", <" + url(api) + "/journeys?page=2>; rel=\"last\"", journeys.header("Link"));
        Response lastJourneys = fx.api(t.viewer()).get(api + "/journeys?page=2").then().statusCode(200).extract().response();
        assertEquals(List.of("Journey 51"), lastJourneys.jsonPath().getList("name"));
        assertEquals("51", lastJourneys.header("X-Total-Count"));
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/journeys?page=3").then().statusCode(200).extract().jsonPath().getList("id"));

        for (int i = 1; i <= 5; i++) {
            fx.api(t.member()).body(Map.of("title", "Census " + i, "description", "Counted")).post(api + "/stories").then().statusCode(201);
        }
        Response found = fx.api(t.viewer()).get(api + "/search?q=census&limit=2").then().statusCode(200).extract().response();
        assertEquals(2, found.jsonPath().getList("key").size());
        assertEquals("5", found.header("X-Total-Count"), "counted with the same query");
        assertEquals("<" + url(api) + "/search?q=census&limit=2&page=2>; rel=\"next\", <" + url(api) + "/search?q=census&limit=2&page=3>; rel=\"last\"",
                found.header("Link"));
        Response lastFound = fx.api(t.viewer()).get(api + "/search?q=census&limit=2&page=3").then().statusCode(200).extract().response();
        assertEquals(1, lastFound.jsonPath().getList("key").size());
        assertEquals("<" + url(api) + "/search?q=census&limit=2&page=2>; rel=\"prev\", <" + url(api) + "/search?q=census&limit=2&page=1>; rel=\"first\"",
                lastFound.header("Link"));
        assertEquals("0", fx.api(t.viewer()).get(api + "/search?q=census&kind=context").then().statusCode(200).extract().header("X-Total-Count"));
        assertEquals("0", fx.api(t.viewer()).get(api + "/search?q=").then().statusCode(200).extract().header("X-Total-Count"));

        try (GitFixture git = GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            dev.specboard.project.Access lead = PlanFixtures.access(t.project(), t.lead(), dev.specboard.kernel.Role.LEAD);
            for (int i = 1; i <= 51; i++) {
                plans.plan(lead, "shop", "Plan " + i);
            }
            for (String list : List.of(api + "/plans?status=draft", api + "/repos/shop/plans?status=draft")) {
                Response first = fx.api(t.viewer()).get(list).then().statusCode(200).extract().response();
                assertEquals(50, first.jsonPath().getList("id").size());
                assertEquals("51", first.header("X-Total-Count"), list);
                assertEquals("<" + url(list) + "&page=2>; rel=\"next\", <" + url(list) + "&page=2>; rel=\"last\"", first.header("Link"), list);
                assertEquals("0", fx.api(t.viewer()).get(list.replace("draft", "archived")).then().statusCode(200).extract().header("X-Total-Count"));
            }
        }
    }

    @Test
    void theContextsAndProjectsHonourAPageTheyUsedToIgnore() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/contexts");
        fx.api(t.member()).body(Map.of("name", "Ordering", "type", "domain", "purpose", "Takes orders")).post(api).then().statusCode(201);
        assertEquals(1, fx.api(t.viewer()).get(api).then().statusCode(200).extract().jsonPath().getList("id").size(), "without a page, all");
        Response first = fx.api(t.viewer()).get(api + "?page=1").then().statusCode(200).extract().response();
        assertEquals(1, first.jsonPath().getList("id").size());
        assertEquals("1", first.header("X-Total-Count"));
        Response past = fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().response();
        assertEquals(List.of(), past.jsonPath().getList("id"), "past the last page an empty list, as the other lists answer");
        assertEquals("<" + url(api) + "?page=1>; rel=\"prev\", <" + url(api) + "?page=1>; rel=\"first\"", past.header("Link"));

        String projects = "/api/v1/projects";
        assertEquals(List.of(t.slug()), fx.api(t.viewer()).get(projects + "?page=1").then().statusCode(200).extract().jsonPath().getList("slug"));
        assertEquals(List.of(), fx.api(t.viewer()).get(projects + "?page=2").then().statusCode(200).extract().jsonPath().getList("slug"));
    }
}
