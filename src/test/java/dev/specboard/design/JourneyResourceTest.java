package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class JourneyResourceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aJourneyWithADecisionIsBuiltDrawnAndChecked() {
        TestData.Team t = data.team();
        String login = PageResourceTest.createPage(t, "Login", "/login", null, EntityFixtures.EDIT_CONTACT, "");
        PageResourceTest.createPage(t, "Dashboard", "/dashboard", null, null, null);
        Response created = Web.as(t.member()).formParam("name", "Sign in").formParam("flowType", "user").formParam("description", "")
                .post("/projects/" + t.slug() + "/journeys");
        assertEquals(303, created.statusCode());
        String base = created.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        Web.as(t.member()).formParam("nodeType", "screen").formParam("key", "login").formParam("page", login).formParam("start", "true")
                .post(base + "/nodes").then().statusCode(303);
        Web.as(t.member()).formParam("nodeType", "decision").formParam("key", "ok").formParam("question", "Password right?")
                .formParam("branches", "Yes, No").post(base + "/nodes").then().statusCode(303);
        Web.as(t.member()).formParam("nodeType", "screen").formParam("key", "dash").formParam("page", "/dashboard").post(base + "/nodes").then().statusCode(303);
        Web.as(t.member()).formParam("nodeType", "screen").formParam("key", "lost").formParam("page", "/login").post(base + "/nodes").then().statusCode(303);
        Web.as(t.member()).formParam("from", "login").formParam("to", "ok").formParam("trigger", "submit").post(base + "/connections").then().statusCode(303);
        Web.as(t.member()).formParam("from", "ok").formParam("to", "dash").formParam("label", "Yes").post(base + "/connections").then().statusCode(303);

        Document d = Web.html(Web.as(t.viewer()).get(base).then().statusCode(200).extract().response());
        List<String> problems = d.select("#problems li").eachText();
        assertTrue(problems.stream().anyMatch(p -> p.contains("no connection for the branch No")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Dashboard, which has no mockup")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("The screen Login cannot be reached")) , "the second Login screen is unreachable: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.contains("Dashboard leads nowhere")), problems.toString());
        Element svg = d.selectFirst("#flow-picture svg");
        assertNotNull(svg);
        assertNotNull(svg.selectFirst("a#svg-node-ok polygon"), "a decision is a diamond");
        Element thumb = svg.selectFirst("a#svg-node-login foreignObject iframe[sandbox]");
        assertNotNull(thumb, "a screen shows its mockup");
        assertEquals("", thumb.attr("sandbox"), "with its scripts off");
        assertTrue(thumb.attr("src").endsWith("/frame?thumbnail=true"), thumb.attr("src"));
        assertTrue(svg.select("iframe[sandbox~=allow-scripts]").isEmpty(), "no thumbnail runs the mockup's scripts");
        assertTrue(svg.select(".flow-edge-label text").eachText().contains("Yes"), "branches are labelled");
        assertEquals(List.of("screen", "decision", "action", "database", "annotation", "end"), d.select("#flow-picture + ul.flow-legend li").eachText(),
                "the key is a list under the picture, outside its scrolling box");
        assertEquals(4, svg.select("a.flow-node").size());
        assertEquals("#node-dash", svg.selectFirst("a#svg-node-dash").attr("href"));
        assertNotNull(d.selectFirst("#outline #node-ok"), "a text outline serves screen readers");
        Document editing = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertEquals("Edit Dashboard", editing.selectFirst("#node-dash summary").text(), "a node's editor is named by its label, not its key");

        Web.as(t.member()).formParam("from", "ok").formParam("to", "login").formParam("label", "No").post(base + "/connections").then().statusCode(303);
        Web.as(t.member()).formParam("nodeType", "screen").formParam("page", "/dashboard").formParam("end", "true").post(base + "/nodes/dash")
                .then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + "/nodes/lost/remove").then().statusCode(303);
        Document after = Web.html(Web.as(t.viewer()).get(base));
        List<String> left = after.select("#problems li").eachText();
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).contains("no mockup"));

        Web.as(t.member()).formParam("x", "300").formParam("y", "40").post(base + "/nodes/dash/position").then().statusCode(303);
        assertEquals("300", Web.html(Web.as(t.viewer()).get(base)).selectFirst("a#svg-node-dash").attr("data-x"), "a dragged node keeps its place");
        Response off = Web.as(t.member()).formParam("x", "300").formParam("y", "-5").post(base + "/nodes/dash/position");
        assertEquals(422, off.statusCode());
        assertTrue(Web.html(off).text().contains("y: A position is two numbers between 0 and 100000"), "the refusal names the field: " + Web.html(off).text());

        Response bad = Web.as(t.member()).formParam("nodeType", "decision").formParam("question", "").post(base + "/nodes");
        assertEquals(422, bad.statusCode());
        assertNotNull(Web.html(bad).selectFirst("#add-node[open] #e-question"));
        Element summary = Web.html(bad).selectFirst("#node-form #error-summary");
        assertNotNull(summary, "the node form opens with the error summary, as full-page forms do");
        assertEquals("question", summary.selectFirst("a").attr("data-field"));
        assertEquals("true", Web.html(bad).getElementById("new-question").attr("aria-invalid"));
        assertEquals("decision", Web.html(bad).selectFirst("#new-nodeType option[selected]").val(), "the entered type is kept");
        assertEquals(403, Web.as(t.viewer()).formParam("from", "ok").formParam("to", "dash").post(base + "/connections").statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiBuildsAJourneyAndNamesUnknownKeysAndTypes() {
        TestData.Team t = data.team();
        PageResourceTest.createPage(t, "Home", "/", null, DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        String api = ApiPaths.project(t.slug(), "/journeys");
        Map<String, Object> created = fx.api(t.member()).body(Map.of("name", "Browse", "flowType", "user",
                        "nodes", List.of(Map.of("key", "home", "nodeType", "screen", "data", Map.of("page", "/")),
                                Map.of("key", "q", "nodeType", "decision", "data", Map.of("question", "Signed in?", "branches", List.of("Yes", "No"))),
                                Map.of("key", "save", "nodeType", "database", "data", Map.of("operation", "CREATE", "entity", "Visit", "end", true))),
                        "connections", List.of(Map.of("from", "home", "to", "q"), Map.of("from", "q", "to", "save", "label", "Yes"))))
                .post(api).then().statusCode(201).extract().path("");
        assertEquals(3, ((List<?>) created.get("nodes")).size());
        List<Map<String, Object>> problems = (List<Map<String, Object>>) created.get("problems");
        assertEquals(List.of("missing-branch"), problems.stream().map(p -> p.get("kind")).toList());
        Map<String, Object> fetched = fx.api(t.viewer()).get(api + "/" + created.get("id")).then().statusCode(200).extract().path("");
        assertEquals("/", ((Map<String, Object>) ((List<Map<String, Object>>) fetched.get("nodes")).get(0).get("data")).get("pagePath"));
        assertEquals(2, ((List<?>) fetched.get("connections")).size());

        Map<String, Object> unknown = fx.api(t.member()).body(Map.of("name", "Bad", "nodes", List.of(Map.of("key", "a", "nodeType", "portal", "data", Map.of())),
                "connections", List.of(Map.of("from", "a", "to", "zz")))).post(api).then().statusCode(422).extract().path("details");
        assertTrue(String.valueOf(unknown.get("nodes[0].nodeType")).contains("screen"), unknown.toString());
        assertTrue(String.valueOf(unknown.get("connections[0].to")).contains("zz"), unknown.toString());
        assertEquals(1, ((List<?>) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("")).size(), "nothing of the refused journey was kept");
    }

    @Test
    void aJourneyIsRenamedRetypedAndMadeThePrimaryFlowWithItsNodesKept() {
        TestData.Team t = data.team();
        String list = "/projects/" + t.slug() + "/journeys";
        Response created = Web.as(t.member()).formParam("name", "Sign in").formParam("flowType", "user").formParam("description", "")
                .formParam("primary", "true").post(list);
        assertEquals(303, created.statusCode());
        String base = created.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        Web.as(t.member()).formParam("nodeType", "annotation").formParam("key", "note").formParam("text", "Start here").post(base + "/nodes").then().statusCode(303);
        Response other = Web.as(t.member()).formParam("name", "Admin audit").formParam("flowType", "admin").post(list);
        String otherBase = other.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        Document before = Web.html(Web.as(t.member()).get(base));
        assertNotNull(before.selectFirst("#journey-primary"));
        assertEquals("Sign in", before.selectFirst("#edit-journey #f-name").val(), "the edit form holds the journey as it is");

        Response refused = Web.as(t.member()).formParam("name", "").formParam("flowType", "pirate").formParam("description", "kept words")
                .formParam("version", before.selectFirst("#edit-journey input[name=version]").val()).post(base);
        assertEquals(422, refused.statusCode());
        Document r = Web.html(refused);
        assertNotNull(r.selectFirst("#edit-journey[open] #e-name"));
        assertNotNull(r.selectFirst("#edit-journey #e-flowType"));
        assertEquals("kept words", r.selectFirst("#edit-journey #f-description").text());

        Web.as(t.member()).formParam("name", "Audit trail").formParam("flowType", "system").formParam("description", "What admins check")
                .formParam("primary", "true").formParam("version", "1").post(otherBase).then().statusCode(303);
        Document after = Web.html(Web.as(t.viewer()).get(otherBase));
        assertTrue(after.selectFirst("#journey-title").text().startsWith("Audit trail system primary"), after.selectFirst("#journey-title").text());
        assertEquals("What admins check", after.selectFirst("#journey-description").text());
        assertNull(after.selectFirst("#edit-journey"), "a viewer gets no edit form");
        assertNull(Web.html(Web.as(t.viewer()).get(base)).selectFirst("#journey-primary"), "one primary flow: the new one replaces the last");
        assertEquals(List.of("Audit trail System primary", "Sign in User"), Web.html(Web.as(t.viewer()).get(list)).select("#journeys h2").eachText(),
                "the primary flow is listed first");
        assertEquals(403, Web.as(t.viewer()).formParam("name", "Mine").post(base).statusCode());

        String api = ApiPaths.project(t.slug(), "/journeys/") + base.substring(base.lastIndexOf('/') + 1);
        Map<String, Object> edited = fx.api(t.member()).body(Map.of("name", "Log in", "flowType", "user", "primary", true,
                        "version", fx.api(t.viewer()).get(api).then().extract().path("version"))).put(api)
                .then().statusCode(200).extract().path("");
        assertEquals("Log in", edited.get("name"));
        assertEquals(true, edited.get("primary"));
        assertEquals(1, ((List<?>) edited.get("nodes")).size(), "the nodes stay");
        fx.api(t.member()).body(Map.of("name", "", "flowType", "pirate", "version", edited.get("version"))).put(api).then().statusCode(422)
                .body("details.flowType", org.hamcrest.Matchers.notNullValue());
        assertEquals(List.of(true, false), ((List<Map<String, Object>>) fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/journeys"))
                .then().statusCode(200).extract().path("")).stream().map(j -> j.get("primary")).toList());
    }

    @Test
    void theApiNamesANullNodeOrConnectionWith422() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        Map<String, Object> nodes = fx.api(t.member()).body("{\"name\":\"J\",\"nodes\":[null],\"connections\":[]}").post(api).then().statusCode(422).extract().path("details");
        assertTrue(nodes.containsKey("nodes[0]"), nodes.toString());
        Map<String, Object> connections = fx.api(t.member()).body("{\"name\":\"J\",\"nodes\":[{\"key\":\"a\",\"nodeType\":\"action\"}],"
                + "\"connections\":[{\"from\":\"a\",\"to\":\"a\"},null]}").post(api).then().statusCode(422).extract().path("details");
        assertTrue(connections.containsKey("connections[1]"), connections.toString());
        assertTrue(((List<?>) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("")).isEmpty(), "nothing was kept");
    }

    /** A question's subject holds the branch label; cut to the column, it was looked up in full and inserted again: 500. */
    @Test
    @SuppressWarnings("unchecked")
    void aDecisionWithALongBranchLabelCanBeEditedAgainAndAsksOnce() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        String longLabel = "When the customer has ".repeat(12).strip();
        String id = fx.api(t.member()).body(Map.of("name", "Long", "nodes", List.of(Map.of("key", "q", "nodeType", "decision",
                        "data", Map.of("question", "Which way?", "branches", List.of(longLabel, "No")))), "connections", List.of()))
                .post(api).then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/journeys/" + id;
        Web.as(t.member()).formParam("nodeType", "action").formParam("key", "next").formParam("label", "Next").post(base + "/nodes").then().statusCode(303);
        Web.as(t.member()).formParam("nodeType", "action").formParam("key", "again").formParam("label", "Again").post(base + "/nodes").then().statusCode(303);

        List<Map<String, Object>> questions = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().statusCode(200).extract().path("");
        List<String> subjects = questions.stream().map(q -> (String) q.get("subject")).filter(s -> s.startsWith("branch:" + id + ".")).sorted().toList();
        assertEquals(2, subjects.size(), subjects.toString());
        assertTrue(subjects.stream().allMatch(s -> s.length() <= 300), subjects.toString());
    }

    @Test
    void anOpenBranchOffersToEndTheJourneyOrGoOnToOneOfItsScreens() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        String cart = PageResourceTest.createPage(t, "Basket", "/cart", null, null, null);
        String pay = PageResourceTest.createPage(t, "Payment", "/pay", null, null, null);
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(
                        Map.of("key", "cart", "nodeType", "screen", "data", Map.of("label", "Cart", "pageId", cart)),
                        Map.of("key", "q", "nodeType", "decision", "data", Map.of("question", "Signed in?", "branches", List.of("Yes", "No"))),
                        Map.of("key", "pay", "nodeType", "screen", "data", Map.of("pageId", pay)),
                        Map.of("key", "log", "nodeType", "action", "data", Map.of("label", "Log it"))),
                "connections", List.of(Map.of("from", "q", "to", "pay", "label", "Yes"))))
                .post(api).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> thoughts = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().statusCode(200).extract().path("");
        Map<String, Object> no = thoughts.stream().filter(q -> ("branch:" + id + ".q.No").equals(q.get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(thoughts.toString()));
        assertEquals(List.of("The journey ends there.", "It goes on to \u201cCart\u201d.", "It goes on to \u201cPayment\u201d."), no.get("alternatives"));
        assertTrue(String.valueOf(no.get("reasoning")).contains("in the journey Checkout has"), String.valueOf(no.get("reasoning")));

        fx.api(t.member()).body(Map.of("name", "Checkout flow", "version", 1)).put(api + "/" + id).then().statusCode(200);
        List<Map<String, Object>> after = fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().statusCode(200).extract().path("");
        Map<String, Object> renamed = after.stream().filter(q -> ("branch:" + id + ".q.No").equals(q.get("subject"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(renamed.get("reasoning")).contains("in the journey Checkout flow has"), "the open question names the journey as it is now: "
                + renamed.get("reasoning"));
    }

    /**
     * Answering a branch's question "It goes on to “Cart”" on the thinking chain only recorded the words: the branch stayed
     * unconnected and the journey's check still listed it. It connects the branch there now, as a new version of the journey.
     */
    @Test
    void answeringThatABranchGoesOnToAScreenConnectsIt() {
        TestData.Team t = data.team();
        String cart = PageResourceTest.createPage(t, "Basket", "/cart", null, null, null);
        String pay = PageResourceTest.createPage(t, "Payment", "/pay", null, null, null);
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(
                        Map.of("key", "cart", "nodeType", "screen", "data", Map.of("label", "Cart", "pageId", cart)),
                        Map.of("key", "q", "nodeType", "decision", "data", Map.of("question", "Did payment pass?", "branches", List.of("yes", "no"))),
                        Map.of("key", "pay", "nodeType", "screen", "data", Map.of("pageId", pay))),
                "connections", List.of(Map.of("from", "cart", "to", "q"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/journeys/" + id;
        List<String> both = Web.html(Web.as(t.viewer()).get(base)).select("#problems li").eachText();
        assertTrue(both.stream().anyMatch(p -> p.endsWith("has no connection for the branches yes and no.")), both.toString());
        Web.as(t.member()).formParam("from", "q").formParam("to", "pay").formParam("label", "no").post(base + "/connections").then().statusCode(303);
        List<String> one = Web.html(Web.as(t.viewer()).get(base)).select("#problems li").eachText();
        assertTrue(one.stream().anyMatch(p -> p.endsWith("has no connection for the branch yes.")), one.toString());
        String question = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "branch:" + id + ".q.yes").orElseThrow().id.toString());
        String api = ApiPaths.project(t.slug(), "/thinking/" + question);

        fx.api(t.member()).body(Map.of("feedback", "It goes on to \u201cNowhere\u201d.")).post(api + "/revise").then().statusCode(422)
                .body("details.feedback", org.hamcrest.Matchers.containsString("no screen"));
        Element card = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking")).getElementById("thought-" + question);
        Element answer = card.select("form[action$=/revise]").stream().filter(f -> f.text().equals("It goes on to \u201cCart\u201d.")).findFirst().orElseThrow();
        // As a browser sends the form: UTF-8 (RestAssured's default, ISO-8859-1, sends the quotes as "?").
        Response answered = Web.as(t.member()).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("feedback", answer.selectFirst("input[name=feedback]").val())
                .formParam("version", answer.selectFirst("input[name=version]").val()).post("/projects/" + t.slug() + "/thinking/" + question + "/revise");
        assertEquals(303, answered.statusCode());

        Document journey = Web.html(Web.as(t.viewer()).get(base));
        List<String> problems = journey.select("#problems li").eachText();
        assertTrue(problems.stream().noneMatch(p -> p.contains("branch")), problems.toString());
        FlowNode q = QuarkusTransaction.requiringNew().call(() -> FlowNode.<FlowNode>find("flowId = ?1 and nodeKey = 'q'", UUID.fromString(id)).firstResult());
        assertTrue(q.connections.contains("\"yes\""), q.connections);
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> JourneyFlow.<JourneyFlow>findById(UUID.fromString(id)).version), "a new version of the journey");
        assertEquals("revised", fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().extract().path("find { it.id == '" + question + "' }.status"));
    }

    /**
     * A member answers a branch's question on a page opened before a lead removed its decision (which takes the question out
     * of the chain): the answer met a bare 404 page and the typed text was lost. The chain comes back (409) saying who
     * removed which decision, with the answer shown; the API says the thought is gone in JSON.
     */
    @Test
    void answeringTheQuestionOfARemovedDecisionSaysWhoRemovedIt() {
        TestData.Team t = data.team();
        String pay = PageResourceTest.createPage(t, "Payment", "/pay", null, null, null);
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(
                        Map.of("key", "pay", "nodeType", "screen", "data", Map.of("pageId", pay, "start", true)),
                        Map.of("key", "q", "nodeType", "decision", "data", Map.of("question", "Did payment pass?", "branches", List.of("yes", "no")))),
                "connections", List.of(Map.of("from", "pay", "to", "q"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String question = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "branch:" + id + ".q.yes").orElseThrow().id.toString());
        Element card = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking?status=review")).getElementById("thought-" + question);
        Element ends = card.select("form[action$=/revise]").stream().filter(f -> f.text().equals("The journey ends there.")).findFirst().orElseThrow();
        Web.as(t.lead()).formParam("x", "1").post("/projects/" + t.slug() + "/journeys/" + id + "/nodes/q/remove").then().statusCode(303);

        Response answered = Web.as(t.member()).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("feedback", ends.selectFirst("input[name=feedback]").val())
                .formParam("version", ends.selectFirst("input[name=version]").val()).formParam("subject", ends.selectFirst("input[name=subject]").val())
                .post("/projects/" + t.slug() + "/thinking/" + question + "/revise");
        assertEquals(409, answered.statusCode());
        Document page = Web.html(answered);
        assertEquals("This question no longer applies: " + t.lead().username + " removed the decision q from the journey Checkout. Nothing was saved.",
                page.selectFirst("#thought-gone p").text());
        assertEquals("The journey ends there.", page.getElementById("gone-feedback").text());
        assertNull(page.getElementById("thought-" + question));

        Element free = card.selectFirst("details.revise form");
        Response typed = Web.as(t.member()).formParam("feedback", "Back to the cart").formParam("version", free.selectFirst("input[name=version]").val())
                .formParam("subject", free.selectFirst("input[name=subject]").val()).post("/projects/" + t.slug() + "/thinking/" + question + "/revise");
        assertEquals(409, typed.statusCode());
        assertEquals("Back to the cart", Web.html(typed).getElementById("gone-feedback").text(), "what was typed is kept");
        Web.as(t.member()).formParam("version", free.selectFirst("input[name=version]").val()).post("/projects/" + t.slug() + "/thinking/" + question + "/confirm")
                .then().statusCode(409).body(org.hamcrest.Matchers.containsString("This question no longer applies: it left the thinking chain"));

        fx.api(t.member()).body(Map.of("feedback", "The journey ends there.")).post(ApiPaths.project(t.slug(), "/thinking/" + question) + "/revise")
                .then().statusCode(404).body("error", org.hamcrest.Matchers.equalTo("No such thought in this project"));
    }

    /**
     * Answering a branch's question "The journey ends there." only recorded the words: the branch stayed open and the
     * check still listed it. It leads the branch to the journey's end step now (an action "End" marked as an end, added
     * once and shared by the branches that end), as a new version of the journey, and the journey page shows it.
     */
    @Test
    void answeringThatTheJourneyEndsThereLeadsTheBranchToItsEndStep() {
        TestData.Team t = data.team();
        String pay = PageResourceTest.createPage(t, "Payment", "/pay", null, null, null);
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", List.of(
                        Map.of("key", "pay", "nodeType", "screen", "data", Map.of("pageId", pay, "start", true)),
                        Map.of("key", "q", "nodeType", "decision", "data", Map.of("question", "Did payment pass?", "branches", List.of("yes", "no", "later")))),
                "connections", List.of(Map.of("from", "pay", "to", "q"), Map.of("from", "q", "to", "pay", "label", "no"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/journeys/" + id;
        String question = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "branch:" + id + ".q.yes").orElseThrow().id.toString());
        Element card = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/thinking")).getElementById("thought-" + question);
        Element answer = card.select("form[action$=/revise]").stream().filter(f -> f.text().equals("The journey ends there.")).findFirst().orElseThrow();
        Response answered = Web.as(t.member()).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("feedback", answer.selectFirst("input[name=feedback]").val())
                .formParam("version", answer.selectFirst("input[name=version]").val()).post("/projects/" + t.slug() + "/thinking/" + question + "/revise");
        assertEquals(303, answered.statusCode());

        Document journey = Web.html(Web.as(t.viewer()).get(base));
        List<String> problems = journey.select("#problems li").eachText();
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("has no connection for the branch later.")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("branch yes") || p.contains("leads nowhere")), problems.toString());
        Element end = journey.getElementById("node-end");
        assertNotNull(end, journey.select("#outline").outerHtml());
        assertTrue(end.select(".badge").eachText().contains("end"), end.outerHtml());
        assertEquals("End", end.selectFirst("strong").text());
        assertTrue(journey.getElementById("node-q").select(".connections li").eachText().stream().anyMatch(c -> c.startsWith("\u2192 End \u201cyes\u201d")),
                journey.getElementById("node-q").outerHtml());
        assertNotNull(journey.selectFirst("#flow-picture a#svg-node-end"), "the end step is drawn");
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> JourneyFlow.<JourneyFlow>findById(UUID.fromString(id)).version), "a new version of the journey");
        assertEquals("revised", fx.api(t.viewer()).get(ApiPaths.project(t.slug(), "/thinking")).then().extract().path("find { it.id == '" + question + "' }.status"));

        String later = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "branch:" + id + ".q.later").orElseThrow().id.toString());
        fx.api(t.member()).body(Map.of("feedback", "The journey ends there.")).post(ApiPaths.project(t.slug(), "/thinking/" + later) + "/revise").then().statusCode(200);
        List<FlowNode> nodes = QuarkusTransaction.requiringNew().call(() -> FlowNode.<FlowNode>list("flowId", UUID.fromString(id)));
        assertEquals(List.of("end", "pay", "q"), nodes.stream().map(n -> n.nodeKey).sorted().toList(), "one end step for both branches");
        FlowNode q = nodes.stream().filter(n -> n.nodeKey.equals("q")).findFirst().orElseThrow();
        FlowNode endStep = nodes.stream().filter(n -> n.nodeKey.equals("end")).findFirst().orElseThrow();
        assertEquals(List.of("no", "yes", "later"), FlowModel.connections(q.connections).stream().map(FlowModel.Connection::label).toList());
        assertTrue(FlowModel.connections(q.connections).stream().filter(c -> !"no".equals(c.label())).allMatch(c -> endStep.id.equals(c.targetNodeId())), q.connections);
        assertTrue(FlowModel.data(endStep.data).ends());
        List<String> after = Web.html(Web.as(t.viewer()).get(base)).select("#problems li").eachText();
        assertTrue(after.stream().noneMatch(p -> p.contains("branch") || p.contains("leads nowhere")), after.toString());
    }

    @Test
    void journeyPagesQueryAConstantNumberOfTimes() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        String id = fx.api(t.member()).body(Map.of("name", "Few", "nodes", nodes(2), "connections", List.of())).post(api).then().statusCode(201).extract().path("id");
        String many = fx.api(t.member()).body(Map.of("name", "Many", "nodes", nodes(20), "connections", List.of())).post(api).then().statusCode(201).extract().path("id");
        long few = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys/" + id).then().statusCode(200));
        long lots = SqlCounter.count(() -> Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys/" + many).then().statusCode(200));
        assertEquals(few, lots);
        var viewer = fx.api(t.viewer());
        assertEquals(SqlCounter.count(() -> viewer.get(api + "/" + id).then().statusCode(200)),
                SqlCounter.count(() -> viewer.get(api + "/" + many).then().statusCode(200)), "API journey with its nodes");
        assertNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/journeys")).selectFirst("#no-journeys"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJourneyIsDeletedFromItsPageAndTheApiAndFeaturesNoLongerRequireIt() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String gone = fx.api(t.member()).body(Map.of("name", "Sign in", "nodes", List.of(Map.of("key", "q", "nodeType", "decision",
                "data", Map.of("question", "Password right?", "branches", List.of("Yes", "No")))), "connections", List.of()))
                .post(api + "/journeys").then().statusCode(201).extract().path("id");
        String kept = fx.api(t.member()).body(Map.of("name", "Browse", "nodes", nodes(1), "connections", List.of()))
                .post(api + "/journeys").then().statusCode(201).extract().path("id");
        String feature = fx.api(t.member()).body(Map.of("userDescription", "Members use it", "name", "Accounts", "requiredJourneys", List.of(gone, kept)))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> asked = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        String answered = asked.stream().filter(q -> ("branch:" + gone + ".q.Yes").equals(q.get("subject"))).findFirst().orElseThrow().get("id").toString();
        fx.api(t.member()).post(api + "/thinking/" + answered + "/confirm").then().statusCode(200);

        String page = "/projects/" + t.slug() + "/journeys/" + gone;
        assertNull(Web.html(Web.as(t.viewer()).get(page)).selectFirst("#delete-form"), "a viewer is offered no Delete");
        Element form = Web.html(Web.as(t.member()).get(page)).selectFirst("form#delete-form");
        assertNotNull(form);
        assertEquals(page + "/delete", form.attr("action"));
        assertTrue(form.attr("data-confirm").contains("Sign in"), "the deletion is confirmed first");
        assertNotNull(form.selectFirst("input[type=hidden][name]"), "the form carries the CSRF token");
        assertEquals("Delete this journey", form.selectFirst("button[type=submit]").text());
        assertEquals(403, Web.as(t.viewer()).formParam("x", "1").post(page + "/delete").statusCode());
        assertEquals(404, Web.as(t.outsider()).formParam("x", "1").post(page + "/delete").statusCode());

        Response deleted = Web.as(t.member()).formParam("x", "1").post(page + "/delete");
        assertEquals(303, deleted.statusCode());
        assertTrue(deleted.getHeader("Location").endsWith("/projects/" + t.slug() + "/journeys"), deleted.getHeader("Location"));
        assertNotNull(deleted.getCookie("sb_flash"), "the list tells what happened");
        assertEquals(404, Web.as(t.member()).get(page).statusCode());
        Map<String, Object> f = fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("");
        assertEquals(List.of(kept), f.get("requiredJourneys"), "the feature no longer requires the deleted journey");
        assertEquals(2, f.get("version"), "a feature changed this way is a new version");
        List<Map<String, Object>> left = fx.api(t.viewer()).get(api + "/thinking").then().statusCode(200).extract().path("");
        List<Map<String, Object>> aboutIt = left.stream().filter(q -> String.valueOf(q.get("subject")).startsWith("branch:" + gone)).toList();
        assertEquals(1, aboutIt.size(), "the open question about the journey went, the answered one stays: " + aboutIt);
        Map<String, Object> source = (Map<String, Object>) aboutIt.get(0).get("source");
        assertEquals("Sign in", source.get("name"), "a deleted journey is still named");
        assertNull(source.get("url"), "and no longer linked");
        assertEquals(200, Web.as(t.viewer()).get("/projects/" + t.slug() + "/thinking").statusCode());

        String keptApi = api + "/journeys/" + kept;
        fx.api(t.viewer()).delete(keptApi).then().statusCode(403);
        fx.api(t.outsider()).delete(keptApi).then().statusCode(404);
        fx.api(t.member()).delete(api + "/journeys/not-an-id").then().statusCode(404);
        fx.api(t.member()).delete(keptApi).then().statusCode(204);
        fx.api(t.member()).delete(keptApi).then().statusCode(404);
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "/features/" + feature).then().statusCode(200).extract().path("requiredJourneys"));

        String last = fx.api(t.member()).body(Map.of("name", "Kept", "nodes", nodes(1), "connections", List.of()))
                .post(api + "/journeys").then().statusCode(201).extract().path("id");
        Web.as(t.owner()).formParam("x", "1").post("/projects/" + t.slug() + "/settings/archive").then().statusCode(303);
        assertEquals(409, Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/journeys/" + last + "/delete").statusCode());
        fx.api(t.member()).delete(api + "/journeys/" + last).then().statusCode(409);
        fx.api(t.viewer()).get(api + "/journeys/" + last).then().statusCode(200);
    }

    /** Two people edit a journey's details: the later save, based on the older version, is 409 with both versions on every door. */
    @Test
    void aStaleJourneyEditIs409WithBothVersions() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys/");
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "nodes", nodes(1), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        assertEquals(1, (int) fx.api(t.viewer()).get(api + id).then().statusCode(200).extract().path("version"));
        fx.api(t.member()).body(Map.of("name", "Check out", "version", 1)).put(api + id).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(2));
        Response stale = fx.api(t.member()).body(Map.of("name", "Pay", "description", "Mine", "version", 1)).put(api + id);
        assertEquals(409, stale.statusCode(), stale.asString());
        assertEquals(1, (int) stale.path("details.yourVersion"));
        assertEquals(2, (int) stale.path("details.currentVersion"));
        assertEquals("Check out", stale.path("details.current.name"), stale.asString());
        fx.api(t.member()).body(Map.of("name", "Pay", "version", 7)).put(api + id).then().statusCode(422)
                .body("details.version", org.hamcrest.Matchers.equalTo("The journey Check out has no version 7: it is at version 2"));

        String page = "/projects/" + t.slug() + "/journeys/" + id;
        assertEquals("2", Web.html(Web.as(t.member()).get(page)).selectFirst("#journey-form input[name=version]").val());
        Response form = Web.as(t.member()).formParam("name", "Basket").formParam("flowType", "user").formParam("description", "typed")
                .formParam("version", "1").post(page);
        assertEquals(409, form.statusCode());
        Document d = Web.html(form);
        assertTrue(d.selectFirst("#edit-journey").hasAttr("open"), "the edit form is open with the problem");
        assertTrue(d.selectFirst("#edit-journey").text().contains("while you edited it"), d.selectFirst("#edit-journey").text());
        assertEquals("Basket", d.getElementById("f-name").val(), "what was typed is kept");
        assertEquals("2", d.selectFirst("#journey-form input[name=version]").val(), "now based on the current version");
        Web.as(t.member()).formParam("name", "Basket").formParam("flowType", "user").formParam("version", "2").post(page).then().statusCode(303);
        assertEquals("Basket", fx.api(t.viewer()).get(api + id).then().extract().path("name"));
    }

    private static List<Map<String, Object>> nodes(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> Map.<String, Object>of("key", "a" + i, "nodeType", "action",
                "data", Map.of("label", "Step " + i))).toList();
    }
}
