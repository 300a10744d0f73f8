package dev.specboard.search;

import dev.specboard.account.ApiTokenService;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Search reads markdown as people read it everywhere (V1013): a link's target is not found in design pages, features, bounded
 * contexts, components and a repository's markdown files, as V1011 made it for stories and the rest; their link texts are. A
 * target holding parentheses ({@code https://wiki.example.org/Kiwi_(bird) "Kiwiword"}) leaves no stray ')' or title behind its text.
 */
@QuarkusTest
class SearchMarkdownLinksTest {

    /** Each target's words (its host, its title) are words a vector that reads the markdown as written holds. */
    private static final String LINKED = "See the [zebrawiki](https://wiki.example.org/Kiwi_(bird) \"Kiwiword\") and"
            + " [zebradocs](https://docs.example.com/secretpath \"Handbook\"), or the [zebraref][r] first.\n\n[r]: https://refs.example.org/refsecret\n";
    private static final List<String> TARGETS = List.of("kiwiword", "handbook", "wiki.example.org", "docs.example.com", "refs.example.org");

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Inject
    SearchFixtures fixtures;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @Test
    void aLinksTargetIsNotFoundInPagesFeaturesArchitectureAndMarkdownFiles() {
        TestData.Team t = data.team();
        String token = linkedProject(t);

        for (String target : TARGETS) {
            assertEquals(List.of("file shop:notes.txt"), hits(token, t, target),
                    "a link's target is not searched, but in a file that is no markdown: " + target);
        }
        List<String> all = List.of("component Orders.Basket", "context Ordering", "feature Address book", "file shop:README.md",
                "file shop:docs/guide.markdown", "file shop:notes.txt", "page /wiki", "story US-1");
        for (String text : List.of("zebrawiki", "zebradocs", "zebraref")) {
            assertEquals(all, hits(token, t, text).stream().sorted().toList(), "a link's text is searched: " + text);
        }

        JsonPath found = search(token, t, "zebrawiki");
        List<String> kinds = found.getList("kind");
        List<String> keys = found.getList("key");
        List<String> snippets = found.getList("snippet");
        for (int i = 0; i < snippets.size(); i++) {
            if (!keys.get(i).equals("shop:notes.txt")) {
                assertFalse(snippets.get(i).contains(")") || snippets.get(i).contains("example"),
                        kinds.get(i) + " " + keys.get(i) + ": a snippet shows the link's text, no target and no stray ')': " + snippets.get(i));
            }
        }
        Document page = Web.html(Web.as(t.viewer()).queryParam("q", "zebrawiki").get("/projects/" + t.slug() + "/search")
                .then().statusCode(200).extract().response());
        for (String group : List.of("page", "feature", "context", "component", "story")) {
            Element hit = page.selectFirst("#group-" + group + " .search-hit");
            assertNotNull(hit, group + ": " + page.text());
            assertFalse(hit.text().contains(")") || hit.text().contains("example"), group + ": " + hit.text());
        }
        for (Element hit : page.select("#group-file .search-hit")) {
            if (!hit.attr("data-key").equals("shop:notes.txt")) {
                assertFalse(hit.text().contains(")") || hit.text().contains("example"), hit.text());
            }
        }
    }

    /** The migration computes again the vectors of the pages and features there are (kept by triggers, not generated). */
    @Test
    void theMigrationReindexesPagesAndFeaturesThatIndexedTheirTargets() throws Exception {
        TestData.Team t = data.team();
        String token = linkedProject(t);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    UPDATE pages SET search = setweight(to_tsvector('specboard_text', name || ' ' || COALESCE(purpose, '')), 'A')
                        || setweight(to_tsvector('specboard_text', regexp_replace(path, '[^[:alnum:]]+', ' ', 'g')), 'D')
                    WHERE project_id = ?1""").setParameter(1, t.project().id).executeUpdate();
            em.createNativeQuery("UPDATE features SET search = to_tsvector('specboard_text', name || ' ' || COALESCE(user_description, ''))"
                    + " WHERE project_id = ?1").setParameter(1, t.project().id).executeUpdate();
        });
        assertEquals(List.of("feature Address book", "file shop:notes.txt", "page /wiki"), hits(token, t, "handbook").stream().sorted().toList(),
                "as V1008 and V1010 indexed them");

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V1013__search_markdown_text_everywhere.sql")) {
            assertNotNull(in);
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Through plain JDBC, as Flyway runs it.
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(migration);
            }
        }));
        assertEquals(List.of("file shop:notes.txt"), hits(token, t, "handbook"));
        assertEquals(List.of("feature Address book", "page /wiki"),
                hits(token, t, "zebradocs").stream().filter(h -> h.startsWith("page") || h.startsWith("feature")).sorted().toList());
    }

    /** A project whose story, page, feature, context, component and files each hold {@link #LINKED}; answers a viewer's token. */
    private String linkedProject(TestData.Team t) {
        String api = ApiPaths.project(t.slug());
        try (GitFixture git = GitFixture.create()) {
            git.commit("docs", Map.of("README.md", "# Shop\n\n" + LINKED, "docs/guide.markdown", LINKED, "notes.txt", LINKED));
            Repo repo = repos.add(t.project(), t.owner(), "shop", git.url());
            repos.awaitLatest(repo);
            fixtures.awaitIndexed(repo);
        }
        fx.api(t.member()).body(Map.of("title", "Checkout", "description", LINKED)).post(api + "/stories").then().statusCode(201);
        fx.api(t.member()).body(Map.of("name", "Wiki", "path", "/wiki", "purpose", LINKED)).post(api + "/pages").then().statusCode(201);
        fx.api(t.member()).body(Map.of("name", "Address book", "userDescription", LINKED)).post(api + "/features").then().statusCode(201);
        String context = fx.api(t.member()).body(Map.of("name", "Ordering", "type", "domain", "purpose", "Takes orders",
                "description", LINKED)).post(api + "/contexts").then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("name", "Orders.Basket", "type", "schema", "filePath", "lib/shop/basket.ex",
                "contextId", context, "description", LINKED)).post(api + "/components").then().statusCode(201);
        return tokens.create(t.viewer().id, "search", null, null).value();
    }

    private static JsonPath search(String token, TestData.Team t, String q) {
        return RestAssured.given().auth().oauth2(token).queryParam("q", q).get(ApiPaths.project(t.slug(), "/search"))
                .then().statusCode(200).extract().jsonPath();
    }

    /** Each hit as its kind and key. */
    private static List<String> hits(String token, TestData.Team t, String q) {
        JsonPath found = search(token, t, q);
        List<String> kinds = found.getList("kind");
        List<String> keys = found.getList("key");
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            hits.add(kinds.get(i) + " " + keys.get(i));
        }
        return hits;
    }
}
