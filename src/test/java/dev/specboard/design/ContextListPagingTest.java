package dev.specboard.design;

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
    }
}
