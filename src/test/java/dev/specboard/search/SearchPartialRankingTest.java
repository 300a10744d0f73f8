package dev.specboard.search;

import dev.specboard.api.PagingLinks;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kind that ranks only the first 2,000 matches it finds (stories, files) says so when more matched: the page in words
 * under the kind's results, the API in the {@code X-Results-Partial} header, also on a page holding none of that kind's
 * rows, the MCP search tool as {@code "partial": true} and in words. Before, the others were left out without a word, and a "best" result could be one of the first 2,000 only.
 */
@QuarkusTest
class SearchPartialRankingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Test
    void moreMatchesThanAKindRanksAreSignalledOnThePageAndInTheApi() {
        TestData.Team t = data.team();
        int many = Kinds.RANKED + 1;
        // Written in one statement: 2,001 stories through the API would take minutes.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO stories (project_id, number, title, description)
                SELECT ?1, n, 'Walrus note ' || n, CASE WHEN n <= ?2 THEN 'Narwhal too' ELSE '' END FROM generate_series(1, ?3) n""")
                .setParameter(1, t.project().id).setParameter(2, Kinds.RANKED).setParameter(3, many).executeUpdate());
        fx.api(t.member()).body(Map.of("name", "Walrus", "type", "domain", "purpose", "Keeps the notes"))
                .post(ApiPaths.project(t.slug(), "/contexts")).then().statusCode(201);
        String search = "/projects/" + t.slug() + "/search?q=";

        Document all = Web.html(Web.as(t.viewer()).get(search + "walrus").then().statusCode(200).extract().response());
        assertEquals("More stories match than the search ranks: these are the best of the first 2,000 it found. "
                + "Add words to narrow your search.", all.selectFirst("#group-story #partial-story").text());
        assertEquals(List.of("partial-story"), all.select("[id^=partial-]").eachAttr("id"), "only the kind that left matches out");
        Document stories = Web.html(Web.as(t.viewer()).get(search + "walrus&kind=story&page=3"));
        assertNotNull(stories.selectFirst("#partial-story"), "on each page of the kind");
        Document exactly = Web.html(Web.as(t.viewer()).get(search + "narwhal"));
        assertEquals(5, exactly.select("#group-story .search-hit").size());
        assertNull(exactly.selectFirst("#partial-story"), "2,000 matches are all ranked: nothing left out");

        String token = fx.token(t.viewer());
        Response first = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=walrus&limit=1"));
        assertEquals(200, first.statusCode());
        assertEquals(List.of("context"), first.jsonPath().getList("kind"), "the context named exactly ranks first: no story on the page");
        assertEquals("true", first.header(PagingLinks.PARTIAL_HEADER), "the page says that stories were left out");
        Response page = RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=walrus&kind=story&page=7"));
        assertEquals("true", page.header(PagingLinks.PARTIAL_HEADER));
        assertEquals(20, page.jsonPath().getList("key").size());
        assertNull(RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=walrus&kind=context"))
                .header(PagingLinks.PARTIAL_HEADER), "contexts rank every match");
        assertNull(RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=narwhal"))
                .header(PagingLinks.PARTIAL_HEADER));
        assertTrue(RestAssured.given().auth().oauth2(token).get(ApiPaths.project(t.slug(), "/search?q=narwhal&kind=story&page=100"))
                .jsonPath().getList("key").size() == 20, "the 2,000th match is reached");

        String session = Mcp.initialize(token);
        Response mcp = Mcp.callTool(token, session, "search", "{\"project\": \"" + t.slug() + "\", \"query\": \"walrus\"}");
        assertEquals(Boolean.TRUE, mcp.path("result.structuredContent.partial"), mcp.asString());
        assertTrue(mcp.asString().contains("only the first 2,000 of a kind were ranked"), mcp.asString());
        Response whole = Mcp.callTool(token, session, "search", "{\"project\": \"" + t.slug() + "\", \"query\": \"walrus\", \"kind\": \"context\"}");
        assertNull(whole.path("result.structuredContent.partial"), whole.asString());
        assertEquals(1, whole.<List<Object>>path("result.structuredContent.items").size(), whole.asString());
    }
}
