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
            "/projects/{slug}/context/{id}/delete",
            "/projects/{slug}/entities/infer", "/projects/{slug}/entities/{id}/confirm", "/projects/{slug}/entities/{id}/remove",
            "/projects/{slug}/entities/{id}/rename", "/projects/{slug}/entities/{id}/fields/{field}/edit",
            "/projects/{slug}/entities/{id}/fields/{field}/remove", "/projects/{slug}/entities/{id}/fields/{field}/rename",
            "/projects/{slug}/thinking/{id}/confirm", "/projects/{slug}/thinking/{id}/reject", "/projects/{slug}/thinking/{id}/revise",
            "/projects/{slug}/work-sessions/{id}/claim", "/projects/{slug}/work-sessions/{id}/complete",
            "/projects/{slug}/work-sessions/{id}/fail", "/projects/{slug}/work-sessions/{id}/release",
            "/projects/{slug}/work-sessions/{id}/retry",
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
        String journey = fx.api(t.member()).body(Map.of("name", "Join")).post("/api/v1/projects/" + t.slug() + "/journeys")
                .then().statusCode(201).extract().path("id");
        assertEquals(404, Web.as(t.member()).get(p + "/plans/" + UUID.randomUUID() + "/artifacts").statusCode(), "no such plan");
        assertEquals(404, Web.as(t.member()).get(p + "/journeys/" + UUID.randomUUID() + "/nodes").statusCode(), "no such journey");
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
            keys = new java.util.HashMap<>(ScreenCensusBrowserTest.fillProject(fx, repos, t, git, ScreenCensusBrowserTest.Names.SHORT));
        }
        // the members' and previews' row forms redirect only for a row of this project (another's is 404)
        keys.put("members/memberId", io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.project.Membership.<dev.specboard.project.Membership>find("project = ?1 and account = ?2", t.project(), t.member())
                        .firstResult().id.toString()));
        keys.put("previews/id", io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.preview.PreviewSession.<dev.specboard.preview.PreviewSession>find("projectId", t.project().id).firstResult().id.toString()));
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
