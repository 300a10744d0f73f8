package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.plan.PlanForm;
import dev.specboard.plan.PlanService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Search reads markdown as people read it: a link's text is found, its target is not ({@code [docs](https://example.com/secret-path)}
 * was found by "secret" and "https", and its snippet showed the URL), in stories, specs, plans and review threads. A thread's
 * link encodes its file's path.
 */
@QuarkusTest
class SearchLinkTextTest {

    private static final String LINKED = "Read the [zebradocs](https://example.com/secret-path \"Title\") and ![zebrachart](https://img.example.com/hiddenimage.png)"
            + " or the [zebraguide][g] first.\n\n[g]: https://refs.example.org/refsecret \"Guide\"\n";

    @Inject
    TestData data;

    @Inject
    RepoTestSupport repos;

    @Inject
    ApiTokenService tokens;

    @Inject
    PlanService plans;

    @Test
    void aLinksTextIsFoundAndItsTargetIsNotInStoriesSpecsPlansAndThreads() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("src/Cart.java", "class Cart {\n}\n"));
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            String token = tokens.create(t.lead().id, "search", null, null).value();
            String api = ApiPaths.project(t.slug());
            RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("title", "Checkout", "description", LINKED, "acceptanceCriteria", "- [ ] see [zebracheck](https://ac.example.com/acsecret)"))
                    .post(api + "/stories").then().statusCode(201);
            RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("title", "Mono", "specType", "monolithic", "content", LINKED))
                    .post(api + "/specs").then().statusCode(201);
            plans.create(PlanFixtures.access(t.project(), t.lead(), Role.LEAD), new PlanForm("shop", "Linked plan", LINKED, "main"));
            RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("path", "src/Cart.java", "lineStart", 1, "lineEnd", 1, "body", LINKED))
                    .post(api + "/repos/shop/threads").then().statusCode(201);

            for (String target : List.of("secret", "secret-path", "https", "example", "hiddenimage", "refsecret", "refs", "acsecret", "Title", "Guide")) {
                assertEquals(List.of(), kinds(token, t, target), "a link's target is not searched: " + target);
            }
            for (String text : List.of("zebradocs", "zebrachart", "zebraguide")) {
                assertEquals(List.of("plan", "spec", "story", "thread"), kinds(token, t, text).stream().sorted().toList(), "a link's text is searched: " + text);
            }
            assertEquals(List.of("story"), kinds(token, t, "zebracheck"), "the acceptance criteria's link text too");

            JsonPath hits = RestAssured.given().auth().oauth2(token).queryParam("q", "zebradocs").get(api + "/search")
                    .then().statusCode(200).extract().jsonPath();
            for (String snippet : hits.<String>getList("snippet")) {
                assertFalse(snippet.contains("example"), "a snippet shows the link's text, not its target: " + snippet);
            }
            Document page = Web.html(Web.as(t.viewer()).queryParam("q", "zebradocs").get("/projects/" + t.slug() + "/search")
                    .then().statusCode(200).extract().response());
            Element story = page.selectFirst("#group-story .search-hit");
            assertNotNull(story, page.text());
            assertFalse(story.text().contains("example.com"), story.text());
        }
    }

    /** A thread's hit links to the threads of its file: the path encoded, so a space, '#', '?', '%' or 'é' no longer break the link. */
    @Test
    void aThreadsLinkEncodesItsFilesPath() {
        TestData.Team t = data.team();
        String path = "docs/100% done? #1 caf\u00e9.txt";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of(path, GitFixture.lines(5)));
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            String token = tokens.create(t.lead().id, "search", null, null).value();
            String id = RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("path", path, "lineStart", 2, "lineEnd", 3, "body", "The zebrafish total is wrong."))
                    .post(ApiPaths.project(t.slug(), "/repos/shop/threads")).then().statusCode(201).extract().path("id");
            String url = RestAssured.given().auth().oauth2(token).queryParam("q", "zebrafish").get(ApiPaths.project(t.slug(), "/search"))
                    .then().statusCode(200).extract().path("[0].url");
            assertEquals("/projects/" + t.slug() + "/repos/shop/threads?path=docs/100%25%20done%3F%20%231%20caf%C3%A9.txt#thread-" + id, url);

            Document page = Web.html(Web.as(t.viewer()).queryParam("q", "zebrafish").get("/projects/" + t.slug() + "/search")
                    .then().statusCode(200).extract().response());
            assertEquals(url, page.selectFirst("#group-thread .search-hit a").attr("href"));
            Document threads = Web.html(Web.as(t.viewer()).urlEncodingEnabled(false).get(url.substring(0, url.indexOf('#')))
                    .then().statusCode(200).extract().response());
            assertNotNull(threads.getElementById("thread-" + id), "the link shows the thread: " + threads.text());
            assertEquals("1 thread", threads.getElementById("thread-count").text(), "the threads of that file");
        }
    }

    private static List<String> kinds(String token, TestData.Team t, String q) {
        return RestAssured.given().auth().oauth2(token).queryParam("q", q).get(ApiPaths.project(t.slug(), "/search"))
                .then().statusCode(200).extract().jsonPath().<String>getList("kind").stream().distinct().toList();
    }
}
