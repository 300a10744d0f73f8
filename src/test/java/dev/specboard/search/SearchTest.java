package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SearchTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    RepoTestSupport repos;

    @Inject
    ApiTokenService tokens;

    @Test
    void oneSearchFindsEveryKindGroupedWithHighlightedEscapedSnippetsAndNothingFromOtherProjects() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        try (GitFixture git = GitFixture.create(); GitFixture otherGit = GitFixture.create()) {
            fixtures.checkoutProject(t, git, "As Tom & Jerry <b>shoppers</b> <script>alert(1)</script> we pay at checkout.");
            fixtures.checkoutProject(other, otherGit, "Secret checkout of the other project.");

            Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=checkout"));
            for (String kind : List.of("story", "spec", "task", "plan", "file", "thread")) {
                assertNotNull(d.getElementById("group-" + kind), "a group of " + kind + " results: " + d.select("#search-results").text());
            }
            assertEquals(List.of("story", "spec", "task", "plan", "file", "thread"),
                    d.select(".search-group").eachAttr("id").stream().map(id -> id.substring(6)).toList(), "groups in their order");
            Element story = d.selectFirst("#group-story .search-hit");
            assertEquals("US-1", story.attr("data-key"));
            assertEquals("checkout", story.selectFirst("mark").text().toLowerCase());
            assertTrue(story.selectFirst(".search-snippet").text().contains("Tom & Jerry"), story.selectFirst(".search-snippet").text());
            assertTrue(d.select("#search-results script, #search-results b").isEmpty(), "indexed text never becomes HTML");
            assertTrue(d.select("#group-task .search-hit").eachAttr("data-key").contains("TASK-1-1"), "tasks are found by their files");
            assertTrue(d.select("#group-file .search-hit").eachAttr("data-key").contains("shop:src/checkout/Payment.java"));
            assertEquals("/projects/" + t.slug() + "/repos/shop/blob/src/checkout/Payment.java",
                    d.selectFirst("#group-file .search-hit[data-key=shop:src/checkout/Payment.java] a").attr("href"));
            assertTrue(d.select("#search-results").text().contains("ignores discounts"));
            assertFalse(d.select("#search-results").text().contains("Secret"), "nothing from a project the viewer is not in");

            // The kind filter is in the URL; the API answers the same, ranked.
            Document files = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=checkout&kind=file"));
            assertEquals(1, files.select(".search-group").size());
            assertEquals("file", files.select("#filter-kind option[selected]").val());
            assertEquals("Files", files.select("#filter-kind option[selected]").text(), "an option shows its kind in words");
            assertEquals("everything", files.select("#filter-kind option[value=]").text());
            String token = tokens.create(t.viewer().id, "search", null, null).value();
            JsonPath api = RestAssured.given().auth().oauth2(token).queryParam("q", "checkout").queryParam("kind", "file")
                    .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().jsonPath();
            assertTrue(api.getList("kind").stream().allMatch("file"::equals));
            assertTrue(api.getList("key").contains("shop:src/checkout/Cart.java"), api.prettify());
            assertFalse(api.getString("snippet[0]").contains("\u0002"));
            RestAssured.given().auth().oauth2(token).queryParam("q", "checkout").queryParam("kind", "galaxy")
                    .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(422).body("details.kind", org.hamcrest.Matchers.startsWith("must be one of "));
            String outsiderToken = tokens.create(t.outsider().id, "search", null, null).value();
            RestAssured.given().auth().oauth2(outsiderToken).queryParam("q", "checkout")
                    .get(ApiPaths.project(t.slug(), "/search")).then().statusCode(404);

            // The MCP tool is the same search.
            String session = Mcp.initialize(token);
            String text = Mcp.callTool(token, session, "search", "{\"project\":\"" + t.slug() + "\",\"query\":\"discounts\"}")
                    .then().statusCode(200).extract().asString();
            assertTrue(text.contains("src/checkout/Cart.java") && text.contains("thread"), text);
        }
    }

    @Test
    void aSnippetReadsMarkdownAsProse() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "search", null, null).value();
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("title", "Export totals", "description",
                        "## Why\nWe lose **52 minutes** a day on `ledger_totals`, see [the report](https://example.com/r).\n> quoted ledger note"))
                .post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);

        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=ledger"));
        String snippet = d.selectFirst("#group-story .search-snippet").text();
        assertTrue(snippet.contains("We lose 52 minutes a day on ledger_totals, see the report"), snippet);
        assertFalse(snippet.contains("**") || snippet.contains("##") || snippet.contains("](") || snippet.contains("`")
                || snippet.contains(">"), snippet);
        assertEquals("ledger", d.selectFirst("#group-story .search-snippet mark").text().toLowerCase());
    }

    /** A hierarchical spec is found by its words, never by the keys of the JSON it is kept in, and its snippet is prose. */
    @Test
    void aHierarchicalSpecIsSearchedByItsWordsNotItsJsonKeys() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "search", null, null).value();
        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(dev.specboard.spec.SpecApiFixtures.hierarchical(null, "Ledger export", List.of(), "ledger-writer"))
                .post(ApiPaths.project(t.slug(), "/specs")).then().statusCode(201);
        String api = ApiPaths.project(t.slug(), "/search?kind=spec&q=");
        for (String key : List.of("assigned_files", "architecture", "description", "hours", "technology_stack", "null")) {
            assertEquals(List.of(), RestAssured.given().auth().oauth2(token).get(api + key).then().statusCode(200).extract().path("key"), key);
        }
        List<String> snippets = RestAssured.given().auth().oauth2(token).get(api + "ledger").then().statusCode(200).extract().path("snippet");
        assertTrue(snippets.size() >= 1, snippets.toString());
        String spec = snippets.get(0);
        assertTrue(spec.contains("Overview of Ledger export") && spec.contains("Build the ledger-writer"), spec);
        assertFalse(spec.contains("assigned_files") || spec.contains("hours") || spec.contains("phases") || spec.contains("{"), spec);
    }

    @Test
    void fileContentsFollowTheLatestManifestIncrementally() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("docs/a.md", "the flamingo dances\n", "docs/b.md", "a quiet heron\n"));
            Repo repo = repos.add(t.project(), t.owner(), "docs", git.url());
            repos.awaitLatest(repo);
            fixtures.awaitIndexed(repo);
            assertEquals(List.of("docs:docs/a.md"), keys(t, "flamingo"));
            git.commit("second", java.util.Collections.singletonMap("docs/a.md", null));
            git.commit("third", Map.of("docs/b.md", "a quiet flamingo now\n"));
            repos.sync(repo);
            fixtures.awaitIndexed(repo);
            assertEquals(List.of("docs:docs/b.md"), keys(t, "flamingo"), "deleted files leave the index, changed ones are read again");
            assertEquals(List.of(), keys(t, "heron"));
        }
    }

    @Test
    void aFileHitLinksToAFileNamedWithHashQuestionMarkPercentOrSpace() {
        TestData.Team t = data.team();
        String path = "odd #dir/100% done?.md";
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of(path, "the pelican sleeps\n"));
            Repo repo = repos.add(t.project(), t.owner(), "docs", git.url());
            repos.awaitLatest(repo);
            fixtures.awaitIndexed(repo);
            Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=pelican&kind=file").then().statusCode(200)
                    .extract().response());
            String href = d.selectFirst("#group-file .search-hit[data-key=\"docs:" + path + "\"] a").attr("href");
            assertEquals("/projects/" + t.slug() + "/repos/docs/blob/odd%20%23dir/100%25%20done%3F.md", href);
            Document file = Web.html(Web.as(t.viewer()).urlEncodingEnabled(false).get(href).then().statusCode(200).extract().response());
            assertEquals(path, file.getElementById("code").attr("data-path"));
        }
    }

    @Test
    void searchStatementsDoNotGrowWithTheData() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            fixtures.checkoutProject(small, a, "Pay at checkout.");
            fixtures.checkoutProject(big, b, "Pay at checkout.");
            String token = tokens.create(big.lead().id, "more", null, null).value();
            for (int i = 0; i < 10; i++) {
                RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(Map.of("title", "Checkout step " + i, "description", "More checkout"))
                        .post(ApiPaths.project(big.slug(), "/stories")).then().statusCode(201);
            }
            long x = SqlCounter.count(() -> assertEquals(200, Web.as(small.viewer()).get("/projects/" + small.slug() + "/search?q=checkout").statusCode()));
            long y = SqlCounter.count(() -> assertEquals(200, Web.as(big.viewer()).get("/projects/" + big.slug() + "/search?q=checkout").statusCode()));
            assertEquals(x, y, "search statements");
        }
    }

    @Test
    void aPagePastTheLastOfOneKindShowsTheLastAndOneBeforeTheFirstIsRefused() {
        TestData.Team t = data.team();
        String token = tokens.create(t.lead().id, "pages", null, null).value();
        for (int i = 0; i < SearchService.PAGE_SIZE + 3; i++) {
            RestAssured.given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("title", "Ledger step " + i, "description", "Ledger entry"))
                    .post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
        }
        String search = "/projects/" + t.slug() + "/search?q=ledger&kind=story&page=";
        for (String page : List.of("2", "3", "999")) {
            Document last = Web.html(Web.as(t.viewer()).get(search + page));
            assertEquals(3, last.select(".search-hit").size(), "page " + page);
            assertNotNull(last.getElementById("search-prev"), "page " + page);
            assertNull(last.getElementById("search-next"), "page " + page);
        }
        Document first = Web.html(Web.as(t.viewer()).get(search + "1"));
        assertEquals(SearchService.PAGE_SIZE, first.select(".search-hit").size());
        assertNull(first.getElementById("search-prev"));
        assertNotNull(first.getElementById("search-next"));
        for (String page : List.of("0", "-4")) {
            Web.as(t.viewer()).get(search + page).then().statusCode(400);
        }
    }

    @Test
    void aQueryTooLongIsRefusedWith422KeepingEveryWordTyped() {
        TestData.Team t = data.team();
        String words = "ledger ".repeat(SearchService.MAX_QUERY / 7) + "tail-end-words";
        io.restassured.response.Response r = Web.as(t.viewer()).queryParam("q", words).get("/projects/" + t.slug() + "/search");
        assertEquals(422, r.statusCode(), "a refused search is not a page of results");
        Document page = Web.html(r);
        assertEquals(words.strip(), page.getElementById("search-q").val(), "the query is kept whole, not cut at the limit");
        assertEquals("true", page.getElementById("search-q").attr("aria-invalid"));
        assertTrue(page.getElementById("search-q").attr("aria-describedby").contains("search-notice"));
        assertTrue(page.getElementById("search-notice").text().contains("at most " + SearchService.MAX_QUERY + " characters"),
                page.getElementById("search-notice").text());
        assertTrue(page.select(".search-hit").isEmpty());
        assertNull(page.getElementById("search-nothing"), "no search ran, so nothing 'matches' either: only the notice says why");

        // The MCP tool names its own argument, not the API's query parameter.
        String token = tokens.create(t.viewer().id, "search", null, null).value();
        String refused = Mcp.answer(token, Mcp.initialize(token), "search", true, "project", t.slug(), "query", words);
        assertTrue(refused.contains("\"details\":{\"query\":\"A search is at most " + SearchService.MAX_QUERY), refused);
    }

    private List<String> keys(TestData.Team t, String q) {
        return Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=" + q)).select(".search-hit").eachAttr("data-key");
    }
}
