package dev.specboard.search;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the search reads the words typed: accents do not matter. */
@QuarkusTest
class SearchWordsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private void story(TestData.Team t, String title, String description) {
        fx.api(t.lead()).body(Map.of("title", title, "description", description))
                .post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
    }

    private List<String> keys(TestData.Team t, String q, String kind) {
        return RestAssured.given().auth().oauth2(fx.token(t.viewer())).queryParam("q", q).queryParam("kind", kind)
                .get("/api/v1/projects/" + t.slug() + "/search").then().statusCode(200).extract().jsonPath().getList("key");
    }

    /** "cafe" found nothing of "Café", nor "café" anything of "Cafe": stored vectors and expression indexes fold accents alike. */
    @Test
    void accentsDoNotMatterEitherWay() {
        TestData.Team t = data.team();
        story(t, "Café opening hours", "Guests order at the counter");
        story(t, "Cafe menu", "Prices of the drinks");
        story(t, "Tea room", "Nothing else");
        fx.api(t.member()).body(Map.of("name", "Crème", "type", "domain", "purpose", "Desserts of the naïve kitchen"))
                .post("/api/v1/projects/" + t.slug() + "/contexts").then().statusCode(201);

        for (String q : List.of("cafe", "café", "CAFÉ", "Cafe")) {
            assertEquals(List.of("US-1", "US-2"), keys(t, q, "story").stream().sorted().toList(), q);
        }
        assertEquals(List.of("Crème"), keys(t, "creme", "context"));
        assertEquals(List.of("Crème"), keys(t, "naive", "context"), "an accent inside a word of the purpose");
        assertEquals(List.of("Crème"), keys(t, "crème", "context"));

        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=cafe&kind=story"));
        assertEquals("Café", d.selectFirst(".search-hit[data-key=US-1] mark").text(), "the snippet marks the word as written");
        assertEquals("Cafe", d.selectFirst(".search-hit[data-key=US-2] mark").text());
    }
}
