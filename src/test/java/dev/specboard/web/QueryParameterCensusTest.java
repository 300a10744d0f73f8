package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every GET route with a numeric, id or true/false query parameter (found by scanning the compiled classes, so routes added
 * later are covered without editing this test) with values that are not numbers: each answers 400 naming the
 * parameter, the error page on pages and the JSON error on the API, where they used to answer 404 as if the path were
 * unknown. A {@code page} is a whole number from 1; one past the last page is still answered.
 */
@QuarkusTest
class QueryParameterCensusTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private TestData.Team team;
    private String token;
    private String login;

    @BeforeEach
    void team() {
        team = data.team();
        token = tokens.create(team.owner().id, "query census", null, null).value();
        login = Web.sessionCookie(team.owner());
    }

    @Test
    void scanFindsThePaginatedLists() {
        List<String> found = typed().entrySet().stream().map(e -> e.getKey().method() + " " + e.getKey().template() + " " + e.getValue()).toList();
        for (String expected : List.of("GET /projects/{slug}/stories [page]", "GET /projects/{slug}/specs [page]",
                "GET /projects/{slug}/plans [page]", "GET /projects/{slug}/features [page]", "GET /projects/{slug}/entities [page]", "GET /projects/{slug}/context [page]", "GET /projects/{slug}/search [page]", "GET /projects/{slug}/jobs [page]",
                "GET /preview/{token} [page]", "GET /api/v1/projects/{slug}/jobs [page]", "GET /api/v1/projects/{slug}/plans [page]",
                "GET /api/v1/projects/{slug}/features [page]", "GET /api/v1/projects/{slug}/context-items [page]",
                "GET /api/v1/projects/{slug}/pages/{id} [page]",
                "GET /api/v1/projects/{slug}/search [limit, page]", "GET /api/v1/notifications [unread, before]", "GET /projects/{slug}/stories/{number}/diff [from, to]")) {
            assertTrue(found.contains(expected), "scan missed " + expected + " in\n" + String.join("\n", found));
        }
    }

    @Test
    void aValueThatIsNotANumberIs400NamingTheParameterOnEveryRoute() {
        List<String> failures = new ArrayList<>();
        typed().forEach((route, names) -> {
            for (String name : names) {
                for (String value : List.of("abc", "1.5", "2e3", "9".repeat(40))) {
                    check(route, name, value, name.equals("page") ? "must be a whole number from 1" : "must be ", failures);
                }
            }
        });
        assertTrue(failures.isEmpty(), "a malformed query value must be 400 naming the parameter:\n" + String.join("\n", failures));
    }

    @Test
    void aPageBeforeTheFirstIs400AndOnePastTheLastIsAnswered() {
        List<String> failures = new ArrayList<>();
        typed().forEach((route, names) -> {
            if (!names.contains("page")) {
                return;
            }
            for (String value : List.of("0", "-1", "99999999999999")) {
                check(route, "page", value, "must be a whole number from 1", failures);
            }
            int plain = send(route, "").statusCode();
            int past = send(route, "?page=99").statusCode();
            if (past != plain) {
                failures.add(route.describe() + " answered " + past + " on page 99 and " + plain + " without a page");
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void thePageAndTheApiNameTheRule() {
        Response page = Web.as(login).get("/projects/" + team.slug() + "/stories?page=abc");
        assertEquals(400, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String message = Web.html(page).getElementById("error-message").text();
        assertTrue(message.contains("The query parameter page must be a whole number from 1"), message);
        Response api = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + team.slug() + "/jobs?page=-1");
        assertEquals(400, api.statusCode());
        assertEquals("The query parameter page must be a whole number from 1", api.jsonPath().getString("error"));
        assertEquals("must be a whole number from 1", api.jsonPath().getString("details.page"));
        Response large = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + team.slug() + "/jobs?page=2147483648");
        assertEquals(400, large.statusCode());
        assertEquals("must be a whole number from 1 (this one is too large)", large.jsonPath().getString("details.page"));
        // A flag on a POST is read by the same rules: "maybe" is neither true nor false.
        Response flag = RestAssured.given().header("Authorization", "Bearer " + token)
                .post("/api/v1/projects/" + team.slug() + "/tasks/claim-next?overWipLimit=maybe");
        assertEquals(400, flag.statusCode());
        assertEquals("must be true or false", flag.jsonPath().getString("details.overWipLimit"));
    }

    /**
     * DESIGN.md gives no list a page size; the search alone takes {@code limit}. Every other API GET route refuses one
     * (400 naming it), where {@code limit=10} was ignored and yet carried on into the {@code Link} header as if honoured.
     */
    @Test
    void aPageSizeIs400NamingItOnEveryApiRouteThatTakesNone() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Route route : Routes.all()) {
            if (!route.method().equals("GET") || route.eventStream() || !route.api() || typed().getOrDefault(route, List.of()).contains("limit")) {
                continue;
            }
            int plain = send(route, "").statusCode();
            if (plain == 401 || plain == 403) {
                continue; // a route the owner may not call (an admin's) answers that first, whatever the query
            }
            checked++;
            for (String query : List.of("limit=10", "limit=abc", "per_page=10")) {
                String name = query.substring(0, query.indexOf('='));
                Response r = send(route, "?" + query);
                String said = r.contentType().startsWith("application/json") ? r.jsonPath().getString("details." + name) : null;
                if (r.statusCode() != 400 || said == null || !said.contains("only the search takes limit")) {
                    failures.add(route.describe() + " ?" + query + " answered " + r.statusCode() + ": " + said);
                }
            }
        }
        assertTrue(checked > 20, "the census found only " + checked + " API routes");
        assertTrue(failures.isEmpty(), "a page size on a route that takes none must be 400 naming it:\n" + String.join("\n", failures));
        Response search = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + team.slug() + "/search?q=x&limit=5");
        assertEquals(200, search.statusCode(), "the search still takes its limit: " + search.asString());
        for (String limit : List.of("0", "101", "abc")) {
            Response refused = RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + team.slug() + "/search?q=x&limit=" + limit);
            assertEquals(400, refused.statusCode(), limit);
            assertEquals("must be a whole number from 1 to 100", refused.jsonPath().getString("details.limit"), limit);
        }
    }

    private void check(Route route, String name, String value, String expected, List<String> failures) {
        Response r = send(route, "?" + name + "=" + value);
        String said;
        if (route.api()) {
            said = r.contentType().startsWith("application/json") ? r.jsonPath().getString("details." + name) : null;
        } else {
            Element message = Web.html(r).getElementById("error-message");
            said = message == null ? null : message.text();
        }
        if (r.statusCode() != 400 || said == null || !said.contains(expected)
                || !route.api() && !said.contains("query parameter " + name + " ")) {
            failures.add(route.describe() + " ?" + name + "=" + value + " answered " + r.statusCode() + ": " + said);
        }
    }

    private Response send(Route route, String query) {
        RequestSpecification spec = route.api()
                ? RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token)
                : Web.as(login);
        spec = spec.urlEncodingEnabled(false).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 10_000)));
        return spec.get(Routes.fill(route, team.slug()) + query);
    }

    /** Every GET route with its query parameters that are numbers, ids or flags (also inside bean params). */
    static Map<Route, List<String>> typed() {
        Map<Route, List<String>> found = new LinkedHashMap<>();
        for (Route route : Routes.all()) {
            if (!route.method().equals("GET") || route.eventStream()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Parameter p : route.javaMethod().getParameters()) {
                if (p.isAnnotationPresent(BeanParam.class)) {
                    for (Field f : p.getType().getDeclaredFields()) {
                        addIfTyped(f, f.getType(), names);
                    }
                } else {
                    addIfTyped(p, p.getType(), names);
                }
            }
            if (!names.isEmpty()) {
                found.put(route, names);
            }
        }
        return found;
    }

    private static void addIfTyped(AnnotatedElement e, Class<?> type, List<String> names) {
        QueryParam q = e.getAnnotation(QueryParam.class);
        if (q == null) {
            return;
        }
        if (type == Integer.class || type == Long.class || type == UUID.class || type == Boolean.class) {
            names.add(q.value());
        }
    }
}
