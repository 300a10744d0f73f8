package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.specboard.design.PageResourceTest.createPage;
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
                .body("extractedPatterns.colorsUsed", org.hamcrest.Matchers.hasItem("#0a0b0c"));
        Document shown = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/2").then().statusCode(200).extract().response());
        assertTrue(shown.select("#patterns").text().contains("larger than one analysis reads"), shown.select("#patterns").text());
        Document small = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/pages/" + page + "/mockups/1").then().statusCode(200).extract().response());
        assertTrue(!small.select("#patterns").text().contains("larger than one analysis reads"), "a small mockup is read whole");
    }
}
