package dev.specboard.search;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API and MCP search page through every result, as the other API lists page ({@code ?page=}, past the last an empty
 * list): they answered the first 100 at most, and nothing past them could be reached.
 */
@QuarkusTest
class SearchPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private List<String> page(String token, TestData.Team t, String query) {
        JsonPath found = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=ledger") + query)
                .then().statusCode(200).extract().jsonPath();
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < found.getList("$").size(); i++) {
            hits.add(found.getString("[" + i + "].kind") + " " + found.getString("[" + i + "].key"));
        }
        return hits;
    }

    /** Pages of every size join into the whole ranking, each result once, also where many rank the same. */
    @Test
    void pagesOfTheApiAndMcpJoinIntoTheWholeRanking() {
        TestData.Team t = data.team();
        String p = ApiPaths.project(t.slug());
        for (int i = 0; i < 25; i++) {
            // The same words in each: their ranks tie, and only their order by key keeps each on one page.
            fx.api(t.lead()).body(Map.of("title", "Ledger step " + i, "description", "Ledger entry")).post(p + "/stories").then().statusCode(201);
        }
        for (String name : List.of("Accounts", "Billing", "Reports")) {
            fx.api(t.member()).body(Map.of("name", name, "type", "domain", "purpose", "Keeps the ledger")).post(p + "/contexts")
                    .then().statusCode(201);
        }
        String token = fx.token(t.viewer());

        List<String> all = page(token, t, "&limit=100");
        assertEquals(28, all.size(), all.toString());
        assertEquals(28, new HashSet<>(all).size());
        assertEquals(all.subList(0, 20), page(token, t, ""), "20 a page unless a limit asks otherwise");
        assertEquals(all.subList(20, 28), page(token, t, "&page=2"));
        assertEquals(List.of(), page(token, t, "&page=3"), "past the last page an empty list");
        for (int size : List.of(1, 3, 10)) {
            List<String> joined = new ArrayList<>();
            for (int n = 1; n <= 28 / size + 1; n++) {
                joined.addAll(page(token, t, "&limit=" + size + "&page=" + n));
            }
            assertEquals(all, joined, "pages of " + size);
        }

        List<String> stories = page(token, t, "&kind=story&limit=100");
        assertEquals(25, stories.size());
        List<String> joined = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            joined.addAll(page(token, t, "&kind=story&limit=10&page=" + n));
        }
        assertEquals(stories, joined, "one kind's pages");
        // The search page's pages of one kind: tied stories were cut by id and shown by key, so page 2 repeated some of page 1.
        List<String> shown = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            shown.addAll(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=ledger&kind=story&page=" + n))
                    .select(".search-hit").eachAttr("data-key"));
        }
        assertEquals(stories.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList(), shown, "the search page's pages");
        RestAssured.given().auth().oauth2(token).get(p + "/search?q=ledger&page=0").then().statusCode(400)
                .body("details.page", org.hamcrest.Matchers.equalTo("must be a whole number from 1"));
        assertEquals(List.of(), page(token, t, "&page=2147483647&limit=100"), "no page is too far to answer");

        String session = Mcp.initialize(token);
        String second = Mcp.answer(token, session, "search", false, "project", t.slug(), "query", "ledger", "page", 2);
        assertEquals(8, Pattern.compile("\"url\":").matcher(second).results().count(), second);
        assertTrue(second.contains(all.get(27).substring(all.get(27).indexOf(' ') + 1)), second);
        Mcp.answer(token, session, "search", true, "project", t.slug(), "query", "ledger", "page", 0);
    }
}
