package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field a journey form's error summary lists carries its own inline error and aria-invalid: the new journey's
 * description, a node's branches, and a connection's label, trigger and element were only in the summary, and a new
 * node's taken key hid its over-long label.
 */
@QuarkusTest
class JourneyInlineErrorsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** The refused form's summary names fields; each of them, in that form, is marked invalid and has its message beside it. */
    private static void everyListedFieldIsMarked(Document page, String formSelector, List<String> expected) {
        Element form = page.selectFirst(formSelector);
        assertNotNull(form, formSelector);
        List<String> listed = new ArrayList<>();
        for (Element link : form.select("[data-error-summary] a[data-field]")) {
            String field = link.attr("data-field");
            listed.add(field);
            Element input = form.selectFirst("[name=" + field + "]");
            assertNotNull(input, field + " is a field of the form");
            assertEquals("true", input.attr("aria-invalid"), field + " is marked invalid");
            assertTrue(input.attr("aria-describedby").contains("e-" + field), field + " is described by its error");
            Element error = form.getElementById("e-" + field);
            assertNotNull(error, field + " has its inline error");
            assertFalse(error.text().isBlank(), field);
        }
        assertTrue(listed.containsAll(expected), "listed: " + listed);
    }

    @Test
    void aNewJourneysOverLongDescriptionIsMarkedOnItsField() {
        TestData.Team t = data.team();
        Response r = Web.as(t.member()).formParam("name", "").formParam("description", "d".repeat(5001))
                .post("/projects/" + t.slug() + "/journeys");
        assertEquals(422, r.statusCode(), r.asString());
        Document d = Web.html(r);
        everyListedFieldIsMarked(d, "#journey-form", List.of("name", "description"));
        assertEquals("At most 5000 characters", d.getElementById("e-description").text());
    }

    @Test
    void overLongNodeAndConnectionFieldsAreMarkedOnTheirFields() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Pay", "nodes", List.of(
                        Map.of("key", "ask", "nodeType", "decision", "data", Map.of("question", "Card?", "branches", List.of("Yes"))),
                        Map.of("key", "b", "nodeType", "action", "data", Map.of("label", "Done"))), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/journeys/" + id;

        Response node = Web.as(t.member()).formParam("nodeType", "decision").formParam("label", "l".repeat(256)).formParam("question", "Why?")
                .formParam("branches", "b".repeat(1001)).post(base + "/nodes");
        assertEquals(422, node.statusCode(), node.asString());
        Document d = Web.html(node);
        everyListedFieldIsMarked(d, "#node-form", List.of("label", "branches"));
        assertEquals("At most 255 characters", d.selectFirst("#node-form #e-label").text());

        Response taken = Web.as(t.member()).formParam("key", "ask").formParam("nodeType", "action").formParam("label", "l".repeat(256))
                .post(base + "/nodes");
        assertEquals(422, taken.statusCode(), taken.asString());
        Document both = Web.html(taken);
        everyListedFieldIsMarked(both, "#node-form", List.of("key", "label"));
        assertEquals("The key ask is taken in this journey", both.selectFirst("#node-form #e-key").text());

        Response edit = Web.as(t.member()).formParam("label", "l".repeat(256)).formParam("question", "Card?").formParam("branches", "Yes")
                .post(base + "/nodes/ask");
        assertEquals(422, edit.statusCode(), edit.asString());
        everyListedFieldIsMarked(Web.html(edit), "#node-ask form[action$=\"/nodes/ask\"]", List.of("label"));

        Response connect = Web.as(t.member()).formParam("from", "ask").formParam("to", "b").formParam("label", "x".repeat(101))
                .formParam("trigger", "t".repeat(51)).formParam("element", "e".repeat(201)).post(base + "/connections");
        assertEquals(422, connect.statusCode(), connect.asString());
        Document c = Web.html(connect);
        everyListedFieldIsMarked(c, "#connection-form", List.of("label", "trigger", "element"));
        assertEquals("At most 100 characters", c.selectFirst("#connection-form #e-label").text());
    }
}
