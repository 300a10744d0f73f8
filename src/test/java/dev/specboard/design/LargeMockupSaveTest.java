package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.specboard.design.PageResourceTest.createPage;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 264 KB mockup of 4,800 styled elements is saved (read in part, and the version says so), as the API tester's body was. */
@QuarkusTest
class LargeMockupSaveTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aLargeMockupIsSavedAndItsPatternsSayTheyWereReadInPart() {
        TestData.Team t = data.team();
        String page = createPage(t, "Shop", "/shop", null, DesignFixtures.HOME_HTML, null);
        String mockups = ApiPaths.project(t.slug()) + "/pages/" + page + "/mockups";
        fx.api(t.member()).body(Map.of("html", MockupAnalysisBoundsTest.largeMockup(1))).post(mockups).then().statusCode(201)
                .body("extractedPatterns.colorsUsed", org.hamcrest.Matchers.hasItem("#0a0b0c")).body("analysisPartial", equalTo(true));
        Document shown = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/2").then().statusCode(200).extract().response());
        assertTrue(shown.select("#patterns").text().contains("larger than one analysis reads"), shown.select("#patterns").text());
        Document small = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/1").then().statusCode(200).extract().response());
        assertTrue(!small.select("#patterns").text().contains("larger than one analysis reads"), "a small mockup is read whole");
        assertNull(small.getElementById("analysis-partial"));
    }

    /**
     * The notice was the last line of the page, under one line per colour, and an agent could not tell at all: it leads
     * the section, and the API's and MCP's mockup says {@code analysisPartial}.
     */
    @Test
    void aMockupReadInPartSaysSoAtopItsPatternsAndToAgents() {
        TestData.Team t = data.team();
        String page = createPage(t, "Links", "/links", null, DesignFixtures.HOME_HTML, null);
        String mockups = ApiPaths.project(t.slug()) + "/pages/" + page + "/mockups";
        // More interactions than one analysis reads: a small body read in part.
        fx.api(t.member()).body(Map.of("html", "<a href='/x' style='color:#0a0b0c'>x</a>".repeat(MockupAnalyzer.MAX_INTERACTIONS + 10)))
                .post(mockups).then().statusCode(201);

        Document shown = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/2").then().statusCode(200).extract().response());
        Element note = shown.getElementById("analysis-partial");
        assertNotNull(note, shown.select("#patterns").outerHtml());
        assertEquals(shown.selectFirst("#patterns-h"), note.previousElementSibling(), "the notice leads the section, under its heading");
        assertTrue(note.text().startsWith("Read in part This mockup is larger than one analysis reads"), note.text());
        assertNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/1")).getElementById("analysis-partial"));

        fx.api(t.viewer()).get(mockups + "/2").then().statusCode(200).body("analysisPartial", equalTo(true));
        fx.api(t.viewer()).get(mockups + "/1").then().statusCode(200).body("analysisPartial", equalTo(false));

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        for (int version : new int[] {1, 2}) {
            Response mcp = Mcp.callTool(token, session, "get_mockup", "{\"project\": \"" + t.slug() + "\", \"pageId\": \"" + page
                    + "\", \"version\": " + version + "}");
            assertEquals(version == 2, mcp.path("result.structuredContent.analysisPartial"), mcp.asString());
        }
    }
}
