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
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

    private static RestAssuredConfig timeouts() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));
    }

    private static RequestSpecification withBody(RequestSpecification spec, Route route) {
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

    private static Response send(RequestSpecification spec, String method, String path) {
        return spec.request(method, path);
    }

    // --- the project routes

    static List<Route> routes() {
        return Routes.all().stream().filter(r -> r.template().contains("{slug")).toList();
    }

    // --- filling path templates with plausible values

    static String fill(Route route, String slug) {
        var matcher = Routes.PARAM.matcher(route.template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String regex = matcher.group(2) == null ? "[^/]+" : matcher.group(2).trim();
            String before = route.template().substring(0, matcher.start());
            String value = name.equals("slug") ? slug : valueFor(name, regex, before, typeOf(route.javaMethod(), name));
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Class<?> typeOf(Method m, String name) {
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            if (pp != null && pp.value().equals(name)) {
                return p.getType();
            }
        }
        return String.class;
    }

    static String valueFor(String name, String regex, String before, Class<?> type) {
        String n = name.toLowerCase();
        List<String> candidates = new ArrayList<>();
        if (type == UUID.class) {
            candidates.add(UUID.randomUUID().toString());
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            candidates.add("1");
        }
        if (n.contains("key")) {
            candidates.add(before.contains("task") ? "TASK-1-1" : "SPEC-1");
        }
        if (n.contains("path") || n.contains("file")) {
            candidates.add("README.md");
        }
        if (n.equals("id") || n.endsWith("id")) {
            candidates.add(UUID.randomUUID().toString());
        }
        if (n.equals("name") || n.endsWith("name")) {
            candidates.add("app");
        }
        candidates.addAll(Arrays.asList("1", "SPEC-1", "TASK-1-1", UUID.randomUUID().toString(), "README.md", "app", "v1"));
        Pattern p = Pattern.compile(regex);
        return candidates.stream().filter(c -> p.matcher(c).matches()).findFirst().orElse("1");
    }
}
