package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing one node of a journey on its page: a refused edit keeps what was typed, and an edit based on an older journey is 409. */
@QuarkusTest
class JourneyNodeEditTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String journey(TestData.Team t) {
        String id = fx.api(t.member()).body(Map.of("name", "Sign up", "nodes", List.of(
                        Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Email valid?", "branches", List.of("Yes", "No"))),
                        Map.of("key", "note", "nodeType", "annotation", "data", Map.of("text", "Remember GDPR"))), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        return "/projects/" + t.slug() + "/journeys/" + id;
    }

    @Test
    void aRefusedNodeEditKeepsWhatWasTypedInThatNodesForm() {
        TestData.Team t = data.team();
        String base = journey(t);
        Response bad = Web.as(t.member()).formParam("label", "Typed label").formParam("question", " ").formParam("branches", "Maybe, Never")
                .post(base + "/nodes/ok");
        assertEquals(422, bad.statusCode(), bad.asString());
        Document d = Web.html(bad);
        assertTrue(d.selectFirst("#node-ok details.edit-node").hasAttr("open"), "the node's editor is open");
        assertEquals("Ask the decision's question", d.selectFirst("#node-ok #e-question").text());
        assertEquals("Typed label", d.getElementById("ok-label").val(), "the typed label is kept");
        assertEquals("Maybe, Never", d.getElementById("ok-branches").val(), "the typed branches are kept");
        assertEquals("", d.getElementById("new-label").val(), "the new-node form stays empty");
        assertEquals("Remember GDPR", JourneyPositionTest.editor(t.member(), base, "note").getElementById("note-text").text(),
                "other nodes show their own data");
    }

    /** A branch not yet connected has no target node: keeping it while editing the question once answered 500. */
    @Test
    void aDecisionWhoseBranchesLeadNowhereYetIsEdited() {
        TestData.Team t = data.team();
        String base = journey(t);
        Response saved = Web.as(t.member()).formParam("question", "Email typed?").formParam("branches", "Yes, No, Later").post(base + "/nodes/ok");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(List.of("Yes", "No", "Later"), fx.api(t.viewer()).get("/api/v1" + base).then().statusCode(200)
                .extract().path("nodes[0].data.branches.label"));
    }

    @Test
    void aNodeEditBasedOnAnOlderJourneyIs409WithTheCurrentNodeAndWhatWasTyped() {
        TestData.Team t = data.team();
        String base = journey(t);
        Document page = JourneyPositionTest.editor(t.member(), base, "ok");
        String version = page.selectFirst("form[action$=/nodes/ok] input[name=version]").val();
        assertEquals("1", version);

        Web.as(t.lead()).formParam("question", "Email and name valid?").formParam("branches", "Yes, No").formParam("version", version)
                .post(base + "/nodes/ok").then().statusCode(303);
        Response stale = Web.as(t.member()).formParam("question", "Address valid?").formParam("branches", "Yes, No").formParam("version", version)
                .formParam("seen", page.selectFirst("input[name=seen]").val()).post(base + "/nodes/ok");
        assertEquals(409, stale.statusCode(), stale.asString());
        Document d = Web.html(stale);
        assertTrue(d.selectFirst("#node-ok details.edit-node").hasAttr("open"));
        assertTrue(d.getElementById("e-version").text().contains("The node ok was changed while you edited it"), d.getElementById("e-version").text());
        assertFalse(d.getElementById("e-version").text().contains("compare both texts"), "the page shows one form, beside the node's saved text");
        assertEquals("#e-version", d.selectFirst("#node-ok #error-summary a").attr("href"), "the summary leads to the message, not a hidden field");
        assertEquals("Address valid?", d.getElementById("ok-question").val(), "what was typed is kept");
        assertTrue(d.getElementById("node-ok").text().contains("Email and name valid?"), "the current question is shown beside it");
        assertEquals("2", d.selectFirst("#node-ok form[action$=/nodes/ok] input[name=version]").val(), "now based on the current version");

        Response unsaved = Web.as(t.member()).formParam("question", "Address valid?").formParam("version", "9").post(base + "/nodes/ok");
        assertEquals(422, unsaved.statusCode());
        assertNotNull(Web.html(unsaved).getElementById("e-version"));
        Web.as(t.member()).formParam("question", "Address valid?").formParam("branches", "Yes, No").formParam("version", "2")
                .post(base + "/nodes/ok").then().statusCode(303);
        assertEquals("Address valid?", fx.api(t.viewer()).get("/api/v1" + base).then().statusCode(200).extract().path("nodes[0].data.question"));
    }

    /**
     * The journey page calls its own forms journey, new and connect: a node keyed so opened the wrong form when its edit
     * was refused. Keys differing only in case read as one node to a person: both are refused, on the page and the API.
     */
    @Test
    void aNodeKeyNamingOneOfThePagesFormsOrDifferingOnlyInCaseIsRefused() {
        TestData.Team t = data.team();
        String base = journey(t);
        for (String key : List.of("new", "Connect", "journey", "OK")) {
            Response added = Web.as(t.member()).formParam("nodeType", "screen").formParam("key", key).formParam("label", "A screen")
                    .post(base + "/nodes");
            assertEquals(422, added.statusCode(), key + ": " + added.asString());
            Document d = Web.html(added);
            assertEquals(key, d.getElementById("new-key").val(), "the typed key is kept");
            assertTrue(d.getElementById("e-key").text().contains(key), d.getElementById("e-key").text());
        }
        String api = ApiPaths.project(t.slug(), "/journeys");
        fx.api(t.member()).body(Map.of("name", "Cased", "nodes", List.of(Map.of("key", "a", "nodeType", "screen", "data", Map.of()),
                        Map.of("key", "A", "nodeType", "screen", "data", Map.of()), Map.of("key", "new", "nodeType", "screen", "data", Map.of())),
                        "connections", List.of()))
                .post(api).then().statusCode(422)
                .body("details.'nodes[1].key'", org.hamcrest.Matchers.containsString("used twice"))
                .body("details.'nodes[2].key'", org.hamcrest.Matchers.containsString("own forms"));
    }

    /**
     * A node's edit is checked on that node: with the journey open in a second tab, adding a node or editing another in the
     * first left every node's form stale (409, "compare both texts"); it now saves unless the node itself changed.
     */
    @Test
    void aNodeEditSavesWhenOnlyOtherNodesChangedMeanwhile() {
        TestData.Team t = data.team();
        String base = journey(t);
        Document opened = JourneyPositionTest.editor(t.member(), base, "ok");
        String version = opened.selectFirst("input[name=version]").val();
        String seen = opened.selectFirst("input[name=seen]").val();

        Web.as(t.member()).formParam("nodeType", "action").formParam("key", "n6").formParam("label", "Pay").post(base + "/nodes").then().statusCode(303);
        Web.as(t.lead()).formParam("text", "Remember the GDPR").formParam("version", "2").post(base + "/nodes/note").then().statusCode(303);
        Response saved = Web.as(t.member()).formParam("question", "Address valid?").formParam("branches", "Yes, No").formParam("version", version)
                .formParam("seen", seen).post(base + "/nodes/ok");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals("Address valid?", fx.api(t.viewer()).get("/api/v1" + base).then().statusCode(200).extract().path("nodes[0].data.question"));
        assertEquals("Remember the GDPR", fx.api(t.viewer()).get("/api/v1" + base).then().extract().path("nodes[1].data.text"), "the other edit stays");

        Response again = Web.as(t.member()).formParam("question", "Name valid?").formParam("branches", "Yes, No").formParam("version", version)
                .formParam("seen", seen).post(base + "/nodes/ok");
        assertEquals(409, again.statusCode(), "the node itself changed since that form showed it");
        assertEquals("Address valid?", fx.api(t.viewer()).get("/api/v1" + base).then().extract().path("nodes[0].data.question"));
    }

    /** The journey page holds each node's forms only once the node is opened: 500 nodes with their forms were 3 MB. */
    @Test
    void aNodesFormsLoadWhenItIsOpened() {
        TestData.Team t = data.team();
        String base = journey(t);
        Document page = Web.html(Web.as(t.member()).get(base));
        assertNull(page.selectFirst("form[action$=/nodes/ok]"), "no node's form is on the page");
        assertNull(page.getElementById("ok-question"));
        org.jsoup.nodes.Element loader = page.selectFirst("#node-ok details.edit-node [hx-get]");
        assertEquals(base + "/nodes/ok/edit", loader.attr("hx-get"));
        assertEquals("toggle once from:closest details", loader.attr("hx-trigger"));
        assertEquals(base + "/nodes/ok/edit#node-ok", loader.selectFirst("a").attr("href"), "without script, a link opens them");

        Document fragment = JourneyPositionTest.editor(t.member(), base, "ok");
        assertNull(fragment.selectFirst("details, #outline"), "only the node's forms");
        assertEquals("Email valid?", fragment.getElementById("ok-question").val());
        assertNotNull(fragment.selectFirst("form[action$=/nodes/ok/remove]"));

        Document linked = Web.html(Web.as(t.member()).get(base + "/nodes/ok/edit"));
        assertTrue(linked.selectFirst("#node-ok details.edit-node").hasAttr("open"), "the link opens the journey with that node's forms");
        assertEquals("Email valid?", linked.getElementById("ok-question").val());
        assertNull(linked.getElementById("note-text"));
        assertEquals(404, Web.as(t.member()).get(base + "/nodes/nope/edit").statusCode());
    }

    /** A node's forms are a member's: a viewer who opens their address is 403, as on every edit form, not an empty fragment. */
    @Test
    void aViewerOpeningANodesFormsIs403() {
        TestData.Team t = data.team();
        String base = journey(t);
        Response fragment = Web.as(t.viewer()).header("HX-Request", "true").get(base + "/nodes/ok/edit");
        assertEquals(403, fragment.statusCode(), fragment.asString());
        assertEquals(403, Web.as(t.viewer()).get(base + "/nodes/ok/edit").statusCode());
        assertEquals(403, Web.as(t.reviewer()).header("HX-Request", "true").get(base + "/nodes/ok/edit").statusCode());
        assertEquals(200, Web.as(t.viewer()).get(base).statusCode(), "the journey page itself is theirs to read");
    }
}
