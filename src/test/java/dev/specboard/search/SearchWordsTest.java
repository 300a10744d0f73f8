package dev.specboard.search;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the search reads the words typed: accents do not matter, the last plain word may be unfinished, no text is a 500. */
@QuarkusTest
class SearchWordsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private void story(TestData.Team t, String title, String description) {
        fx.api(t.lead()).body(Map.of("title", title, "description", description))
                .post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
    }

    private List<String> keys(TestData.Team t, String q, String kind) {
        return RestAssured.given().auth().oauth2(fx.token(t.viewer())).queryParam("q", q).queryParam("kind", kind)
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().jsonPath().getList("key");
    }

    /** "cafe" found nothing of "Café", nor "café" anything of "Cafe": stored vectors and expression indexes fold accents alike. */
    @Test
    void accentsDoNotMatterEitherWay() {
        TestData.Team t = data.team();
        story(t, "Café opening hours", "Guests order at the counter");
        story(t, "Cafe menu", "Prices of the drinks");
        story(t, "Tea room", "Nothing else");
        fx.api(t.member()).body(Map.of("name", "Crème", "type", "domain", "purpose", "Desserts of the naïve kitchen"))
                .post(ApiPaths.project(t.slug(), "/contexts")).then().statusCode(201);

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

    /** Searching as one types: "authen" found nothing of "authentication" until the word was whole. */
    @Test
    void theLastPlainWordIsAPrefixAndWebsearchSyntaxStillWorks() {
        TestData.Team t = data.team();
        story(t, "Login with authentication", "Checks the password");
        story(t, "Login page", "Shows the form");
        story(t, "Author list", "Everyone who wrote");

        assertEquals(List.of("US-1"), keys(t, "authen", "story"));
        assertEquals(List.of("US-1", "US-3"), keys(t, "aut", "story").stream().sorted().toList());
        assertEquals(List.of("US-1"), keys(t, "login authen", "story"), "the other words must all match");
        assertEquals(List.of(), keys(t, "logi authentication", "story"), "only the last word is a prefix");
        assertEquals(List.of("US-2"), keys(t, "\"login page\"", "story"), "a phrase");
        assertEquals(List.of("US-2"), keys(t, "login -authentication", "story"), "an excluded word");
        assertEquals(List.of("US-2", "US-3"), keys(t, "author or page", "story").stream().sorted().toList(), "or");

        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=authen"));
        assertEquals("authentication", d.selectFirst(".search-hit[data-key=US-1] mark").text(), "the snippet marks the whole word");
    }

    /**
     * Every prefix of 3 letters or more finds the word while it is typed: the prefix was stemmed like a whole word, so
     * "authenticati" (its own stem) was no prefix of the stored "authent" and found nothing until the word was whole.
     */
    @Test
    void everyPrefixOfAWordFindsIt() {
        TestData.Team t = data.team();
        Map<String, String> words = new java.util.LinkedHashMap<>();
        words.put("authentication", "US-1");
        words.put("authorization", "US-2");
        words.put("organisation", "US-3");
        words.put("running", "US-4");
        words.put("stories", "US-5");
        words.forEach((word, key) -> story(t, "Plain title " + key, "The " + word + " of the day"));
        story(t, "Check the cart", "Before paying");
        for (Map.Entry<String, String> w : words.entrySet()) {
            for (int n = 3; n <= w.getKey().length(); n++) {
                String prefix = w.getKey().substring(0, n);
                assertTrue(keys(t, prefix, "story").contains(w.getValue()), prefix + " finds " + w.getKey());
                assertTrue(keys(t, "day " + prefix.toUpperCase(), "story").contains(w.getValue()), prefix + " after a whole word");
            }
        }
        assertEquals(List.of("US-1"), keys(t, "authenticati", "story"), "no other word");
        assertEquals(List.of("US-4"), keys(t, "runni", "story"));
        assertEquals(List.of(), keys(t, "checkout", "story"), "a whole word is no prefix of a shorter one");
        assertEquals(List.of("US-6"), keys(t, "checki", "story"), "but a word's ending begun is");
    }

    /**
     * A prefix finds the words it begins, not a shorter word that no word it begins is stored as: "authen" found a story
     * about "auth" alone (a leading part, "auth", followed by the start of an ending, "en" of "-ence", was matched whole).
     */
    @Test
    void aPrefixDoesNotFindAShorterWordItCannotBegin() {
        TestData.Team t = data.team();
        story(t, "Auth tokens", "Rotate them");
        story(t, "Login with authentication", "Checks the password");
        story(t, "Hope", "Kept");
        assertEquals(List.of("US-2"), keys(t, "authen", "story"));
        assertEquals(List.of("US-2"), keys(t, "authent", "story"));
        assertEquals(List.of("US-1", "US-2"), keys(t, "auth", "story").stream().sorted().toList(), "a prefix of both finds both");
        assertEquals(List.of("US-3"), keys(t, "hopi", "story"), "hoping is stored as hope");
    }

    /** Text that is tsquery syntax, or no word at all, is searched as words (or finds nothing), never a 500. */
    @Test
    void anyTextIsSearchedSafely() {
        TestData.Team t = data.team();
        story(t, "Login with authentication", "Checks the password");
        String token = fx.token(t.viewer());
        for (String q : List.of("a:*", "auth:*", "&|!()", "'", "\\", "..,;!", "auth'", "it's", "x\\'y", "!auth", "auth!", "(auth", "auth)",
                "a & | b", "<->", "auth<->", "-", "--", "or", "OR auth", "auth or", "\"", "\"auth", "日本語", "١٢٣", "%00",
                "auth:A", "auth:*B", "x".repeat(SearchService.MAX_QUERY), "é".repeat(SearchService.MAX_QUERY), "auth ".repeat(100))) {
            RestAssured.given().auth().oauth2(token).queryParam("q", q).get(ApiPaths.project(t.slug(), "/search"))
                    .then().statusCode(200);
            assertEquals(200, Web.as(t.viewer()).queryParam("q", q).get("/projects/" + t.slug() + "/search").statusCode(), q);
            assertEquals(200, Web.as(t.viewer()).queryParam("q", q).queryParam("kind", "story").queryParam("page", "2")
                    .get("/projects/" + t.slug() + "/search").statusCode(), q);
        }
        assertEquals(List.of("US-1"), keys(t, "(auth", "story"));
        assertEquals(List.of("US-1"), keys(t, "auth:*", "story"));
        RestAssured.given().auth().oauth2(token).queryParam("q", "x".repeat(SearchService.MAX_QUERY + 1))
                .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(422);
    }
}
