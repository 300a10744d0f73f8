package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project policy holds for the things inside a project too: one person who belongs to two projects, filled alike,
 * names the things of the second (their ids) under the first one's slug, on every project-scoped route (pages, forms,
 * the JSON API), and every answer is a refusal, never the other project's thing read or changed. Routes are found by
 * scanning the resources, so a route added later is walked too.
 */
@QuarkusTest
class CrossProjectIdsTest {

    /** Keys that name a thing by a project-wide id (the rest, numbers, keys and names, are per project by nature). */
    private static final Map<String, String> ID_QUERIES = Map.ofEntries(
            Map.entry("threads/id", "SELECT id FROM comment_threads WHERE project_id = ?1"),
            Map.entry("comments/id", "SELECT c.id FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.project_id = ?1"),
            Map.entry("work-sessions/id", "SELECT id FROM work_sessions WHERE project_id = ?1"),
            Map.entry("previews/id", "SELECT id FROM preview_sessions WHERE project_id = ?1"),
            Map.entry("thinking/id", "SELECT id FROM ai_thinking_chain WHERE project_id = ?1"),
            Map.entry("entities/id", "SELECT id FROM inferred_entities WHERE project_id = ?1"),
            Map.entry("syncs/id", "SELECT id FROM repo_syncs WHERE project_id = ?1"),
            Map.entry("members/memberId", "SELECT id FROM project_memberships WHERE project_id = ?1"),
            Map.entry("context-items/id", "SELECT id FROM user_context_items WHERE project_id = ?1"),
            Map.entry("dependencies/dependsOn", "SELECT depends_on_id FROM component_dependencies WHERE project_id = ?1"));

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Inject
    EntityManager em;

    @Test
    void anotherProjectsIdsUnderYourSlugAreRefusedOnEveryRoute() throws Exception {
        TestData.Team mine = data.team();
        TestData.Team theirs = data.team();
        Map<String, String> myKeys;
        Map<String, String> theirKeys;
        try (GitFixture a = GitFixture.create(); GitFixture b = GitFixture.create()) {
            myKeys = ScreenCensusBrowserTest.fillProject(fx, repos, mine, a, ScreenCensusBrowserTest.Names.SHORT);
            theirKeys = ScreenCensusBrowserTest.fillProject(fx, repos, theirs, b, ScreenCensusBrowserTest.Names.SHORT);
        }
        Account me = mine.owner();
        data.addMember(theirs.project(), me, Role.OWNER);
        Map<String, String> foreign = new HashMap<>();
        theirKeys.forEach((k, v) -> {
            if (isId(v)) {
                foreign.put(k, v);
            }
        });
        QuarkusTransaction.requiringNew().run(() -> ID_QUERIES.forEach((key, sql) -> em.createNativeQuery(sql + " LIMIT 1")
                .setParameter(1, theirs.project().id).getResultList().stream().findFirst().ifPresent(id -> foreign.put(key, id.toString()))));
        String token = fx.token(me);
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Route route : Routes.all()) {
            if (!route.projectScoped() || route.eventStream()) {
                continue;
            }
            List<String> used = new ArrayList<>();
            String path = fill(route, mine.slug(), myKeys, foreign, used);
            if (used.isEmpty()) {
                continue;
            }
            walked++;
            RequestSpecification spec = route.api()
                    ? RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token)
                    : Web.as(me);
            Response r = withBody(spec, route).request(route.method(), path);
            if (r.statusCode() < 400) {
                failures.add(route.describe() + " as " + path + " with the other project's " + used + " answered " + r.statusCode());
            }
        }
        assertTrue(walked > 40, "the census found too few routes with ids: " + walked);
        assertTrue(failures.isEmpty(), "another project's things must stay out of reach under your slug:\n" + String.join("\n", failures));
    }

    private static RequestSpecification withBody(RequestSpecification spec, Route route) {
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
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

    private static boolean isId(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The route under {@code slug}: ids from the other project where it has one of that kind, else this project's keys. */
    private static String fill(Route route, String slug, Map<String, String> mine, Map<String, String> foreign, List<String> used) {
        Matcher m = Routes.PARAM.matcher(route.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = route.template().substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String key = segment + "/" + name;
            String value;
            if (name.equals("slug")) {
                value = slug;
            } else if (foreign.containsKey(key)) {
                value = foreign.get(key);
                used.add(key);
            } else if (mine.containsKey(key)) {
                value = mine.get(key);
            } else {
                value = Routes.fill(new Route("GET", "/{" + (m.group(2) == null ? name : name + ":" + m.group(2)) + "}", "",
                        route.javaMethod()), slug).substring(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
