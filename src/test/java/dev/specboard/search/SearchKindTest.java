package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search whose {@code ?kind=} names no kind searched everything on the page, as if the typo were the answer: the page
 * answers 422 naming the kinds there are, with the words kept, and the API 422 with its JSON error, as the other lists
 * refuse an unknown filter value.
 */
@QuarkusTest
class SearchKindTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void anUnknownKindIsRefusedNamingTheKindsOnThePageAndTheApi() {
        TestData.Team t = data.team();
        String token = tokens.create(t.lead().id, "kinds", null, null).value();
        RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("title", "Ledger export", "description", "Ledger"))
                .post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
        String page = "/projects/" + t.slug() + "/search?q=ledger";

        Response refused = Web.as(t.viewer()).get(page + "&kind=stories");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        String said = d.getElementById("filter-errors").text();
        assertTrue(said.contains("\u201cstories\u201d") && said.contains("story") && said.contains("feature") && said.contains("thread"), said);
        assertEquals("ledger", d.getElementById("search-q").val(), "the words are kept");
        assertEquals("true", d.getElementById("filter-kind").attr("aria-invalid"));
        assertTrue(d.select(".search-hit").isEmpty(), "nothing is listed, rather than everything");
        assertNull(d.getElementById("search-nothing"), "not 'nothing matches': the kind is the problem");

        Response fragment = Web.htmx(Web.as(t.viewer())).get(page + "&kind=bogus");
        assertEquals(422, fragment.statusCode());
        assertTrue(Web.html(fragment).selectFirst("#search-results #filter-errors").text().contains("\u201cbogus\u201d"));

        assertEquals(1, Web.html(Web.as(t.viewer()).get(page + "&kind=Story")).select(".search-hit").size(), "a kind in another case is the kind");
        assertEquals(200, Web.as(t.viewer()).get(page + "&kind=").statusCode());

        Response api = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=ledger&kind=stories"));
        assertEquals(422, api.statusCode());
        assertTrue(api.jsonPath().getString("error").contains("kind"), api.asString());
        assertTrue(api.jsonPath().getString("details.kind").contains("story, spec, task, plan"), api.asString());
        assertEquals(1, RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=ledger&kind=STORY"))
                .then().statusCode(200).extract().jsonPath().getList("$").size());
    }
}
