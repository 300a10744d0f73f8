package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.OtherInstance;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thoughts beyond entities: colour tokens, a feature's data operations, a decision's missing branch; and the inbox's questions. */
@QuarkusTest
class ThoughtSourcesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ThoughtService thoughts;

    @Inject
    FeatureService features;

    @Inject
    JourneyService journeys;

    @Inject
    JourneyNodeService journeyNodes;

    @Inject
    DesignSystemService designSystems;

    static Access as(TestData.Team t, Role r) {
        return new Access(t.project(), r, t.as(r).id);
    }

    static Thought thought(TestData.Team t, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, subject)
                .orElseThrow(() -> new AssertionError("no thought about " + subject)));
    }

    /** The colours of the stored design system, read in a fresh transaction (not the test's cached entity). */
    private List<String> colours(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> designSystems.view(t.project().id).tokens().colors().values().stream()
                .map(DesignTokens.ColorToken::value).toList());
    }

    @Test
    void colourTokensFromMockupsAreThoughtsAndRejectingOneWithdrawsTheToken() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        Thought red = thought(t, "token:#dc2626");
        assertEquals("inference", red.thoughtType);
        assertTrue(red.reasoning.contains("#dc2626"), red.reasoning);
        assertEquals("page", red.sourceKind, "a token's thought names the pages that use it");
        assertTrue(red.sourceNames.contains("Home"), red.sourceNames.toString());
        assertEquals(red.sourceNames.size(), red.sourceIds.size());
        assertTrue(colours(t).stream().anyMatch(c -> c.equals("#dc2626")));

        thoughts.reject(as(t, Role.MEMBER), red.id, null);
        DesignSystemResourceTest.settled(t);
        assertFalse(colours(t).stream().anyMatch(c -> c.equals("#dc2626")),
                "the rejected token left the design system");
        assertEquals("rejected", thought(t, "token:#dc2626").status, "and stays rejected after the recompute");
        assertTrue(colours(t).stream().anyMatch(c -> c.equals("#1e293b")));
    }

    @Test
    void aFeaturesDataOperationsAreInferredFromItsPagesAndRulesAndRejectingOneTakesItOut() {
        TestData.Team t = data.team();
        EntityResourceTest.contactPages(t);
        Feature f = features.create(as(t, Role.MEMBER), new FeatureForm("Contact book", "Keep contacts", "content", "planned",
                List.of("/contacts-new", "/contacts"), List.of(), "", "", "", "", "", "Members can edit contacts", "", "", null));
        Feature.DataOperations ops = QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(f.id).operations());
        assertTrue(ops.creates().contains("Contact"), ops.toString());
        assertTrue(ops.updates().contains("Contact"), ops.toString());
        Thought created = thought(t, "operation:" + f.id + ".creates.Contact");
        assertEquals("page", created.sourceKind);
        assertTrue(created.sourceNames.contains("New contact"), "pages by name, as a colour's thought names them: " + created.sourceNames);
        Thought updated = thought(t, "operation:" + f.id + ".updates.Contact");
        assertEquals("feature", updated.sourceKind, "a business rule's operation comes from its feature");
        assertEquals(List.of(f.id), updated.sourceIds);
        assertEquals(List.of("Contact book"), updated.sourceNames);

        thoughts.reject(as(t, Role.MEMBER), updated.id, null);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(f.id).operations()).updates().contains("Contact"),
                "rejecting the inference takes the operation out");
        Feature again = QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(f.id));
        features.update(as(t, Role.MEMBER), f.id, FeatureForm.of(again, List.of()));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(f.id).operations()).updates().contains("Contact"),
                "a rejected operation is not inferred again");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theThinkingChainLinksWhatEachThoughtCameFromAndShowsADeletedSourceByItsName() throws Exception {
        TestData.Team t = data.team();
        String newContact = PageResourceTest.createPage(t, "New contact", "/contacts-new", null, EntityFixtures.NEW_CONTACT, "");
        String companies = PageResourceTest.createPage(t, "Companies", "/companies", null, EntityFixtures.COMPANIES, "");
        String api = ApiPaths.project(t.slug());
        String base = "/projects/" + t.slug();
        fx.api(t.member()).post(api + "/entities/infer").then().statusCode(200);
        DesignSystemResourceTest.settled(t);

        List<Map<String, Object>> all = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        Map<String, Object> email = EntityResourceTest.thought(all, "field:Contact.email");
        Map<String, Object> source = (Map<String, Object>) email.get("source");
        assertEquals(Map.of("kind", "page", "id", newContact, "name", "New contact", "url", base + "/pages/" + newContact), source);
        assertEquals(List.of(source), email.get("sources"));
        assertEquals("page New contact", email.get("sourceDescription"), "one wording for every source");
        Map<String, Object> observation = all.stream().filter(m -> "observation".equals(m.get("thoughtType"))
                && ((Map<String, Object>) m.get("source")).get("url").equals(base + "/pages/" + companies + "/mockups/1")).findFirst()
                .orElseThrow(() -> new AssertionError("an observation of the Companies mockup in " + all));
        assertEquals("mockup", ((Map<String, Object>) observation.get("source")).get("kind"));
        assertEquals("Companies v1", ((Map<String, Object>) observation.get("source")).get("name"));

        String emailId = (String) email.get("id");
        Document page = Web.html(Web.as(t.viewer()).get(base + "/thinking").then().statusCode(200).extract().response());
        assertEquals("Source: page New contact", page.getElementById("source-" + emailId).text());
        assertEquals(base + "/pages/" + newContact, page.select("#source-" + emailId + " a").attr("href"));
        String observationId = (String) observation.get("id");
        assertEquals("Source: mockup Companies v1", page.getElementById("source-" + observationId).text());
        assertEquals(base + "/pages/" + companies + "/mockups/1", page.select("#source-" + observationId + " a").attr("href"));

        // Decided, so no later inference takes the thought away with its page; then the page goes.
        fx.api(t.member()).post(api + "/thinking/" + emailId + "/confirm").then().statusCode(200);
        assertEquals(1, OtherInstance.update("delete from pages where id = ?", UUID.fromString(newContact)));
        Document after = Web.html(Web.as(t.viewer()).get(base + "/thinking").then().statusCode(200).extract().response());
        assertEquals("Source: page New contact (deleted)", after.getElementById("source-" + emailId).text());
        assertTrue(after.select("#source-" + emailId + " a").isEmpty(), "no link to a page that is gone");
        Map<String, Object> gone = (Map<String, Object>) EntityResourceTest.thought(
                fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path(""), "field:Contact.email").get("source");
        assertEquals("New contact", gone.get("name"));
        assertEquals(newContact, gone.get("id"));
        assertTrue(gone.containsKey("url") && gone.get("url") == null, gone.toString());
    }

    @Test
    void theThinkingChainReadsItsSourcesInAConstantNumberOfStatements() {
        TestData.Team t = data.team();
        UUID page = UUID.fromString(PageResourceTest.createPage(t, "Home", "/", null, "<main><h1>Hi</h1></main>", ""));
        UUID mockup = QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(page).currentMockupId);
        UUID feature = UUID.fromString(fx.api(t.member()).body(Map.of("name", "Greeting", "userDescription", "Say hi"))
                .post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201).extract().path("id"));
        UUID journey = decisionJourney(t);
        List<ThoughtSource> kinds = List.of(ThoughtSource.of("page", page, "Home"), ThoughtSource.of("mockup", mockup, "Home v1"),
                ThoughtSource.of("feature", feature, "Greeting"), ThoughtSource.of("journey", journey, "Sign in"),
                new ThoughtSource("page", List.of(page, UUID.randomUUID()), List.of("Home", "Deleted")));
        seedSourced(t, kinds, 0, 5);
        String html = "/projects/" + t.slug() + "/thinking";
        String json = ApiPaths.project(t.slug(), "/thinking");
        Web.as(t.viewer()).get(html).then().statusCode(200);
        long pageFew = SqlCounter.count(() -> Web.as(t.viewer()).get(html).then().statusCode(200));
        long apiFew = SqlCounter.count(() -> fx.api(t.viewer()).get(json).then().statusCode(200));
        seedSourced(t, kinds, 5, 50);
        long pageMany = SqlCounter.count(() -> Web.as(t.viewer()).get(html).then().statusCode(200));
        long apiMany = SqlCounter.count(() -> fx.api(t.viewer()).get(json).then().statusCode(200));
        assertEquals(pageFew, pageMany, "the thinking page");
        assertEquals(apiFew, apiMany, "the API's list");
        // The page's own analysis added thoughts too: the 50 seeded ones spill onto a second page.
        Document shown = Web.html(Web.as(t.viewer()).get(html));
        shown.body().append(Web.html(Web.as(t.viewer()).get(html + "?page=2")).body().html());
        assertEquals(10, shown.select("p[id^=source-] a[href=/projects/" + t.slug() + "/features/" + feature + "]").size());
        assertEquals(10, shown.select("p[id^=source-] a[href=/projects/" + t.slug() + "/pages/" + page + "/mockups/1]").size());
        assertEquals(10, shown.select("p[id^=source-] .source-gone").size(), "a source deleted since shows its name");

        // The API answers the whole chain, or 50 a page when asked (MCP list_thinking too).
        List<String> whole = fx.api(t.viewer()).get(json).then().statusCode(200).extract().path("id");
        List<String> first = fx.api(t.viewer()).get(json + "?page=1").then().statusCode(200).extract().path("id");
        List<String> second = fx.api(t.viewer()).get(json + "?page=2").then().statusCode(200).extract().path("id");
        assertTrue(whole.size() > 50, "seeded and inferred: " + whole.size());
        assertEquals(whole.subList(0, 50), first);
        assertEquals(whole.subList(50, whole.size()), second);
        assertEquals(List.of(), fx.api(t.viewer()).get(json + "?page=3").then().statusCode(200).extract().path("id"));
        String token = fx.token(t.viewer());
        String session = dev.specboard.support.Mcp.initialize(token);
        String mcpSecond = dev.specboard.support.Mcp.answer(token, session, "list_thinking", false, "project", t.slug(), "page", 2);
        assertTrue(mcpSecond.contains(whole.get(whole.size() - 1)) && !mcpSecond.contains(whole.get(0)), mcpSecond);
    }

    /**
     * V0740 turns the old free text into sources: pages by name (colour tokens) and by path (entities), a page's
     * mockup, a journey, a business rule's feature; a text naming nothing found keeps its words. Runs the migration's
     * backfill again on thoughts written as before it.
     */
    @Test
    void theMigrationTurnsTheOldSourceTextIntoLinksAndKeepsTheTextItCannotMap() throws Exception {
        TestData.Team t = data.team();
        String home = PageResourceTest.createPage(t, "Home", "/", null, "<main><h1>Hi</h1></main>", "");
        String lessons = PageResourceTest.createPage(t, "Lessons", "/lessons", null, "<main><h1>Lessons</h1></main>", "");
        UUID journey = decisionJourney(t);
        UUID feature = UUID.fromString(fx.api(t.member()).body(Map.of("name", "Greeting", "userDescription", "Say hi"))
                .post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201).extract().path("id"));
        UUID mockup = QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(UUID.fromString(lessons)).currentMockupId);
        Map<String, String> old = new java.util.LinkedHashMap<>();
        old.put("token:#old", "pages Home, Lessons");
        old.put("field:Old.name", "pages /lessons");
        old.put("observation:old", "the mockup of /lessons");
        old.put("branch:old", "the journey Sign in");
        old.put("operation:" + feature + ".updates.Old", "business rule: Members can edit olds");
        old.put("entity:Gone", "pages /gone, /lessons");
        old.put("question:Odd", "somewhere else");
        QuarkusTransaction.requiringNew().run(() -> old.forEach((subject, text) -> {
            Thought th = new Thought();
            th.projectId = t.project().id;
            th.thoughtType = "inference";
            th.reasoning = "From before";
            th.subjectKey = subject;
            th.sourceDescription = text;
            th.persist();
        }));

        String sql;
        try (java.io.InputStream in = getClass().getResourceAsStream("/db/migration/V0740__design_structure_thought_sources.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (java.sql.Connection c = OtherInstance.connect(); java.sql.Statement st = c.createStatement()) {
            for (String statement : sql.split(";\n")) {
                if (!statement.isBlank() && !statement.contains("ALTER TABLE")) {
                    st.executeUpdate(statement);
                }
            }
        }

        Thought token = thought(t, "token:#old");
        assertEquals("page", token.sourceKind);
        assertEquals(List.of(UUID.fromString(home), UUID.fromString(lessons)), token.sourceIds);
        assertEquals(List.of("Home", "Lessons"), token.sourceNames);
        assertNull(token.sourceDescription);
        assertEquals(List.of(UUID.fromString(lessons)), thought(t, "field:Old.name").sourceIds, "a page by its path");
        Thought observation = thought(t, "observation:old");
        assertEquals("mockup", observation.sourceKind);
        assertEquals(List.of(mockup), observation.sourceIds);
        assertEquals(List.of("Lessons v1"), observation.sourceNames);
        assertEquals(List.of(journey), thought(t, "branch:old").sourceIds);
        assertEquals("journey", thought(t, "branch:old").sourceKind);
        Thought rule = thought(t, "operation:" + feature + ".updates.Old");
        assertEquals("feature", rule.sourceKind);
        assertEquals(List.of(feature), rule.sourceIds);
        for (String unmapped : List.of("entity:Gone", "question:Odd")) {
            Thought th = thought(t, unmapped);
            assertNull(th.sourceKind, unmapped);
            assertEquals(old.get(unmapped), th.sourceDescription, "the old text stays when not all of it is found");
        }
        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").then().statusCode(200).extract().response());
        assertEquals("Source: pages Home, Lessons", page.getElementById("source-" + token.id).text());
        assertEquals("Source: somewhere else", page.getElementById("source-" + thought(t, "question:Odd").id).text());
    }

    /** Thoughts {@code from} to {@code to} (exclusive), their sources taken from {@code kinds} in turn. */
    private static void seedSourced(TestData.Team t, List<ThoughtSource> kinds, int from, int to) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = from; i < to; i++) {
                Thought th = new Thought();
                th.projectId = t.project().id;
                th.thoughtType = "observation";
                th.reasoning = "Seen " + i;
                th.subjectKey = "observation:seeded-" + i;
                th.source(kinds.get(i % kinds.size()));
                th.persist();
            }
        });
    }

    private UUID decisionJourney(TestData.Team t) {
        return journeys.create(as(t, Role.MEMBER), new JourneyForm("Sign in", "user", "", false, null), List.of(
                        new NodeForm("ask", "decision", "", "", "Known email?", "Yes, No, Maybe", "", "", "", null, "true", ""),
                        new NodeForm("home", "action", "Home", "", "", "", "", "", "", "true", null, ""),
                        new NodeForm("later", "action", "Later", "", "", "", "", "", "", "true", null, "")),
                List.of(new JourneyService.ConnectionInput("ask", "home", null, null, "Yes"))).id;
    }

    @Test
    void aDecisionsMissingBranchIsAQuestionInTheDesignersInboxAndAnsweringClosesIt() {
        TestData.Team t = data.team();
        UUID flow = decisionJourney(t);
        Thought no = thought(t, "branch:" + flow + ".ask.No");
        Thought maybe = thought(t, "branch:" + flow + ".ask.Maybe");
        assertEquals("question", no.thoughtType);
        assertTrue(no.needsAnswer);
        assertTrue(no.reasoning.contains("What happens when the answer is \u201cNo\u201d?"), no.reasoning);

        Document inbox = Web.html(Web.as(t.member()).get("/inbox").then().statusCode(200).extract().response());
        assertNotNull(inbox.getElementById("inbox-question-" + t.slug() + "-" + no.id), inbox.select("#inbox-items").outerHtml());
        assertEquals("/projects/" + t.slug() + "/thinking?status=review#answer-" + no.id,
                inbox.select("#inbox-question-" + t.slug() + "-" + no.id + " a.answer").attr("href"));
        assertNull(Web.html(Web.as(t.reviewer()).get("/inbox")).getElementById("inbox-question-" + t.slug() + "-" + no.id),
                "a reviewer is not one of the project's designers");

        Web.as(t.member()).formParam("feedback", "Ask for the email again").post("/projects/" + t.slug() + "/thinking/" + no.id + "/revise")
                .then().statusCode(303);
        Thought answered = thought(t, "branch:" + flow + ".ask.No");
        assertEquals("revised", answered.status);
        assertFalse(answered.needsAnswer);
        assertEquals("Ask for the email again", answered.userFeedback);
        assertNull(Web.html(Web.as(t.member()).get("/inbox")).getElementById("inbox-question-" + t.slug() + "-" + no.id), "answered: gone");

        journeyNodes.connect(as(t, Role.MEMBER), flow, new ConnectionForm("ask", "later", "Maybe", null, null));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "branch:" + flow + ".ask.Maybe")).isEmpty(),
                "connecting the branch answers the question it raised");
        assertNotNull(maybe.id);
    }

    @Test
    void theInboxReadsQuestionsInAConstantNumberOfStatements() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        decisionJourney(small);
        for (int i = 0; i < 10; i++) {
            decisionJourney(large);
        }
        Web.as(small.member()).get("/inbox").then().statusCode(200);
        long few = SqlCounter.count(() -> Web.as(small.member()).get("/inbox").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(large.member()).get("/inbox").then().statusCode(200));
        assertEquals(few, many);
        assertEquals(20, Web.html(Web.as(large.member()).get("/inbox")).select("li[id^=inbox-question-]").size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageShowsItsFeaturesStoriesSpecsAndTasksAndAStoryShowsWhereItCameFrom() {
        TestData.Team t = data.team();
        String page = PageResourceTest.createPage(t, "Checkout", "/checkout", null, "<main><h1>Pay</h1></main>", "");
        String project = ApiPaths.project(t.slug());
        int story = fx.api(t.member()).body(Map.of("title", "Pay by card", "description", "d")).post(project + "/stories")
                .then().statusCode(201).extract().path("number");
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(story, "Card payments", List.of(), "api", "ui")).post(project + "/specs").then().statusCode(201);
        String feature = fx.api(t.member()).body(Map.of("name", "Payments", "userDescription", "Pay", "affectedPages", List.of("/checkout"),
                "storyNumbers", List.of(story))).post(project + "/features").then().statusCode(201).extract().path("id");

        Document trace = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/trace").then().statusCode(200).extract().response());
        assertNotNull(trace.getElementById("trace-feature-" + feature));
        assertTrue(trace.getElementById("trace-story-" + feature + "-" + story).text().contains("Pay by card"));
        String spec = trace.select("[id^=trace-spec-" + feature + "-SPEC-]").attr("id").substring(("trace-spec-" + feature + "-").length());
        assertTrue(trace.getElementById("trace-spec-" + feature + "-" + spec).text().contains("0 of 2 tasks done"));
        String task = "TASK-" + spec.substring(5) + "-1";
        assertEquals(task + " Pending", trace.getElementById("trace-task-" + feature + "-" + task).text());
        // The page screen loads the same thread (htmx asks for the fragment only).
        Document fragment = Web.html(Web.as(t.viewer()).header("HX-Request", "true").get("/projects/" + t.slug() + "/pages/" + page + "/trace"));
        assertNull(fragment.selectFirst("nav.breadcrumb"));
        assertNotNull(fragment.getElementById("trace-feature-" + feature));
        assertNotNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page)).getElementById("trace-link"));

        Document storyPage = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/stories/" + story).then().statusCode(200).extract().response());
        assertEquals(List.of("feature Payments", "page Checkout /checkout"), storyPage.select("#story-origins li").eachText());
        assertEquals(404, Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/nope/trace").statusCode());
    }

    @Test
    void aKeptStoryPageShowsNewOriginsAndTheirRenamesAtOnce() throws Exception {
        TestData.Team t = data.team();
        String page = PageResourceTest.createPage(t, "Checkout", "/checkout", null, "<main><h1>Pay</h1></main>", "");
        String project = ApiPaths.project(t.slug());
        int story = fx.api(t.member()).body(Map.of("title", "Pay by card", "description", "d")).post(project + "/stories")
                .then().statusCode(201).extract().path("number");
        String url = "/projects/" + t.slug() + "/stories/" + story;
        assertTrue(Web.html(Web.as(t.viewer()).get(url)).select("#story-origins li").isEmpty());
        String feature = fx.api(t.member()).body(Map.of("name", "Payments", "userDescription", "Pay", "affectedPages", List.of("/checkout"),
                "storyNumbers", List.of(story))).post(project + "/features").then().statusCode(201).extract().path("id");
        assertEquals(List.of("feature Payments", "page Checkout /checkout"), Web.html(Web.as(t.viewer()).get(url)).select("#story-origins li").eachText());
        assertEquals(1, OtherInstance.update("update features set name = 'Card payments' where id = ?", UUID.fromString(feature)));
        assertEquals(1, OtherInstance.update("update pages set name = 'Pay' where id = ?", UUID.fromString(page)));
        assertEquals(List.of("feature Card payments", "page Pay /checkout"), Web.html(Web.as(t.viewer()).get(url)).select("#story-origins li").eachText());
        assertEquals(1, OtherInstance.update("delete from feature_stories where feature_id = ?", UUID.fromString(feature)));
        assertTrue(Web.html(Web.as(t.viewer()).get(url)).select("#story-origins li").isEmpty());
    }

    @Test
    void theTraceReadsInAConstantNumberOfStatements() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        String smallPage = tracedPage(small, 1);
        String largePage = tracedPage(large, 10);
        long few = SqlCounter.count(() -> Web.as(small.viewer()).get("/projects/" + small.slug() + "/pages/" + smallPage + "/trace").then().statusCode(200));
        long many = SqlCounter.count(() -> Web.as(large.viewer()).get("/projects/" + large.slug() + "/pages/" + largePage + "/trace").then().statusCode(200));
        assertEquals(few, many);
        assertEquals(10, Web.html(Web.as(large.viewer()).get("/projects/" + large.slug() + "/pages/" + largePage + "/trace"))
                .select("li[id^=trace-feature-]").size());
    }

    private String tracedPage(TestData.Team t, int features) {
        String page = PageResourceTest.createPage(t, "Traced", "/traced", null, "<main><h1>T</h1></main>", "");
        String project = ApiPaths.project(t.slug());
        for (int i = 0; i < features; i++) {
            int story = fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "d")).post(project + "/stories")
                    .then().statusCode(201).extract().path("number");
            fx.api(t.lead()).body(SpecApiFixtures.hierarchical(story, "Spec " + i, List.of(), "api", "ui")).post(project + "/specs").then().statusCode(201);
            fx.api(t.member()).body(Map.of("name", "Feature " + i, "userDescription", "F", "affectedPages", List.of("/traced"),
                    "storyNumbers", List.of(story))).post(project + "/features").then().statusCode(201);
        }
        return page;
    }
}
