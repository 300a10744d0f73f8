package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file is found by its name or path typed as it is written: {@code q.sql}, {@code UserService.java} and
 * {@code src/UserService.java} found nothing (the text parser reads them as one token no path's vector holds), and
 * {@code README.md} found only a thread about it.
 */
@QuarkusTest
class SearchFileNameTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures fixtures;

    @Inject
    RepoTestSupport repos;

    @Inject
    ApiTokenService tokens;

    @Test
    void aFileIsFoundByItsNameOrPathWithDotsAndSlashes() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", Map.of("db/q.sql", "select 1;\n", "src/UserService.java", "class Users {\n}\n",
                    "src/OrderService.java", "class Orders {\n}\n", "README.md", "# Shop\n", "docs/notes.txt", "nothing here\n"));
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            fixtures.awaitIndexed(repo);
            String token = tokens.create(t.viewer().id, "search", null, null).value();

            assertEquals(List.of("shop:db/q.sql"), keys(token, t, "q.sql", null));
            assertEquals(List.of("shop:src/UserService.java"), keys(token, t, "UserService.java", null));
            assertEquals(List.of("shop:src/UserService.java"), keys(token, t, "src/UserService.java", null));
            assertEquals(List.of("shop:src/UserService.java"), keys(token, t, "UserService", "file"), "a class name in camel case names its file");
            assertEquals(List.of("shop:src/UserService.java"), keys(token, t, "src/UserServ", "file"), "the last part may be begun");
            assertEquals(List.of("shop:README.md"), keys(token, t, "README.md", "file"));
            assertEquals(List.of("shop:src/OrderService.java", "shop:src/UserService.java"), keys(token, t, "Service.java", "file"));
            assertEquals(List.of(), keys(token, t, "src/Missing.java", null));
            // Words are still read as words: "-users" excludes.
            assertEquals(List.of("shop:src/OrderService.java"), keys(token, t, "class -users", "file"));

            String mcp = Mcp.answer(token, Mcp.initialize(token), "search", false, "project", t.slug(), "query", "q.sql");
            assertTrue(mcp.contains("db/q.sql"), mcp);
        }
    }

    /**
     * A file whose name is no UTF-8 was listed with git's escape ({@code caf\351.txt}) where the file browser shows it
     * decoded: its hit reads "café" with U+FFFD for the stray byte, its key as the API gives it still names the file.
     */
    @Test
    void aFileNamedInLatin1IsShownDecodedAsTheFileBrowserShowsIt() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            Map<byte[], String> files = new java.util.LinkedHashMap<>();
            files.put("notes/caf\u00e9.txt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "zebrafish notes\n");
            git.commitRawNames("first", files);
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            fixtures.awaitIndexed(repo);
            String token = tokens.create(t.viewer().id, "search", null, null).value();
            assertEquals(List.of("shop:notes/caf\\351.txt"), keys(token, t, "zebrafish", "file"), "the API keys the file as the manifest does");

            org.jsoup.nodes.Document page = dev.specboard.support.Web.html(dev.specboard.support.Web.as(t.viewer())
                    .queryParam("q", "zebrafish").get("/projects/" + t.slug() + "/search").then().statusCode(200).extract().response());
            org.jsoup.nodes.Element hit = page.selectFirst("#group-file .search-hit");
            assertEquals("shop / notes/caf\uFFFD.txt", hit.selectFirst("a").text());
            assertEquals("shop:notes/caf\uFFFD.txt", hit.selectFirst(".muted").text());
            assertTrue(hit.selectFirst("a").attr("href").endsWith("/repos/shop/blob/notes/caf%5C351.txt"), hit.selectFirst("a").attr("href"));
        }
    }

    private static List<String> keys(String token, TestData.Team t, String q, String kind) {
        var request = RestAssured.given().auth().oauth2(token).queryParam("q", q);
        if (kind != null) {
            request = request.queryParam("kind", kind);
        }
        return request.get(ApiPaths.project(t.slug(), "/search")).then().statusCode(200).extract().path("key");
    }
}
