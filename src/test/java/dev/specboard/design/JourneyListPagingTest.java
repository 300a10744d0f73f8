package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journeys list shows 50 journeys a page, as the features list does, with the count of all of them. */
@QuarkusTest
class JourneyListPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void fiftyThreeJourneysMakeTwoPagesAndAPagePastTheLastShowsTheLast() {
        TestData.Team t = data.team();
        for (int i = 1; i <= 53; i++) {
            fx.api(t.member()).body(Map.of("name", String.format("Journey %02d", i), "nodes", List.of(), "connections", List.of()))
                    .post("/api/v1/projects/" + t.slug() + "/journeys").then().statusCode(201);
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
        assertEquals(53, (int) fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/journeys").then().statusCode(200).extract().path("size()"),
                "the API lists them all, as before");
    }
}
