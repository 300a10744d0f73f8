package dev.specboard.search;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results page's title echoes the query, as a title: a query of 3000 characters was a title of 3000 characters. */
@QuarkusTest
class SearchTitleTest {

    @Inject
    TestData data;

    @Test
    void aLongQueryIsCutInTheTitleAndKeptWholeInTheBox() {
        TestData.Team t = data.team();
        String query = "checkout ".repeat(400).strip();
        Document d = Web.html(Web.as(t.viewer()).queryParam("q", query).get("/projects/" + t.slug() + "/search"));
        String echoed = d.title().substring(0, d.title().indexOf(" · Search · "));
        assertEquals(61, echoed.length(), d.title());
        assertTrue(echoed.endsWith("checkout\u2026") || echoed.endsWith("\u2026"), echoed);
        assertTrue(query.startsWith(echoed.substring(0, 60).strip()), echoed);

        Document shortOne = Web.html(Web.as(t.viewer()).queryParam("q", "checkout").get("/projects/" + t.slug() + "/search"));
        assertTrue(shortOne.title().startsWith("checkout · Search · "), "a short query stays whole: " + shortOne.title());
    }
}
