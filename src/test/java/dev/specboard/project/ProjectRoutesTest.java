package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every project-scoped route of the application (every JAX-RS method whose path contains
 * {slug}, found by scanning the compiled classes, so routes added later are covered without editing
 * this test) and checks that the project's existence is not revealed to outsiders.
 */
@QuarkusTest
class ProjectRoutesTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void routeScanFindsTheProjectPages() {
        List<String> templates = routes().stream().map(r -> r.method() + " " + r.template()).toList();
        for (String expected : List.of("GET /projects/{slug}", "GET /projects/{slug}/settings", "POST /projects/{slug}/settings",
                "GET /projects/{slug}/members", "POST /projects/{slug}/members/{memberId}/role")) {
            assertTrue(templates.contains(expected), "route scan missed " + expected + "; found " + templates);
        }
    }

    @Test
    void loggedInNonMemberGets404OnEveryProjectRoute() {
        TestData.Team team = data.team();
        Account outsider = team.outsider();
        String token = tokens.create(outsider.id, "route walker", null, null).value();
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            String path = fill(route, team.slug());
            RequestSpecification spec = route.api()
                    ? RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token)
                    : Web.as(outsider);
            Response r = send(withBody(spec.config(timeouts()), route), route.method(), path);
            if (r.statusCode() != 404) {
                failures.add(route.describe() + " as " + path + " answered " + r.statusCode());
            }
        }
        assertTrue(failures.isEmpty(), "a non-member must get 404 everywhere:\n" + String.join("\n", failures));
    }

    @Test
    void anonymousIsSentToLoginOnEveryProjectPage() {
        TestData.Team team = data.team();
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = fill(route, team.slug());
            Response r = RestAssured.given().redirects().follow(false).config(timeouts()).get(path);
            boolean ok = route.api()
                    ? r.statusCode() == 401
                    : r.statusCode() == 302 && String.valueOf(r.getHeader("Location")).contains("/login?next=");
            if (!ok) {
                failures.add(route.describe() + " as " + path + " answered " + r.statusCode() + " " + r.getHeader("Location"));
            }
        }
        assertTrue(failures.isEmpty(), "anonymous requests must log in first:\n" + String.join("\n", failures));
    }

    /**
     * A form with a NUL character is answered by the project policy before the form is judged (it was 422 for everyone):
     * 404 for a non-member, 403 for a viewer and for a member below the change's role, 409 in an archived project.
     */
    @Test
    void aMalformedFormIsAnsweredByThePolicyFirst() {
        TestData.Team team = data.team();
        List<String> failures = new ArrayList<>();
        int belowRole = 0;
        for (Route route : formChanges()) {
            String path = fill(route, team.slug());
            expect(failures, route, path, team.outsider(), 404);
            expect(failures, route, path, team.viewer(), 403);
            for (Account who : List.of(team.reviewer(), team.member(), team.lead())) {
                if (send(Web.as(who).config(timeouts()).formParam("x", "1"), route.method(), path).statusCode() == 403) {
                    belowRole++;
                    expect(failures, route, path, who, 403);
                }
            }
        }
        assertTrue(belowRole > 100, "the walk reached the changes above each role: " + belowRole);
        Web.as(team.owner()).post("/projects/" + team.slug() + "/settings/archive").then().statusCode(303);
        for (Route route : formChanges()) {
            // archiving and unarchiving, and closing access (revoking a preview link), are what an archived project takes
            if (!route.template().endsWith("/archive") && !route.template().endsWith("/unarchive")
                    && !route.template().endsWith("/previews/{id}/revoke")) {
                expect(failures, route, fill(route, team.slug()), team.owner(), 409);
            }
        }
        assertTrue(failures.isEmpty(), "the policy must answer before a malformed form is judged:\n" + String.join("\n", failures));
    }

    private static void expect(List<String> failures, Route route, String path, Account who, int status) {
        Response r = send(Web.as(who).config(timeouts()).formParam("x", "a\u0000b"), route.method(), path);
        if (r.statusCode() != status) {
            failures.add(who.username + " on " + route.describe() + " answered " + r.statusCode() + ", not " + status);
        }
    }

    /** The pages' changes that take a form (or nothing). */
    private static List<Route> formChanges() {
        return routes().stream().filter(r -> !r.api() && List.of("POST", "PUT", "PATCH", "DELETE").contains(r.method())
                && !r.consumes().contains("multipart") && !r.consumes().contains("json")).toList();
    }

    static RestAssuredConfig timeouts() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));
    }

    static RequestSpecification withBody(RequestSpecification spec, Route route) {
        if (route.method().equals("GET") || route.method().equals("DELETE") || route.method().equals("HEAD")) {
            return spec;
        }
        if (route.consumes().contains("multipart")) {
            return spec.multiPart("file", "README.md", "hello".getBytes());
        }
        if (route.consumes().contains("json") || route.api()) {
            return spec.contentType("application/json").body("{}");
        }
        return spec.contentType("application/x-www-form-urlencoded").formParam("x", "1");
    }

    static Response send(RequestSpecification spec, String method, String path) {
        return spec.request(method, path);
    }

    /** The project-scoped routes: every JAX-RS method whose path contains {slug}. */
    static List<Route> routes() {
        return Routes.all().stream().filter(Route::projectScoped).toList();
    }

    static String fill(Route route, String slug) {
        return Routes.fill(route, slug);
    }
}
