package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feature's description typed on several lines showed on one ("line1 line2"): the page now keeps its line breaks. */
@QuarkusTest
class FeatureDescriptionLinesTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aDescriptionKeepsItsLinesOnTheFeaturePageTheListAndTheWizardReview() {
        TestData.Team t = data.team();
        String id = fx.api(t.member()).body(Map.of("name", "Notes", "userDescription", "line1\nline2"))
                .post(ApiPaths.project(t.slug()) + "/features").then().statusCode(201).extract().path("id");
        String css = RestAssured.get("/static/app.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains(".multiline { white-space: pre-line;"), "the app's stylesheet keeps the lines of .multiline text");

        Element shown = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features/" + id)).getElementById("feature-description");
        assertTrue(shown.hasClass("multiline"), shown.outerHtml());
        assertEquals("line1\nline2", shown.wholeText());
        assertNotNull(Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/features")).selectFirst("p.multiline"));

        String base = "/projects/" + t.slug() + "/design/wizards/feature-builder";
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "line1\nline2").formParam("category", "")
                .post(base + "/describe").then().statusCode(303);
        Web.as(t.member()).formParam("businessRules", "").post(base + "/pages").then().statusCode(303);
        Web.as(t.member()).formParam("creates", "").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);
        Element review = Web.html(Web.as(t.member()).get(base)).getElementById("review-description");
        assertTrue(review.hasClass("multiline"), review.outerHtml());
        assertEquals("line1\nline2", review.wholeText());
    }
}
