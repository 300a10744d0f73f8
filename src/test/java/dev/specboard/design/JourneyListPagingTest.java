package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journeys list shows 50 journeys a page, as the features list does, with the count of all of them; the API and MCP page them too. */
@QuarkusTest
class JourneyListPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @TestHTTPResource("/")
    URI base;

    @Test
    void fiftyThreeJourneysMakeTwoPagesOnTheListTheApiAndMcp() {
        TestData.Team t = data.team();
        for (int i = 1; i <= 53; i++) {
            fx.api(t.member()).body(Map.of("name", String.format("Journey %02d", i), "nodes", List.of(), "connections", List.of()))
                    .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201);
        }
        String list = "/projects/" + t.slug() + "/journeys";
        Document first = Web.html(Web.as(t.viewer()).get(list).then().statusCode(200).extract().response());
        assertEquals(50, first.select("#journeys > li").size());
        assertEquals("Journey 01", first.selectFirst("#journeys > li h2 a").text());
        assertTrue(first.selectFirst("#journey-count").text().startsWith("53 journeys"), first.selectFirst("#journey-count").text());
        assertEquals(list + "?page=2", first.selectFirst("#page-next").attr("href"));
        assertTrue(first.selectFirst("nav.pagination").text().contains("Page 1 of 2"));

        Document second = Web.html(Web.as(t.viewer()).get(list + "?page=2").then().statusCode(200).extract().response());
        assertEquals(List.of("Journey 51", "Journey 52", "Journey 53"), second.select("#journeys > li h2 a").eachText());
        assertNull(second.selectFirst("#page-next"));
        Document past = Web.html(Web.as(t.viewer()).get(list + "?page=9").then().statusCode(200).extract().response());
        assertEquals("Journey 51", past.selectFirst("#journeys > li h2 a").text(), "a page past the last shows the last");
        assertNull(past.selectFirst("#no-journeys"));
        assertEquals(400, Web.as(t.viewer()).get(list + "?page=0").statusCode());

        // The API and MCP page the same way, past the last page an empty list so that a reader knows it has them all.
        String api = ApiPaths.project(t.slug(), "/journeys");
        fx.api(t.viewer()).get(api).then().statusCode(200).body("size()", equalTo(50)).body("[0].name", equalTo("Journey 01"));
        fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).body("name", equalTo(List.of("Journey 51", "Journey 52", "Journey 53")));
        fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).body("size()", equalTo(0));
        fx.api(t.viewer()).get(api + "?page=2147483647").then().statusCode(200).body("size()", equalTo(0));
        fx.api(t.viewer()).get(api + "?page=0").then().statusCode(400);
        try (McpSyncClient mcp = Mcp.client(base, fx.token(t.viewer()))) {
            McpSchema.CallToolResult listed = mcp.callTool(new McpSchema.CallToolRequest("list_journeys", Map.of("project", t.slug(), "page", 2)));
            String text = ((McpSchema.TextContent) listed.content().get(0)).text();
            assertTrue(!Boolean.TRUE.equals(listed.isError()) && text.contains("Journey 53") && !text.contains("Journey 50"), text);
        }
    }
}
