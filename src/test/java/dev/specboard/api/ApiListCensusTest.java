package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list of API v1 (a GET answering a JSON array, found in the OpenAPI document) is named here with how it pages, so
 * that a new list cannot drift: one that is not named fails this test until it is. A list the contract (DESIGN.md) gives
 * whole answers every row without {@code ?page} and says how many in {@code X-Total-Count}; with a page, it pages as the
 * paged lists do (50 a page, the same {@code Link} and {@code X-Total-Count}, past the last page {@code []}).
 */
@QuarkusTest
class ApiListCensusTest {

    /** How a list answers without {@code ?page}, and whether it counts its rows. */
    enum Paging {
        /** Every row unless a page is asked for; counted either way. */
        WHOLE_UNLESS_PAGED,
        /** Its first page; counted. */
        FIRST_PAGE,
        /** Never paged (takes no page): small lists of a project's or an account's own things, or one folder. */
        UNPAGED
    }

    private static final Map<String, Paging> LISTS = new TreeMap<>(Map.ofEntries(
            Map.entry("/api/v1/projects", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/stories", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/contexts", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/thinking", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/tasks", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/features", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/pages", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/entities", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/context-items", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/jobs", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/previews", Paging.FIRST_PAGE),
            Map.entry("/api/v1/admin/accounts", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/journeys", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/plans", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/repos/{name}/plans", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/search", Paging.FIRST_PAGE),
            Map.entry("/api/v1/tokens", Paging.UNPAGED),
            Map.entry("/api/v1/notifications", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/members", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/invitations", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/components", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/specs", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/work-sessions", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/repos", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/repos/{name}/tree", Paging.UNPAGED),
            Map.entry("/api/v1/projects/{slug}/repos/{name}/threads", Paging.UNPAGED)));

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    PlanFixtures plans;

    @Test
    void everyListIsNamedWithHowItPagesAndTakesAPageExactlyWhenItPages() {
        JsonPath doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Boolean> found = new TreeMap<>();
        for (var path : paths.entrySet()) {
            String type = doc.getString("paths.'" + path.getKey() + "'.get.responses.'200'.content.'application/json'.schema.type");
            if (path.getKey().startsWith("/api/v1/") && "array".equals(type)) {
                List<String> names = doc.getList("paths.'" + path.getKey() + "'.get.parameters.name");
                found.put(path.getKey(), names != null && names.contains("page"));
            }
        }
        assertEquals(LISTS.keySet(), found.keySet(), "a list of the API not named in ApiListCensusTest.LISTS, or one named that is gone");
        for (var list : LISTS.entrySet()) {
            assertEquals(list.getValue() != Paging.UNPAGED, found.get(list.getKey()), list.getKey() + " takes ?page exactly when it pages");
        }
    }

    @Test
    void everyPagedListAnswersItsDefaultAndItsPagesWithTheSameHeaders() {
        TestData.Team t = data.team();
        String token = fx.token(t.owner());
        String adminToken = fx.token(data.admin("census"));
        for (var list : LISTS.entrySet()) {
            String path = list.getKey();
            if (list.getValue() == Paging.UNPAGED || path.contains("{name}")) {
                continue;
            }
            String url = path.replace("{slug}", t.slug()) + (path.endsWith("/search") ? "?q=census" : "");
            String page = url.contains("?") ? "&page=" : "?page=";
            String bearer = path.startsWith("/api/v1/admin/") ? adminToken : token;
            Response whole = get(bearer, url);
            Response first = get(bearer, url + page + 1);
            // Far past any last page: the installation's accounts (every test's) fill many pages of the admin list.
            Response past = get(bearer, url + page + 1_000_000);
            assertEquals(List.of(), past.jsonPath().getList("$"), path + ": past the last page, []");
            int rows = whole.jsonPath().getList("$").size();
            String total = whole.header("X-Total-Count");
            if (total != null && Integer.parseInt(total) > rows) {
                // Only the installation-wide admin list grows past a page here: it links on.
                assertTrue(String.valueOf(whole.header("Link")).contains("rel=\"next\""), path + ": a list of more pages links to the next");
            } else {
                assertNull(whole.header("Link"), path + ": a list of one page links nowhere");
            }
            switch (list.getValue()) {
                case WHOLE_UNLESS_PAGED -> {
                    assertEquals(String.valueOf(rows), whole.header("X-Total-Count"), path + ": every row, and how many");
                    assertEquals(String.valueOf(rows), first.header("X-Total-Count"), path + ": its pages are counted too");
                }
                case FIRST_PAGE -> {
                    assertNotNull(whole.header("X-Total-Count"), path + ": its first page counts the list");
                    assertEquals(whole.header("X-Total-Count"), first.header("X-Total-Count"), path + ": no page is the first");
                }
                default -> throw new AssertionError(path);
            }
            assertTrue(rows <= 50, path + ": a page holds at most 50");
        }
    }

    /**
     * Every paged list counts its rows in a fixed number of statements: {@code X-Total-Count} is what its pages hold when
     * read to the end, each page before the last names that last page and only those link on, and the list's default and
     * first page run as many statements for ten times the rows. The tasks', journeys', plans' and search's pages used to
     * read one row past instead (no X-Total-Count, no last page). The installation-wide accounts are only read to the end
     * (every test adds accounts); no job (it needs a synced repository), entity or thought is seeded.
     */
    @Test
    void everyPagedListCountsWhatItsPagesHoldInTheSameStatementsForTenTimesTheRows() {
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            TestData.Team few = seeded(3, a);
            TestData.Team many = seeded(30, b);
            String fewToken = fx.token(few.viewer());
            String manyToken = fx.token(many.viewer());
            String adminToken = fx.token(data.admin("census-count"));
            for (var list : LISTS.entrySet()) {
                String path = list.getKey();
                if (list.getValue() == Paging.UNPAGED) {
                    continue;
                }
                if (path.startsWith("/api/v1/admin/")) {
                    readToTheEnd(adminToken, path, path);
                    continue;
                }
                // The search pages 2 a page here: its first page is full for 3 stories as for 30 (a page that is not full
                // gives its total without counting again, one statement fewer), and 30 stories fill fifteen pages and name the last.
                String tail = path.endsWith("/search") ? "?q=census&limit=2" : "";
                String manyUrl = path.replace("{slug}", many.slug()).replace("{name}", "shop") + tail;
                String fewUrl = path.replace("{slug}", few.slug()).replace("{name}", "shop") + tail;
                int rows = readToTheEnd(manyToken, manyUrl, path);
                if (!path.endsWith("/jobs") && !path.endsWith("/entities") && !path.endsWith("/thinking") && !path.equals("/api/v1/projects")) {
                    assertTrue(rows >= 30, path + ": the rows seeded are listed, " + rows);
                }
                String page = manyUrl.contains("?") ? "&page=1" : "?page=1";
                assertEquals(statements(fewToken, fewUrl), statements(manyToken, manyUrl), path + ": statements for 3 vs 30 rows");
                assertEquals(statements(fewToken, fewUrl + page), statements(manyToken, manyUrl + page), path + "?page=1: statements for 3 vs 30 rows");
            }
        }
    }

    /** A project with n stories (found by "census"), contexts, features, journeys, context items, pages, previews, tasks and plans. */
    private TestData.Team seeded(int n, GitFixture git) {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            fx.api(t.member()).body(Map.of("title", "Census " + i, "description", "Counted")).post(api + "/stories").then().statusCode(201);
            fx.api(t.member()).body(Map.of("name", "Ctx" + i, "type", "domain", "purpose", "p" + i)).post(api + "/contexts").then().statusCode(201);
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Feature " + i)).post(api + "/features").then().statusCode(201);
            fx.api(t.member()).body(Map.of("name", "Journey " + i, "nodes", List.of(
                    Map.of("key", "a", "nodeType", "action", "data", Map.of("label", "Start")),
                    Map.of("key", "b", "nodeType", "action", "data", Map.of("label", "End"))),
                    "connections", List.of(Map.of("from", "a", "to", "b")))).post(api + "/journeys").then().statusCode(201);
            fx.api(t.member()).body(Map.of("itemType", "text", "text", "Item " + i, "tags", List.of("t" + i))).post(api + "/context-items").then().statusCode(201);
            String page = fx.api(t.member()).body(Map.of("name", "Page " + i, "path", "/p" + i)).post(api + "/pages").then().statusCode(201)
                    .extract().path("id");
            if (i == 1) {
                // A preview shows the pages' mockups: one is needed before any preview.
                fx.api(t.member()).body(Map.of("html", "<main>P</main>")).post(api + "/pages/" + page + "/mockups").then().statusCode(201);
            }
            String preview = fx.api(t.lead()).body(Map.of("hours", 1)).post(api + "/previews").then().statusCode(201).extract().path("id");
            // Revoked at once (still listed): a project has at most specboard.previews.max-open open links.
            fx.api(t.lead()).post(api + "/previews/" + preview + "/revoke").then().statusCode(200);
            phases.add(Map.of("name", "phase-" + i, "description", "Build " + i, "hours", 1, "content", "Do " + i));
        }
        fx.api(t.member()).body(Map.of("title", "Spec", "specType", "hierarchical", "overview", "Overview", "phases", phases))
                .post(api + "/specs").then().statusCode(201);
        plans.shop(t.project(), t.owner(), git);
        dev.specboard.project.Access lead = PlanFixtures.access(t.project(), t.lead(), dev.specboard.kernel.Role.LEAD);
        for (int i = 1; i <= n; i++) {
            plans.plan(lead, "shop", "Plan " + i);
        }
        return t;
    }

    /**
     * Reads the list's pages until one comes back empty: on each page X-Total-Count is the rows they hold, {@code rel="last"}
     * names the last page that holds rows while the page is before it, and only those pages link to a next. Answers the rows.
     */
    private static int readToTheEnd(String token, String url, String path) {
        String sep = url.contains("?") ? "&page=" : "?page=";
        List<Response> pages = new ArrayList<>();
        int rows = 0;
        for (int p = 1; p <= 1000; p++) {
            Response r = get(token, url + sep + p);
            int n = r.jsonPath().getList("$").size();
            if (n == 0 && p > 1) {
                break;
            }
            pages.add(r);
            rows += n;
        }
        int last = pages.size();
        for (int p = 1; p <= last; p++) {
            Response r = pages.get(p - 1);
            String link = String.valueOf(r.header("Link"));
            assertEquals(String.valueOf(rows), r.header("X-Total-Count"), path + " page " + p + ": the rows its pages hold");
            assertEquals(p < last, link.contains("rel=\"last\""), path + " page " + p + " of " + last + ": " + link);
            assertEquals(p < last, link.matches(".*[?&]page=" + last + ">; rel=\"last\".*"), path + " page " + p + " names page " + last + ": " + link);
            assertEquals(p < last, link.contains("rel=\"next\""), path + " page " + p + " of " + last + ": " + link);
        }
        return rows;
    }

    private static long statements(String token, String url) {
        return SqlCounter.count(() -> get(token, url));
    }

    private static Response get(String token, String url) {
        Response r = RestAssured.given().auth().oauth2(token).get(url);
        assertEquals(200, r.statusCode(), url + " → " + r.asString());
        return r;
    }
}
