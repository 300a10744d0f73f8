package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
        /** Every row unless a page is asked for; counted only as a whole (a page reads one row past itself instead). */
        WHOLE_UNLESS_PAGED_UNCOUNTED_PAGES,
        /** Its first page; counted. */
        FIRST_PAGE,
        /** Its first page, reading one row past it instead of counting (no X-Total-Count). */
        FIRST_PAGE_UNCOUNTED,
        /** Never paged (takes no page): small lists of a project's or an account's own things, or one folder. */
        UNPAGED
    }

    private static final Map<String, Paging> LISTS = new TreeMap<>(Map.ofEntries(
            Map.entry("/api/v1/projects", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/stories", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/contexts", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/thinking", Paging.WHOLE_UNLESS_PAGED),
            Map.entry("/api/v1/projects/{slug}/tasks", Paging.WHOLE_UNLESS_PAGED_UNCOUNTED_PAGES),
            Map.entry("/api/v1/projects/{slug}/features", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/pages", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/entities", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/context-items", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/jobs", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/previews", Paging.FIRST_PAGE),
            Map.entry("/api/v1/admin/accounts", Paging.FIRST_PAGE),
            Map.entry("/api/v1/projects/{slug}/journeys", Paging.FIRST_PAGE_UNCOUNTED),
            Map.entry("/api/v1/projects/{slug}/plans", Paging.FIRST_PAGE_UNCOUNTED),
            Map.entry("/api/v1/projects/{slug}/repos/{name}/plans", Paging.FIRST_PAGE_UNCOUNTED),
            Map.entry("/api/v1/projects/{slug}/search", Paging.FIRST_PAGE_UNCOUNTED),
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
                case WHOLE_UNLESS_PAGED, WHOLE_UNLESS_PAGED_UNCOUNTED_PAGES -> {
                    assertEquals(String.valueOf(rows), whole.header("X-Total-Count"), path + ": every row, and how many");
                    if (list.getValue() == Paging.WHOLE_UNLESS_PAGED) {
                        assertEquals(String.valueOf(rows), first.header("X-Total-Count"), path + ": its pages are counted too");
                    } else {
                        assertNull(first.header("X-Total-Count"), path);
                    }
                }
                case FIRST_PAGE -> {
                    assertNotNull(whole.header("X-Total-Count"), path + ": its first page counts the list");
                    assertEquals(whole.header("X-Total-Count"), first.header("X-Total-Count"), path + ": no page is the first");
                }
                case FIRST_PAGE_UNCOUNTED -> assertNull(whole.header("X-Total-Count"), path + ": read one row past, not counted");
                default -> throw new AssertionError(path);
            }
            assertTrue(rows <= 50, path + ": a page holds at most 50");
        }
    }

    private static Response get(String token, String url) {
        Response r = RestAssured.given().auth().oauth2(token).get(url);
        assertEquals(200, r.statusCode(), url + " → " + r.asString());
        return r;
    }
}
