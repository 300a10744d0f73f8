package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.specboard.design.PageResourceTest.createPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's ai_notes: what an assistant notes on a mockup version it saves is kept, answered by the API and shown on the version. */
@QuarkusTest
class MockupNotesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void theAssistantsNotesOnAVersionAreKeptAnsweredAndShown() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String page = createPage(t, "Pricing", "/pricing", null, DesignFixtures.HOME_HTML, null);
        String mockups = api + "/pages/" + page + "/mockups";
        fx.api(t.member()).body(Map.of("html", "<main><h1>Plans</h1></main>", "aiNotes", Collections.nCopies(21, "a note")))
                .post(mockups).then().statusCode(422).body("details.aiNotes", org.hamcrest.Matchers.containsString("At most 20"));
        fx.api(t.member()).body(Map.of("html", "<main><h1>Plans</h1></main>", "aiNotes", List.of("x".repeat(1001))))
                .post(mockups).then().statusCode(422).body("details.aiNotes", org.hamcrest.Matchers.containsString("1000 characters"));
        List<String> saved = fx.api(t.member()).body(Map.of("html", "<main><h1>Plans</h1></main>", "changedBy", "ai", "basedOnVersion", 1,
                        "aiNotes", List.of("Assumed prices are monthly", " ", "Is there a free tier?")))
                .post(mockups).then().statusCode(201).extract().path("aiNotes");
        assertEquals(List.of("Assumed prices are monthly", "Is there a free tier?"), saved, "blank notes are dropped");
        assertEquals(saved, fx.api(t.viewer()).get(mockups + "/2").then().statusCode(200).extract().path("aiNotes"));
        assertEquals(List.of(), fx.api(t.viewer()).get(mockups + "/1").then().statusCode(200).extract().path("aiNotes"), "a version without notes has none");

        Document shown = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/2").then().statusCode(200).extract().response());
        assertEquals(List.of("Assumed prices are monthly", "Is there a free tier?"), shown.select("#ai-note-list li").eachText());
        assertTrue(shown.selectFirst("#ai-notes-h").text().contains("notes"));
        Document none = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/1").then().statusCode(200).extract().response());
        assertNull(none.selectFirst("#ai-notes"), "no empty notes section");
    }
}
