package dev.specboard.design;

import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The context items page shows 50 items at a time, newest first, with links to the pages before and after. */
@QuarkusTest
class ContextListPagingTest {

    @Inject
    TestData data;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void fiftyFiveItemsMakeTwoPagesAndAPagePastTheLastShowsTheLast() {
        TestData.Team t = data.team();
        String list = "/projects/" + t.slug() + "/context";
        for (int i = 1; i <= 55; i++) {
            assertEquals(303, Web.as(t.member()).multiPart("itemType", "text").multiPart("text", String.format("Note %02d", i)).post(list).statusCode());
        }
        Document first = Web.html(Web.as(t.viewer()).get(list).then().statusCode(200).extract().response());
        assertEquals(50, first.select("#context-items > li").size());
        assertTrue(first.selectFirst("#context-items").text().contains("Note 55"), "newest first");
        assertFalse(first.selectFirst("#context-items").text().contains("Note 01"));
        assertEquals("55 items", first.selectFirst("#item-count").text());
        assertEquals(list + "?page=2", first.selectFirst("#page-next").attr("href"));
        assertNull(first.selectFirst("#page-prev"));

        Document second = Web.html(Web.as(t.viewer()).get(list + "?page=2").then().statusCode(200).extract().response());
        assertEquals(5, second.select("#context-items > li").size());
        assertTrue(second.selectFirst("#context-items").text().contains("Note 01"));
        assertEquals(list + "?page=1", second.selectFirst("#page-prev").attr("href"));
        assertNull(second.selectFirst("#page-next"));

        Document past = Web.html(Web.as(t.viewer()).get(list + "?page=7").then().statusCode(200).extract().response());
        assertEquals(5, past.select("#context-items > li").size(), "a page past the last shows the last");
        assertEquals(400, Web.as(t.viewer()).get(list + "?page=abc").statusCode());

        // The API and MCP lists are paged the same way, except that past the last page the list is empty (as plans and jobs).
        String api = ApiPaths.project(t.slug(), "/context-items");
        java.util.List<String> texts = fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("contentText");
        assertEquals(50, texts.size());
        assertEquals("Note 55", texts.get(0));
        java.util.List<String> rest = fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("contentText");
        assertEquals(java.util.List.of("Note 05", "Note 04", "Note 03", "Note 02", "Note 01"), rest);
        assertEquals(java.util.List.of(), fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("id"));
        fx.api(t.viewer()).get(api + "?page=abc").then().statusCode(400).body("details.page", org.hamcrest.Matchers.equalTo("must be a whole number from 1"));
        String token = fx.token(t.viewer());
        String session = dev.specboard.support.Mcp.initialize(token);
        String mcpSecond = dev.specboard.support.Mcp.answer(token, session, "list_context_items", false, "project", t.slug(), "page", 2);
        assertTrue(mcpSecond.contains("Note 01") && !mcpSecond.contains("Note 06"), mcpSecond);
    }
}
