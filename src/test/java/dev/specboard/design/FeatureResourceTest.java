package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FeatureResourceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    static String createFeature(TestData.Team t, String name, String pageId, String rules) {
        var req = Web.as(t.member()).formParam("name", name).formParam("userDescription", "Teachers can share " + name)
                .formParam("category", "content").formParam("status", "planned").formParam("creates", "Lesson, Activity")
                .formParam("reads", "Subject").formParam("updates", "").formParam("deletes", "Draft")
                .formParam("uiRequirements", "share button\nsuccess message").formParam("businessRules", rules)
                .formParam("technicalNeeds", "rich_text").formParam("storyNumbers", "");
        if (pageId != null) {
            req = req.formParam("pages", pageId);
        }
        Response r = req.post("/projects/" + t.slug() + "/features");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The API names the journeys a feature requires beside their ids, and takes them by name as well as by id. */
    @Test
    void requiredJourneysAreNamedAndCanBeGivenByName() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String signIn = journey(t, "Sign in");
        String browse = journey(t, "Browse");
        journey(t, "Twice");
        journey(t, "twice");
        Map<String, Object> f = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Accounts", "requiredJourneys", List.of("sign in", browse)))
                .post(api + "/features").then().statusCode(201).extract().path("");
        assertEquals(List.of(signIn, browse), f.get("requiredJourneys"), "the ids stay as they were");
        assertEquals(List.of(Map.of("id", signIn, "name", "Sign in"), Map.of("id", browse, "name", "Browse")), f.get("journeys"));
        String id = (String) f.get("id");
        assertEquals("Sign in", fx.api(t.viewer()).get(api + "/features").then().statusCode(200).extract().path("find { it.id == '" + id + "' }.journeys[0].name"));
        assertTrue(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + id)).selectFirst("#feature-journeys").text()
                .contains("Sign in"), "the feature's page names them");

        Response unknown = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Other", "requiredJourneys", List.of("Checkout"))).post(api + "/features");
        assertEquals(422, unknown.statusCode(), unknown.asString());
        assertEquals("There is no journey Checkout in this project", unknown.path("details.requiredJourneys"), unknown.asString());
        Response two = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Other", "requiredJourneys", List.of("Checkout", "Refund"))).post(api + "/features");
        assertEquals("There is no journey Checkout or Refund in this project", two.path("details.requiredJourneys"), two.asString());
        Response ambiguous = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Other", "requiredJourneys", List.of("TWICE"))).post(api + "/features");
        assertEquals(422, ambiguous.statusCode(), ambiguous.asString());
        assertTrue(ambiguous.asString().contains("Several journeys are named TWICE"), ambiguous.asString());
        Response page = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Other", "affectedPages", List.of("/nowhere"))).post(api + "/features");
        assertEquals("There is no page /nowhere in this project", page.path("details.affectedPages"), "named as the body names it: " + page.asString());
    }

    private String journey(TestData.Team t, String name) {
        return fx.api(t.member()).body(Map.of("name", name, "nodes", List.of(Map.of("key", "s", "nodeType", "annotation", "data", Map.of("text", "x"))),
                "connections", List.of())).post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
    }

    @Test
    void theProjectSearchFindsFeaturesByNameAndDescription() {
        TestData.Team t = data.team();
        String id = createFeature(t, "Quizzes", null, "");
        org.jsoup.nodes.Document found = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/search?q=quizzes&kind=feature")
                .then().statusCode(200).extract().response());
        assertEquals("/projects/" + t.slug() + "/features/" + id, found.selectFirst("a[href$=" + id + "]").attr("href"));
    }

    @Test
    void featureTurnsIntoAStoryThatFlowsIntoASpecAndItsStatusFollows() {
        TestData.Team t = data.team();
        String page = PageResourceTest.createPage(t, "Lessons", "/lessons", null, DesignFixtures.LESSONS_HTML, DesignFixtures.LESSONS_CSS);
        String id = createFeature(t, "Share lessons", page, "only verified teachers may share\nWHEN a lesson is shared THE SYSTEM SHALL notify the class");
        String base = "/projects/" + t.slug() + "/features/" + id;

        Document d = Web.html(Web.as(t.viewer()).get(base).then().statusCode(200).extract().response());
        assertEquals("Share lessons", d.selectFirst("#feature-title").text());
        assertEquals("planned", d.selectFirst("#feature-status").text());
        assertEquals("Lesson, Activity", d.selectFirst("#op-creates").text());
        assertEquals("/lessons", d.selectFirst("#feature-pages code").text());
        assertNull(d.selectFirst("#draft-story"), "a viewer cannot draft a story");

        Response drafted = Web.as(t.member()).formParam("x", "").post(base + "/stories");
        assertEquals(303, drafted.statusCode());
        assertTrue(drafted.getHeader("Location").endsWith("/stories/1"));
        Map<String, Object> story = fx.api(t.member()).get(ApiPaths.project(t.slug(), "/stories/1")).then().statusCode(200).extract().path("");
        assertEquals("Share lessons", story.get("title"));
        String criteria = (String) story.get("acceptanceCriteria");
        assertTrue(criteria.contains("THE SYSTEM SHALL only verified teachers may share"), criteria);
        assertTrue(criteria.contains("- WHEN a lesson is shared THE SYSTEM SHALL notify the class"), "an EARS rule is kept as written: " + criteria);
        assertTrue(criteria.contains("WHEN a user submits a new Lesson THE SYSTEM SHALL store the Lesson"), criteria);
        assertEquals(7, ((List<?>) story.get("ears")).size(),
                "two rules, four data operations and the read inferred from the page's lesson cards, each a recognised EARS requirement");
        assertTrue(((String) story.get("description")).contains("Pages: /lessons"));

        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Sharing", List.of(), "api", "ui"))
                .post(ApiPaths.project(t.slug(), "/specs")).then().statusCode(201);
        Document after = Web.html(Web.as(t.viewer()).get(base).then().statusCode(200).extract().response());
        assertNotNull(after.selectFirst("#story-1 a[href=/projects/" + t.slug() + "/stories/1]"));
        assertEquals("SPEC-1 Sharing", after.selectFirst("#story-1 .specs a").text());
        assertEquals("0 of 2 tasks done", after.selectFirst("#story-1 .specs .muted").text());
        assertEquals("planned", after.selectFirst("#feature-status").text(), "a draft story leaves the feature planned");

        fx.api(t.member()).post(ApiPaths.project(t.slug(), "/stories/1/submit")).then().statusCode(200);
        fx.api(t.lead()).post(ApiPaths.project(t.slug(), "/stories/1/approve")).then().statusCode(200);
        assertEquals("in-progress", Web.html(Web.as(t.viewer()).get(base)).selectFirst("#feature-status").text());
        Map<String, Object> api = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/features/") + id).then().statusCode(200).extract().path("");
        assertEquals("in-progress", api.get("status"));
        assertEquals(List.of("/lessons"), api.get("affectedPages"));
        assertEquals(List.of("SPEC-1"), ((List<Map<String, Object>>) api.get("stories")).get(0).get("specs"));
    }

    @Test
    void invalidFeatureKeepsEveryValueAndNamesEachProblem() {
        TestData.Team t = data.team();
        Response r = Web.as(t.member()).formParam("name", "").formParam("userDescription", "kept text").formParam("status", "done")
                .formParam("pages", "/nowhere").formParam("storyNumbers", "99, abc, US-98").formParam("businessRules", "rule one")
                .post("/projects/" + t.slug() + "/features");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertNotNull(d.selectFirst("#e-name"));
        assertTrue(d.selectFirst("#e-status").text().contains("planned"));
        assertTrue(d.selectFirst("#e-pages").text().contains("/nowhere"));
        // every bad entry is named, not only the first ("abc" was named only when it was the sole entry)
        assertEquals("There is no story 99, abc or US-98 in this project", d.selectFirst("#e-storyNumbers").text());
        assertEquals("kept text", d.selectFirst("#f-userDescription").text());
        assertEquals("rule one", d.selectFirst("#f-businessRules").text());
        assertEquals(403, Web.as(t.viewer()).formParam("name", "x").post("/projects/" + t.slug() + "/features").statusCode());
    }

    @Test
    void staleEditIsRefusedWithBothVersionsAndApiLinksStories() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "Existing", "description", "d")).post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
        Map<String, Object> created = fx.api(t.member()).body(Map.of("name", "Billing", "userDescription", "Pay invoices",
                        "dataOperations", Map.of("creates", List.of("Invoice")), "businessRules", List.of("limit 10 per day"), "storyNumbers", List.of(1)))
                .post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201).extract().path("");
        String id = (String) created.get("id");
        assertEquals("1", String.valueOf(((List<Map<String, Object>>) created.get("stories")).get(0).get("number")));
        assertEquals(List.of("Invoice"), ((Map<String, Object>) created.get("dataOperations")).get("creates"));
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "x", "bogus", 1)).post(ApiPaths.project(t.slug(), "/features")).then().statusCode(422);
        fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "x", "affectedPages", List.of("/none"))).post(ApiPaths.project(t.slug(), "/features"))
                .then().statusCode(422);

        String base = "/projects/" + t.slug() + "/features/" + id;
        Web.as(t.member()).formParam("name", "Billing 2").formParam("version", "1").formParam("storyNumbers", "1").post(base).then().statusCode(303);
        Response stale = Web.as(t.lead()).formParam("name", "My billing").formParam("version", "1").post(base);
        assertEquals(409, stale.statusCode());
        Document d = Web.html(stale);
        assertNotNull(d.selectFirst("#e-version"));
        assertEquals("My billing", d.selectFirst("#f-name").val());
        assertEquals("2", d.selectFirst("#feature-form input[name=version]").val());

        // Version 0 was never saved (versions start at 1): 422 naming the version, not a 409 naming someone else's change.
        fx.api(t.member()).body(Map.of("name", "Wishes", "version", 0)).put(ApiPaths.project(t.slug(), "/features/" + id)).then().statusCode(422)
                .body("details.version", org.hamcrest.Matchers.equalTo("The feature Billing 2 has no version 0: it is at version 2"));
        Response never = Web.as(t.lead()).formParam("name", "My billing").formParam("version", "0").post(base);
        assertEquals(422, never.statusCode());
        Document n = Web.html(never);
        assertEquals("The feature Billing 2 has no version 0: it is at version 2", n.selectFirst("#e-version").text());
        assertEquals("My billing", n.selectFirst("#f-name").val(), "what was typed is kept");
    }

    @Test
    void featureListQueriesStayConstantAsFeaturesGrow() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "S", "description", "d")).post(ApiPaths.project(t.slug(), "/stories")).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "F" + i, "storyNumbers", List.of(1))).post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201);
        }
        long few = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/features").then().statusCode(200));
        for (int i = 2; i < 20; i++) {
            fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "F" + i, "storyNumbers", List.of(1))).post(ApiPaths.project(t.slug(), "/features")).then().statusCode(201);
        }
        long many = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/features").then().statusCode(200));
        assertEquals(few, many);
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features"));
        assertEquals(20, d.select("#features > li").size());
        assertFalse(d.select("#features a[href=/projects/" + t.slug() + "/stories/1]").isEmpty());
    }

    @Test
    void anAgentEditsAFeatureThroughTheApiAsThePageDoes() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/features");
        String id = fx.api(t.member()).body(Map.of("name", "Billing", "userDescription", "Pay invoices", "category", "payment"))
                .post(api).then().statusCode(201).extract().path("id");
        Map<String, Object> edited = fx.api(t.member()).body(Map.of("name", "Invoicing", "userDescription", "Pay and send invoices", "category", "payment",
                        "status", "in-progress", "dataOperations", Map.of("creates", List.of("Invoice")), "businessRules", List.of("limit 10 per day"), "version", 1))
                .put(api + "/" + id).then().statusCode(200).extract().path("");
        assertEquals("Invoicing", edited.get("name"));
        assertEquals("in-progress", edited.get("status"));
        assertEquals(2, edited.get("version"));
        assertEquals(List.of("Invoice"), ((Map<String, Object>) edited.get("dataOperations")).get("creates"));
        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + id));
        assertEquals("Invoicing", page.selectFirst("#feature-title").text());

        Map<String, Object> stale = fx.api(t.lead()).body(Map.of("name", "Mine", "version", 1)).put(api + "/" + id).then().statusCode(409).extract().path("");
        assertEquals("Invoicing", fx.api(t.viewer()).get(api + "/" + id).then().statusCode(200).extract().path("name"), "a stale edit changes nothing: " + stale);
        fx.api(t.member()).body(Map.of("name", "")).put(api + "/" + id).then().statusCode(422);
        fx.api(t.viewer()).body(Map.of("name", "Viewer's")).put(api + "/" + id).then().statusCode(403);
        fx.api(t.member()).body(Map.of("name", "x")).put(api + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    /** DESIGN.md's API body has {@code userDescription} without "?": a new feature says what users can do, whichever way it comes. */
    @Test
    void aNewFeatureWithoutWhatUsersCanDoIsRefusedNamingTheField() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/features");
        Response missing = fx.api(t.member()).body(Map.of("name", "Quizzes")).post(api);
        assertEquals(422, missing.statusCode(), missing.asString());
        assertEquals("Say what users can do with the feature", missing.path("details.userDescription"), missing.asString());
        assertNotNull(missing.path("error"), missing.asString());
        Response both = fx.api(t.member()).body(Map.of("name", " ", "userDescription", "  ")).post(api);
        assertEquals(422, both.statusCode(), both.asString());
        assertEquals("Say what users can do with the feature", both.path("details.userDescription"), both.asString());
        assertNotNull(both.path("details.name"), "each missing field is named at once: " + both.asString());

        String token = fx.token(t.member());
        String session = dev.specboard.support.Mcp.initialize(token);
        assertTrue(dev.specboard.support.Mcp.answer(token, session, "create_feature", true, "project", t.slug(), "name", "Quizzes")
                .contains("userDescription"));
        assertTrue(dev.specboard.support.Mcp.answer(token, session, "create_feature", true, "project", t.slug(), "name", "Quizzes",
                "userDescription", "").contains("Say what users can do with the feature"));

        String page = "/projects/" + t.slug() + "/features";
        assertTrue(Web.html(Web.as(t.member()).get(page)).selectFirst("#f-userDescription").hasAttr("required"));
        Response form = Web.as(t.member()).formParam("name", "Quizzes").formParam("userDescription", "").post(page);
        assertEquals(422, form.statusCode());
        assertEquals("Say what users can do with the feature", Web.html(form).selectFirst("#e-userDescription").text());
        assertEquals(0, fx.api(t.member()).get(api).then().statusCode(200).extract().<List<Object>>path("").size(), "nothing was created");
    }

    @Test
    void aCategoryOutsideTheListIsRefusedAndOneStoredBeforeSurvivesAnEdit() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/features");
        Map<String, Object> refused = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Quizzes", "category", "gamification")).post(api)
                .then().statusCode(422).extract().path("details");
        assertTrue(String.valueOf(refused.get("category")).contains("auth, content, social, admin, payment, other"), refused.toString());
        Response form = Web.as(t.member()).formParam("name", "Quizzes").formParam("category", "gamification").post("/projects/" + t.slug() + "/features");
        assertEquals(422, form.statusCode());
        assertNotNull(Web.html(form).selectFirst("#e-category"));

        String id = createFeature(t, "Badges", null, "");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update features set category = 'gamification' where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());
        String base = "/projects/" + t.slug() + "/features/" + id;
        Document d = Web.html(Web.as(t.member()).get(base));
        assertEquals("gamification", d.selectFirst("#f-category option[selected]").val(), "the edit form shows the feature's own category");
        Web.as(t.member()).formParam("name", "Badges and points").formParam("category", "gamification").formParam("version", "1").post(base)
                .then().statusCode(303);
        assertEquals("gamification", fx.api(t.viewer()).get(api + "/" + id).then().statusCode(200).extract().path("category"));
    }
}
