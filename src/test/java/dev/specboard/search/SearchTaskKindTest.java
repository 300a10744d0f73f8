package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tasks are a search kind of their own on the page, the API and the MCP tool ({@code kind=task}): they were part of the spec
 * kind, so a search could not ask for tasks alone, and {@code kind=task} was refused. A task's result links to its task page.
 */
@QuarkusTest
class SearchTaskKindTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    ApiTokenService tokens;

    @Test
    void tasksAreAKindOfTheirOwnOnThePageTheApiAndMcp() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "We pay at checkout.");
        }
        String task = "/projects/" + t.slug() + "/tasks/TASK-1-1";

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=checkout&kind=task").then().statusCode(200)
                .extract().response());
        assertEquals(List.of("group-task"), page.select(".search-group").eachAttr("id"));
        assertEquals("Tasks", page.selectFirst("#group-task-title").text());
        assertEquals(List.of("TASK-1-1", "TASK-1-2"), page.select(".search-hit").eachAttr("data-key"), "the tasks assigned checkout files");
        assertEquals("Tasks", page.select("#filter-kind option[selected]").text(), "the filter offers tasks in words");
        assertEquals(task, page.selectFirst(".search-hit[data-key=TASK-1-1] a").attr("href"));
        Web.as(t.viewer()).get(task).then().statusCode(200);

        Document everything = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=checkout"));
        assertEquals(List.of("SPEC-1"), everything.select("#group-spec .search-hit").eachAttr("data-key"), "specs alone under Specs");
        assertTrue(everything.select("#group-task .search-hit").eachAttr("data-key").contains("TASK-1-1"));

        String token = tokens.create(t.viewer().id, "tasks", null, null).value();
        JsonPath api = RestAssured.given().auth().oauth2(token).queryParam("q", "checkout").queryParam("kind", "task")
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("TASK-1-1", "TASK-1-2"), api.getList("key"));
        assertEquals(List.of("task", "task"), api.getList("kind"));
        assertEquals(task, api.getString("[0].url"));
        assertTrue(api.getString("[0].snippet").contains("src/checkout/Cart.java"), api.getString("[0].snippet"));
        List<String> specs = RestAssured.given().auth().oauth2(token).queryParam("q", "checkout").queryParam("kind", "spec")
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().path("key");
        assertEquals(List.of("SPEC-1"), specs);
        List<String> kinds = RestAssured.given().auth().oauth2(token).queryParam("q", "TASK-1-2")
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().path("kind");
        assertEquals(List.of("task"), kinds, "a task found among every kind is a task");

        String session = Mcp.initialize(token);
        String found = Mcp.answer(token, session, "search", false, "project", t.slug(), "query", "checkout", "kind", "task");
        assertTrue(found.contains("\"kind\":\"task\"") && found.contains("TASK-1-2") && found.contains(task), found);
        assertFalse(found.contains("SPEC-1") || found.contains("\"kind\":\"spec\""), found);
    }
}
