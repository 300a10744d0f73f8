package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The features page shows 50 features at a time, with links to the pages before and after. */
@QuarkusTest
class FeatureListPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void fiftyFivefeaturesMakeTwoPagesAndAPagePastTheLastShowsTheLast() {
        TestData.Team t = data.team();
        for (int i = 1; i <= 55; i++) {
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", String.format("Feature %02d", i))).post(ApiPaths.project(t.slug(), "/features"))
                    .then().statusCode(201);
        }
        String list = "/projects/" + t.slug() + "/features";
        Document first = Web.html(Web.as(t.viewer()).get(list).then().statusCode(200).extract().response());
        assertEquals(50, first.select("#features > li").size());
        assertEquals("Feature 01", first.selectFirst("#features > li h2 a").text());
        assertTrue(first.selectFirst("#feature-count").text().startsWith("55 features"), first.selectFirst("#feature-count").text());
        assertEquals(list + "?page=2", first.selectFirst("#page-next").attr("href"));
        assertNull(first.selectFirst("#page-prev"));
        assertTrue(first.selectFirst("nav.pagination").text().contains("Page 1 of 2"));

        Document second = Web.html(Web.as(t.viewer()).get(list + "?page=2").then().statusCode(200).extract().response());
        assertEquals(5, second.select("#features > li").size());
        assertEquals("Feature 51", second.selectFirst("#features > li h2 a").text());
        assertEquals(list + "?page=1", second.selectFirst("#page-prev").attr("href"));
        assertNull(second.selectFirst("#page-next"));

        Document past = Web.html(Web.as(t.viewer()).get(list + "?page=9").then().statusCode(200).extract().response());
        assertEquals("Feature 51", past.selectFirst("#features > li h2 a").text(), "a page past the last shows the last");
        assertEquals(400, Web.as(t.viewer()).get(list + "?page=abc").statusCode());
        assertEquals(400, Web.as(t.viewer()).get(list + "?page=0").statusCode());

        // The API and MCP lists are paged the same way, except that past the last page the list is empty (as plans and jobs).
        String api = ApiPaths.project(t.slug(), "/features");
        java.util.List<String> names = fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("name");
        assertEquals(50, names.size());
        assertEquals("Feature 01", names.get(0));
        java.util.List<String> rest = fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("name");
        assertEquals(java.util.List.of("Feature 51", "Feature 52", "Feature 53", "Feature 54", "Feature 55"), rest);
        assertEquals(java.util.List.of(), fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("id"));
        fx.api(t.viewer()).get(api + "?page=abc").then().statusCode(400).body("details.page", org.hamcrest.Matchers.equalTo("must be a whole number from 1"));
        fx.api(t.viewer()).get(api + "?page=0").then().statusCode(400);
        String token = fx.token(t.viewer());
        String session = dev.specboard.support.Mcp.initialize(token);
        String mcpSecond = dev.specboard.support.Mcp.answer(token, session, "list_features", false, "project", t.slug(), "page", 2);
        assertTrue(mcpSecond.contains("Feature 55") && !mcpSecond.contains("Feature 50"), mcpSecond);
        assertTrue(dev.specboard.support.Mcp.answer(token, session, "list_features", true, "project", t.slug(), "page", 0).contains("page"));

        TestData.Team empty = data.team();
        Document none = Web.html(Web.as(empty.viewer()).get("/projects/" + empty.slug() + "/features").then().statusCode(200).extract().response());
        assertTrue(none.selectFirst("#no-features") != null && none.selectFirst("nav.pagination") == null);
    }
}
