package dev.specboard.web;

import dev.specboard.repo.GitFixture;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused form is shown at the address it was posted to; Back, Reload or a copied link then asked that address by
 * GET and got 405 ("Confirm Form Resubmission", then an error page). A GET there now opens the page that holds the
 * form (303), after the project policy: a non-member still gets 404, no redirect.
 */
@QuarkusTest
class FormAddressRedirectTest {

    @Inject
    TestData data;

    @Inject
    dev.specboard.plan.PlanFixtures plans;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    /**
     * Web POST addresses that may still answer a GET with 405: each names no thing with a page of its own (a row of a
     * list, a thread among others) or is asked only by script (a fragment, a drag). A new POST address is not listed
     * here: it gets a GET that opens the page holding its form (FormAddress), or is added here knowingly.
     */
    private static final Set<String> POST_ONLY = Set.of(
            // rows of a list page, acted on in place
            "/admin/accounts/{username}/access", "/admin/accounts/{username}/password-reset", "/admin/accounts/{username}/role",
            "/notifications/read-all", "/notifications/{id}/read",
            // review threads and their comments live among others on the code pages
            "/projects/{slug}/comments/{id}", "/projects/{slug}/comments/{id}/delete", "/projects/{slug}/threads/{id}/comments",
            "/projects/{slug}/threads/{id}/reopen", "/projects/{slug}/threads/{id}/resolve",
            // asked by script only: a fragment or a drag
            "/markdown/preview", "/projects/new/preview", "/projects/{slug}/specs/form/phases", "/projects/{slug}/design/order",
            "/projects/{slug}/board/limits", "/projects/{slug}/board/move");

    @Test
    void aGetOfAFormsPostAddressOpensThePageThatHoldsTheForm() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        // a plan's and a journey's forms redirect only for one of this project (another's is 404, CrossProjectIdsTest)
        UUID plan;
        try (dev.specboard.repo.GitFixture git = dev.specboard.repo.GitFixture.create()) {
            plans.shop(t.project(), t.owner(), git);
            plan = plans.plan(dev.specboard.plan.PlanFixtures.access(t.project(), t.lead(), dev.specboard.kernel.Role.LEAD), "shop", "Checkout").id;
        }
        String journey = fx.api(t.member()).body(Map.of("name", "Join", "nodes", List.of(), "connections", List.of())).post("/api/v1/projects/" + t.slug() + "/journeys")
                .then().statusCode(201).extract().path("id");
        assertEquals(404, Web.as(t.member()).get(p + "/plans/" + UUID.randomUUID() + "/artifacts").statusCode(), "no such plan");
        assertEquals(404, Web.as(t.member()).get(p + "/journeys/" + UUID.randomUUID() + "/nodes").statusCode(), "no such journey");
        for (String row : List.of("/entities/", "/thinking/", "/work-sessions/", "/context/")) {
            String form = row.equals("/context/") ? "/delete" : row.equals("/work-sessions/") ? "/claim" : "/confirm";
            assertEquals(404, Web.as(t.member()).get(p + row + UUID.randomUUID() + form).statusCode(), "no such row of " + row);
            assertEquals(404, Web.as(t.member()).get(p + row + "not-an-id" + form).statusCode(), "no row has that id on " + row);
        }
        Map<String, String> holders = new LinkedHashMap<>();
        holders.put(p + "/pages", p + "/design");
        holders.put(p + "/tasks/TASK-1-1/complete", p + "/tasks/TASK-1-1");
        holders.put(p + "/tasks/TASK-1-1/claim", p + "/tasks/TASK-1-1");
        holders.put(p + "/plans/" + plan + "/artifacts", p + "/plans/" + plan);
        holders.put(p + "/journeys/" + journey + "/nodes", p + "/journeys/" + journey);
        holders.put(p + "/journeys/" + journey + "/connections", p + "/journeys/" + journey);
        holders.put(p + "/stories/1/request-changes", p + "/stories/1");
        holders.put(p + "/stories/1/submit", p + "/stories/1");
        holders.put(p + "/members/invitations/renew", p + "/members");
        holders.put(p + "/members/invitations/revoke", p + "/members");
        // the rows of a project's list pages (an entity and its field, a thought, a work session, a context item) open their list;
        // a component's work session has its forms on the component's page too, which opens instead (the list once it is deleted)
        Rows rows = rows(t);
        String api = "/api/v1/projects/" + t.slug();
        String projectSession = fx.api(t.member()).body(Map.of("sessionType", "setup", "targetType", "project"))
                .post(api + "/work-sessions").then().statusCode(201).extract().path("id");
        String gone = fx.api(t.member()).body(Map.of("name", "Gone.Web", "type", "controller", "filePath", "src/Gone.java"))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        String orphan = fx.api(t.member()).body(Map.of("sessionType", "test", "targetType", "component", "targetId", gone))
                .post(api + "/work-sessions").then().statusCode(201).extract().path("id");
        fx.api(t.member()).delete(api + "/components/" + gone).then().statusCode(204);
        holders.put(p + "/entities/infer", p + "/entities");
        for (String form : List.of("confirm", "remove", "rename")) {
            holders.put(p + "/entities/" + rows.entity() + "/" + form, p + "/entities");
            holders.put(p + "/entities/" + rows.entity() + "/fields/email/" + form.replace("confirm", "edit"), p + "/entities");
            holders.put(p + "/thinking/" + rows.thought() + "/" + form.replace("remove", "reject").replace("rename", "revise"), p + "/thinking");
        }
        for (String form : List.of("claim", "complete", "fail", "release", "retry")) {
            holders.put(p + "/work-sessions/" + rows.session() + "/" + form, p + "/components/" + rows.component());
            holders.put(p + "/work-sessions/" + projectSession + "/" + form, p + "/work-sessions");
            holders.put(p + "/work-sessions/" + orphan + "/" + form, p + "/work-sessions");
        }
        holders.put(p + "/context/" + rows.item() + "/delete", p + "/context");
        List<String> wrong = new ArrayList<>();
        holders.forEach((address, page) -> {
            Response r = Web.as(t.member()).get(address);
            String location = String.valueOf(r.getHeader("Location")).replaceFirst("^https?://[^/]+", "");
            if (r.statusCode() != 303 || !location.equals(page)) {
                wrong.add("GET " + address + " answered " + r.statusCode() + " to " + location + ", not 303 to " + page);
            }
            Response outsider = Web.as(t.outsider()).get(address);
            if (outsider.statusCode() != 404) {
                wrong.add("an outsider's GET " + address + " answered " + outsider.statusCode() + ", not 404");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(404, Web.as(t.owner()).get(p + "/members/" + UUID.randomUUID() + "/role").statusCode(), "no such member");
        assertEquals(404, Web.as(t.owner()).get(p + "/previews/" + UUID.randomUUID() + "/revoke").statusCode(), "no such preview");

        Response wizard = Web.as(t.member()).get("/projects/new/basics");
        assertEquals(303, wizard.statusCode());
        assertTrue(wizard.getHeader("Location").endsWith("/projects/new?step=basics"), wizard.getHeader("Location"));
        assertEquals(200, Web.as(t.member()).get("/projects/new?step=basics").statusCode(), "the step it leads to is a page");

        assertEquals(200, Web.as(t.member()).get(p + "/design").statusCode(), "the holder opens for the member");
        Response spaced = Web.as(t.member()).get(p + "/tasks/{key}/complete", "TASK 1");
        assertEquals(303, spaced.statusCode());
        assertTrue(spaced.getHeader("Location").endsWith(p + "/tasks/TASK%201"), "a key is kept encoded: " + spaced.getHeader("Location"));
    }

    /**
     * Every web POST address answers a GET: found by scanning the resources, so a new one without a GET fails here
     * unless listed in {@link #POST_ONLY}; each GET opens a page for a member (a 303 to a page that opens) and is 404 for
     * an outsider. Another project's ids under your slug are CrossProjectIdsTest's walk.
     */
    @Test
    void everyWebPostAddressAnswersAGet() {
        List<Route> routes = Routes.all();
        List<Route> gets = routes.stream().filter(r -> r.method().equals("GET")).toList();
        List<String> missing = new ArrayList<>();
        Set<String> stillPostOnly = new TreeSet<>();
        Map<Route, List<String>> walk = new LinkedHashMap<>();
        for (Route post : routes) {
            if (!post.method().equals("POST") || post.api()) {
                continue;
            }
            for (String sample : samples(post.template())) {
                boolean answered = gets.stream().anyMatch(g -> !g.eventStream() && matches(g.template(), sample));
                if (!answered && POST_ONLY.contains(post.template())) {
                    stillPostOnly.add(post.template());
                } else if (!answered) {
                    missing.add(post.describe() + " as " + sample);
                } else if (post.projectScoped() && !POST_ONLY.contains(post.template())) {
                    walk.computeIfAbsent(post, r -> new ArrayList<>()).add(sample);
                }
            }
        }
        assertTrue(missing.isEmpty(), "POST addresses a GET answers with 405 (add a GET that opens the page holding the form, "
                + "FormAddress):\n" + String.join("\n", missing));
        Set<String> stale = new TreeSet<>(POST_ONLY);
        stale.removeAll(stillPostOnly);
        assertTrue(stale.isEmpty(), "listed as POST-only but answering a GET (or gone): " + stale);

        TestData.Team t = data.team();
        Map<String, String> keys;
        try (GitFixture git = GitFixture.create()) {
            keys = ScreenCensusBrowserTest.fillProject(fx, repos, t, git, ScreenCensusBrowserTest.Names.SHORT);
        }
        List<String> wrong = new ArrayList<>();
        walk.forEach((post, samples) -> samples.forEach(sample -> {
            String path = fill(sample, t.slug(), keys, post);
            Response r = Web.as(t.owner()).get(path);
            if (r.statusCode() == 303) {
                String to = r.getHeader("Location").replaceFirst("^https?://[^/]+", "");
                int opened = Web.as(t.owner()).get(to).statusCode();
                if (opened >= 400) {
                    wrong.add("GET " + path + " leads to " + to + ", which answered " + opened);
                }
            } else if (r.statusCode() != 200) {
                wrong.add("GET " + path + " (" + post.describe() + ") answered " + r.statusCode() + ", not 303 to its page");
            }
            int outsider = Web.as(t.outsider()).get(path).statusCode();
            if (outsider != 404) {
                wrong.add("an outsider's GET " + path + " answered " + outsider + ", not 404");
            }
        }));
        assertTrue(walk.size() > 40, "the census found too few web POST addresses: " + walk.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The ids of one row of each list page whose row forms redirect there. */
    record Rows(String entity, String thought, String component, String session, String item) {
    }

    /** A page with a form (an entity with fields, thoughts about them), a component with its work session and a context item. */
    private Rows rows(TestData.Team t) {
        String api = "/api/v1/projects/" + t.slug();
        String page = fx.api(t.member()).body(Map.of("name", "New contact", "path", "/contacts-new")).post(api + "/pages")
                .then().statusCode(201).extract().path("id");
        fx.api(t.member()).body(Map.of("html", dev.specboard.design.EntityFixtures.NEW_CONTACT, "css", "")).post(api + "/pages/" + page + "/mockups")
                .then().statusCode(201);
        List<Map<String, Object>> entities = fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200).extract().path("");
        List<Map<String, Object>> chain = fx.api(t.member()).get(api + "/thinking").then().statusCode(200).extract().path("");
        String component = fx.api(t.member()).body(Map.of("name", "Contacts.Web", "type", "controller", "filePath", "src/Web.java"))
                .post(api + "/components").then().statusCode(201).extract().path("id");
        String session = fx.api(t.member()).body(Map.of("sessionType", "design", "targetType", "component", "targetId", component))
                .post(api + "/work-sessions").then().statusCode(201).extract().path("id");
        String item = fx.api(t.member()).body(Map.of("itemType", "text", "text", "Our users are busy parents."))
                .post(api + "/context-items").then().statusCode(201).extract().path("id");
        return new Rows(entities.stream().filter(e -> "Contact".equals(e.get("entityName"))).findFirst().orElseThrow().get("id").toString(),
                chain.stream().filter(c -> "entity:Contact".equals(c.get("subject"))).findFirst().orElseThrow().get("id").toString(), component,
                session, item);
    }

    /** The template once per word of each {@code {x: a|b|c}} parameter; other parameters stay as they are. */
    private static List<String> samples(String template) {
        List<String> out = new ArrayList<>(List.of(""));
        Matcher m = Routes.PARAM.matcher(template);
        int at = 0;
        while (m.find()) {
            String literal = template.substring(at, m.start());
            String regex = m.group(2) == null ? "" : m.group(2).trim();
            List<String> words = regex.matches("[\\w|-]+") ? List.of(regex.split("\\|")) : List.of(m.group());
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String word : words) {
                    next.add(prefix + literal + word);
                }
            }
            out = next;
            at = m.end();
        }
        String tail = template.substring(at);
        return out.stream().map(p -> p + tail).toList();
    }

    /** Whether a GET template answers this sample (its parameters, still {@code {name}}, stand for any one segment). */
    private static boolean matches(String getTemplate, String sample) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Routes.PARAM.matcher(getTemplate);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(getTemplate.substring(at, m.start()))).append('(').append(m.group(2) == null ? "[^/]+" : m.group(2).trim()).append(')');
            at = m.end();
        }
        regex.append(Pattern.quote(getTemplate.substring(at)));
        String concrete = Routes.PARAM.matcher(sample).replaceAll("x1");
        return Pattern.compile(regex.toString()).matcher(concrete).matches();
    }

    /** The sample with the filled project's keys ({@code pages/id}), else a plausible value for the parameter. */
    private static String fill(String sample, String slug, Map<String, String> keys, Route post) {
        Matcher m = Routes.PARAM.matcher(sample);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = sample.substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value = name.equals("slug") ? slug : keys.getOrDefault(segment + "/" + name,
                    Routes.fill(new Route("GET", "/{" + name + "}", "", post.javaMethod()), slug).substring(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
