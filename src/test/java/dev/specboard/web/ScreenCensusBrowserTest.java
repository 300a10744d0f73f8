package dev.specboard.web;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Browser;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A census of the screens: opens every page the application serves (every GET route that answers a whole
 * page, found by scanning the resources, with the keys of a project that has data everywhere) in a real
 * browser and fails on any Content-Security-Policy violation, console error or htmx error. A new screen is
 * covered without editing this test; a new kind of path parameter makes it fail until it learns to fill it.
 */
@QuarkusTest
class ScreenCensusBrowserTest {

    /** Routes that are not screens: the event stream. */
    private static final Set<String> NOT_SCREENS = Set.of("/events");

    private static final String LONG_PATH = "src/main/java/dev/specboard/accounts/passwordreset/PasswordResetTokenRepositoryImplementation.java";

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    RepoTestSupport repos;

    @Test
    void everyScreenOpensWithoutPolicyViolationsOrErrors() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString())) {
            List<String> visited = new ArrayList<>();
            List<String> failures = visitEveryScreen(team, git, b, visited, path -> { });

            assertTrue(visited.size() >= 30, "the census found too few screens: " + visited);
            assertTrue(visited.contains("/projects/" + team.slug() + "/board"), visited.toString());
            assertTrue(visited.contains("anonymous /login"), visited.toString());
            assertTrue(failures.isEmpty(), "Screens with errors (" + visited.size() + " visited):\n" + String.join("\n", failures));
        }
    }

    @Test
    void everyScreenFitsAPhoneWithoutScrollingSideways() {
        TestData.Team team = data.team();
        try (GitFixture git = GitFixture.create(); Browser b = Browser.open(base.toString(), 360)) {
            List<String> visited = new ArrayList<>();
            List<String> failures = visitEveryScreen(team, git, b, visited, path -> b.assertFitsWidth());

            assertTrue(visited.size() >= 30, "the census found too few screens: " + visited);
            assertTrue(failures.isEmpty(), "Screens wider than 360 px (" + visited.size() + " visited):\n" + String.join("\n", failures));
        }
    }

    @Test
    void aNarrowBrowserReallyIsNarrowAndNoticesAPageThatScrollsSideways() {
        Account a = data.account("narrow");
        try (Browser b = Browser.open(base.toString(), 360)) {
            b.login(a.username, TestData.PASSWORD);
            assertEquals(360L, ((Number) b.js("return window.innerWidth;")).longValue());
            assertEquals(740L, ((Number) b.js("return window.innerHeight;")).longValue());
            b.assertFitsWidth();
            b.js("var d = document.createElement('div'); d.id = 'too-wide'; d.className = 'sticks-out'; document.querySelector('main').appendChild(d);"
                    + "d.style.width = '600px'; d.style.height = '10px';");
            AssertionError e = assertThrows(AssertionError.class, b::assertFitsWidth);
            assertTrue(e.getMessage().contains("div#too-wide"), e.getMessage());
        }
    }

    /**
     * Fills a project, then opens every screen as its owner and anonymously, running the check on each; answers the
     * policy violations, errors and failed checks, each prefixed with its path.
     */
    private List<String> visitEveryScreen(TestData.Team team, GitFixture git, Browser b, List<String> visited, Consumer<String> check) {
        return visitEveryScreen(team, fillProject(fx, repos, team, git, Names.SHORT), b, visited, check);
    }

    /** Opens every screen of the filled project as its owner and anonymously; answers the failures, each prefixed with its path. */
    static List<String> visitEveryScreen(TestData.Team team, Map<String, String> keys, Browser b, List<String> visited, Consumer<String> check) {
        List<String> failures = new ArrayList<>();
        b.login(team.owner().username, TestData.PASSWORD);
        for (String path : pages(() -> Web.as(team.owner()), keys)) {
            visit(b, path, path, visited, failures, check);
        }
        b.driver.manage().deleteAllCookies();
        for (String path : pages(() -> RestAssured.given().redirects().follow(false), keys)) {
            visit(b, path, "anonymous " + path, visited, failures, check);
        }
        return failures;
    }

    static void visit(Browser b, String path, String name, List<String> visited, List<String> failures, Consumer<String> check) {
        b.go(path);
        visited.add(name);
        try {
            check.accept(path);
        } catch (AssertionError e) {
            failures.add(name + ": " + e.getMessage());
        }
        b.problems().forEach(p -> failures.add(name + ": " + p));
    }

    @Test
    void theBrowserReportsPolicyViolationsConsoleErrorsAndHtmxErrors() {
        Account a = data.account("census");
        try (Browser b = Browser.open(base.toString())) {
            b.login(a.username, TestData.PASSWORD);
            b.js("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s);"
                    + "document.body.setAttribute('style', 'color: red');"
                    + "console.error('a console error');"
                    + "htmx.ajax('GET', '/no-such-fragment', {target: '#flash'});");
            b.waitForHtmx();
            List<String> problems = b.problems();
            assertEquals(Boolean.FALSE, b.js("return window.inlineRan === true;"), "the policy stops inline scripts");
            assertTrue(problems.stream().anyMatch(p -> p.contains("CSP violation: script-src")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("CSP violation: style-src")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("a console error")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("Response Status Error Code 404")), "htmx:responseError: " + problems);
        }
    }

    /** Every GET route that answers this client with a whole page (not a fragment, not a redirect). */
    static List<String> pages(Supplier<RequestSpecification> client, Map<String, String> keys) {
        List<String> pages = new ArrayList<>();
        for (Route route : Routes.all()) {
            if (!route.method().equals("GET") || route.api() || route.eventStream() || NOT_SCREENS.contains(route.template())) {
                continue;
            }
            String path = fill(route, keys);
            Response r = client.get().get(path);
            if (r.statusCode() == 200 && String.valueOf(r.getContentType()).startsWith("text/html") && r.asString().contains("<html")) {
                pages.add(path);
            }
        }
        return pages;
    }

    private static String fill(Route route, Map<String, String> keys) {
        Matcher m = Routes.PARAM.matcher(route.template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = route.template().substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String value = keys.get(segment + "/" + m.group(1));
            if (value == null) {
                value = keys.get(m.group(1));
            }
            assertTrue(value != null, "The census does not know how to fill {" + m.group(1) + "} after /" + segment + "/ in "
                    + route.describe() + ": add a real key to fillProject");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The names a filled project gives its things: the census's short ones, or long unbreakable ones to see that
     * every screen still fits a phone. A thing's name is its base name followed by the suffix.
     */
    record Names(String storyTitle, String suffix, String path, String branch) {
        static final Names SHORT = new Names("Reset my password", "", LONG_PATH, "main");

        String name(String base) {
            return base + suffix;
        }
    }

    /**
     * A project with something on every screen: stories (one in two versions, approved by the lead), a context, two
     * dependent components with an approved design doc and a work session, a spec with tasks, a synced
     * repository with a review thread, and a project colour. Answers the key of each path parameter.
     */
    static Map<String, String> fillProject(SpecApiFixtures fx, RepoTestSupport repos, TestData.Team team, GitFixture git, Names n) {
        String token = fx.token(team.owner());
        String leadToken = fx.token(team.lead());
        Supplier<RequestSpecification> api = () -> RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
        Supplier<RequestSpecification> lead = () -> RestAssured.given().header("Authorization", "Bearer " + leadToken).contentType(ContentType.JSON);
        String slug = team.slug();
        String project = "/api/v1/projects/" + slug;
        String story = "/api/v1/projects/" + slug + "/stories";
        api.get().body(Map.of("title", n.storyTitle(), "description", "As a user I want to reset it.",
                "acceptanceCriteria", "- WHEN I ask THE SYSTEM SHALL email a link")).post(story).then().log().ifValidationFails().statusCode(201);
        api.get().body(Map.of("title", n.storyTitle(), "description", "As a user I want to reset it by email.",
                "acceptanceCriteria", "- WHEN I ask THE SYSTEM SHALL email a link valid for one hour", "version", 1))
                .put(story + "/1").then().log().ifValidationFails().statusCode(200);
        api.get().post(story + "/1/submit").then().log().ifValidationFails().statusCode(200);
        lead.get().post(story + "/1/approve").then().log().ifValidationFails().statusCode(200);
        api.get().body(Map.of("title", n.name("Invoices"), "description", "Draft")).post(story).then().log().ifValidationFails().statusCode(201);

        String context = api.get().body(Map.of("name", n.name("Billing"), "type", "domain", "purpose", "Money in", "description", "All payments"))
                .post(project + "/contexts").then().log().ifValidationFails().statusCode(201).extract().path("id");
        api.get().body(Map.of("storyNumber", 1)).post(project + "/contexts/" + context + "/stories").then().log().ifValidationFails().statusCode(201);

        String first = api.get().body(Map.of("name", n.name("Accounts.Web"), "type", "controller", "filePath", "src/Web.java",
                "contextId", context, "description", "Web layer")).post(project + "/components").then().log().ifValidationFails().statusCode(201).extract().path("id");
        String second = api.get().body(Map.of("name", n.name("Accounts.Repo"), "type", "schema", "filePath", "src/Repo.java",
                "description", "Storage")).post(project + "/components").then().log().ifValidationFails().statusCode(201).extract().path("id");
        api.get().body(Map.of("dependsOn", second)).post(project + "/components/" + first + "/dependencies").then().log().ifValidationFails().statusCode(201);
        api.get().body(Map.of("content", "# Web\nFirst version.")).put(project + "/components/" + first + "/design-doc").then().log().ifValidationFails().statusCode(200);
        api.get().body(Map.of("content", "# Web\nSecond version.", "version", 1)).put(project + "/components/" + first + "/design-doc")
                .then().log().ifValidationFails().statusCode(200);
        lead.get().post(project + "/components/" + first + "/design-doc/approve").then().log().ifValidationFails().statusCode(200);
        String session = api.get().body(Map.of("sessionType", "design", "targetType", "component", "targetId", first))
                .post(project + "/work-sessions").then().log().ifValidationFails().statusCode(201).extract().path("id");

        // Long unbreakable values, as real projects have them: paths, branches, commit SHAs.
        Map<String, Object> spec = SpecApiFixtures.hierarchical(1, n.name("Password reset"), List.of(), "database", "api");
        spec.put("phases", List.of(
                Map.of("name", n.name("database").toLowerCase(), "description", n.name("Tables"), "hours", 2, "content", "## Tables", "assignedFiles", List.of(n.path())),
                Map.of("name", n.name("api").toLowerCase(), "description", n.name("Endpoints"), "hours", 3, "content", "## Endpoints",
                        "assignedFiles", List.of("src/main/java/dev/specboard/accounts/passwordreset/PasswordResetResource.java"))));
        api.get().body(spec).post(project + "/specs").then().log().ifValidationFails().statusCode(201);

        git.commit("first", "src/App.java", GitFixture.lines(30));
        String sha = git.commit("reset tokens", n.path(), GitFixture.lines(30) + "    private static final String A_VERY_LONG_CONSTANT_NAME_THAT_NEVER_ENDS = \"x\";\n");
        if (!n.branch().equals("main")) {
            git.branch(n.branch());
        }
        Repo repo = repos.add(team.project(), team.owner(), "app", git.url(), n.branch());
        assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
        api.get().body(Map.of("path", "src/App.java", "lineStart", 3, "lineEnd", 4, "body", "Why **this**?"))
                .post(project + "/repos/app/threads").then().log().ifValidationFails().statusCode(201);
        api.get().body(Map.of("path", n.path(), "lineStart", 2, "lineEnd", 2, "body", "Rename `A_VERY_LONG_CONSTANT_NAME_THAT_NEVER_ENDS`?"))
                .post(project + "/repos/app/threads").then().log().ifValidationFails().statusCode(201);
        api.get().post(project + "/tasks/TASK-1-1/claim").then().log().ifValidationFails().statusCode(200);
        api.get().post(project + "/tasks/TASK-1-1/start").then().log().ifValidationFails().statusCode(200);
        api.get().body(Map.of("commitSha", sha)).post(project + "/tasks/TASK-1-1/complete").then().log().ifValidationFails().statusCode(200);
        api.get().post(project + "/tasks/TASK-1-2/claim").then().log().ifValidationFails().statusCode(200);
        api.get().body(Map.of("body", "Half of the endpoints answer; `" + n.path() + "` is next.")).post(project + "/tasks/TASK-1-2/notes")
                .then().log().ifValidationFails().statusCode(201);

        String feature = api.get().body(Map.of("userDescription", "Members use it", "name", n.name("Reset passwords"), "storyNumbers", List.of(1), "businessRules", List.of("links expire")))
                .post(project + "/features").then().log().ifValidationFails().statusCode(201).extract().path("id");
        String journey = api.get().body(Map.of("name", n.name("Reset"), "nodes", List.of(Map.of("key", "ask", "nodeType", "decision",
                        "data", Map.of("question", "Known email?", "branches", List.of("Yes", "No"))), Map.of("key", "done", "nodeType", "action",
                        "data", Map.of("label", "Email sent", "end", true))), "connections", List.of(Map.of("from", "ask", "to", "done", "label", "Yes"))))
                .post(project + "/journeys").then().log().ifValidationFails().statusCode(201).extract().path("id");

        QuarkusTransaction.requiringNew().run(() -> Project.<Project>findById(team.project().id).color = "#336699");

        String plan = api.get().body(Map.of("name", n.name("Checkout"), "targetBranch", n.branch()))
                .post(project + "/repos/app/plans").then().log().ifValidationFails().statusCode(201).extract().path("id");
        String artifact = api.get().body(Map.of("artifactType", "feature_plan", "content", dev.specboard.plan.PlanFixtures.FEATURE_PLAN))
                .post(project + "/plans/" + plan + "/artifacts").then().log().ifValidationFails().statusCode(201).extract().path("id");
        String page = api.get().body(Map.of("name", n.name("Home"), "path", "/", "purpose", "Start here"))
                .post(project + "/pages").then().log().ifValidationFails().statusCode(201).extract().path("id");
        api.get().body(Map.of("html", "<main><h1>Home</h1><button class='btn'>Go</button></main>", "css", ".btn { color: #336699 }"))
                .post(project + "/pages/" + page + "/mockups").then().log().ifValidationFails().statusCode(201);
        // a page with a form, so that the entity model has an entity with fields and the thinking chain thoughts about them
        String form = api.get().body(Map.of("name", n.name("New contact"), "path", "/contacts-new", "purpose", "Add a contact"))
                .post(project + "/pages").then().log().ifValidationFails().statusCode(201).extract().path("id");
        api.get().body(Map.of("html", dev.specboard.design.EntityFixtures.NEW_CONTACT, "css", ""))
                .post(project + "/pages/" + form + "/mockups").then().log().ifValidationFails().statusCode(201);
        List<Map<String, Object>> inferred = api.get().post(project + "/entities/infer").then().log().ifValidationFails().statusCode(200).extract().path("");
        String entity = inferred.stream().filter(e -> "Contact".equals(e.get("entityName"))).findFirst().orElseThrow().get("id").toString();
        List<Map<String, Object>> chain = api.get().get(project + "/thinking").then().log().ifValidationFails().statusCode(200).extract().path("");
        String thought = chain.stream().filter(t -> "entity:Contact".equals(t.get("subject"))).findFirst().orElseThrow().get("id").toString();
        String item = api.get().body(Map.of("itemType", "text", "text", "Our users are busy parents."))
                .post(project + "/context-items").then().log().ifValidationFails().statusCode(201).extract().path("id");
        String previewToken = api.get().body(Map.of("pagePath", "/", "hours", 2))
                .post(project + "/previews").then().log().ifValidationFails().statusCode(201).extract().path("token");
        String job = api.get().body(Map.of("type", "DOCS", "params", Map.of("repo", "app", "path", "src")))
                .post(project + "/jobs").then().log().ifValidationFails().statusCode(202).extract().path("id");
        String refactor = api.get().body(Map.of("symbol", "App", "newName", "Application"))
                .post(project + "/repos/app/refactors").then().log().ifValidationFails().statusCode(202).extract().path("id");

        String invitationLink = dev.specboard.support.Web.html(dev.specboard.support.Web.as(team.owner())
                        .contentType("application/x-www-form-urlencoded").formParam("who", TestData.unique("invited") + "@example.test")
                        .formParam("role", "member").post("/projects/" + slug + "/members"))
                .getElementById("invite-link").val();

        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("slug", slug);
        keys.put("invitations/token", invitationLink.substring(invitationLink.lastIndexOf('/') + 1));
        keys.put("password-reset/code", dev.specboard.support.Mails.resetCode(team.member()));
        keys.put("stories/number", "1");
        keys.put("specs/key", "SPEC-1");
        keys.put("tasks/key", "TASK-1-1");
        keys.put("contexts/id", context);
        keys.put("components/id", first);
        keys.put("repos/name", "app");
        keys.put("tree/path", "src");
        keys.put("blob/path", n.path());
        keys.put("raw/path", n.path());
        keys.put("newer/path", n.path());
        keys.put("plans/id", plan);
        keys.put("artifacts/artifactId", artifact);
        keys.put("pages/id", page);
        keys.put("mockups/version", "1");
        keys.put("context/id", item);
        keys.put("entities/id", entity);
        keys.put("fields/field", "email");
        keys.put("thinking/id", thought);
        keys.put("questions/id", thought);
        keys.put("work-sessions/id", session);
        keys.put("preview/token", previewToken);
        keys.put("pages/index", "0");
        keys.put("jobs/id", job);
        keys.put("refactors/id", refactor);
        keys.put("plan/type", "feature_plan");
        keys.put("features/id", feature);
        keys.put("journeys/id", journey);
        keys.put("wizards/type", "page-creator");
        keys.put("people/username", team.lead().username);
        // A GET of a form's POST address leads to the page that holds the form: a redirect, not a screen of its own.
        keys.put("new/step", "basics");
        keys.put("action", "complete");
        keys.put("form", "nodes");
        keys.put("step", "page");
        keys.put("tokens/id", java.util.UUID.randomUUID().toString());
        keys.put("nodes/key", "home");
        keys.put("connections/index", "0");
        keys.put("dependencies/dependsOn", first);
        keys.put("contexts/contextId", context);
        keys.put("messages/messageId", java.util.UUID.randomUUID().toString());
        // the members' and previews' row forms redirect to their list page, only for a row of this project
        keys.put("members/memberId", QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.project.Membership.<dev.specboard.project.Membership>find("project = ?1 and account = ?2", team.project(), team.member())
                        .firstResult().id.toString()));
        keys.put("previews/id", QuarkusTransaction.requiringNew().call(() ->
                dev.specboard.preview.PreviewSession.<dev.specboard.preview.PreviewSession>find("projectId", team.project().id).firstResult().id.toString()));
        return keys;
    }
}
