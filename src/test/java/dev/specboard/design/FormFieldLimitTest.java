package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A form field over 2 MB (the old form attribute limit) got Quarkus's bare 413 and lost everything typed, where one of
 * 1.5 MB got the form's 422 with every value kept: now any field within the 20 MB body limit gets the form's own answer.
 */
@QuarkusTest
class FormFieldLimitTest {

    @Inject
    TestData data;

    @Test
    void aFieldOfMoreThanTwoMegabytesGetsTheFormsRefusalWithTheOtherValuesKept() {
        TestData.Team t = data.team();
        String id = PageResourceTest.createPage(t, "Home", "/", null, "<p>first</p>", "");
        String css = "a".repeat(2_200_000);
        Response r = Web.as(t.member()).formParam("html", "<p>kept</p>").formParam("css", css).formParam("changeDescription", "Huge styles")
                .formParam("basedOn", "1").post("/projects/" + t.slug() + "/pages/" + id + "/mockups");
        assertEquals(422, r.statusCode(), r.asString().substring(0, Math.min(400, r.asString().length())));
        Document page = Web.html(r);
        assertEquals("At most 500000 characters", page.getElementById("e-css").text());
        assertEquals("<p>kept</p>", page.selectFirst("#mockup-form #f-html").wholeText(), "the other field is kept");
    }
}
