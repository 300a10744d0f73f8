package dev.specboard.web;

import dev.specboard.support.Browser;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every markdown field has Write and Preview; the preview is the server's sanitised rendering. */
@QuarkusTest
class MarkdownPreviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void previewShowsTheSanitisedRenderingAndWriteKeepsTheText() {
        TestData.Team t = data.team();
        String text = "A **bold** plan <script>window.previewRan = true</script> [x](javascript:alert(1))";
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/new");
            b.type("#f-description", text);
            b.click("#f-description-preview");
            b.waitForText("#f-description-shown strong", "bold");
            assertEquals("true", b.find("#f-description-preview").getAttribute("aria-pressed"));
            assertEquals(0, b.count("#f-description-shown script"));
            assertEquals(0, b.count("#f-description-shown a[href^=javascript]"));
            assertFalse(b.find("#f-description").isDisplayed(), "the text hides while previewing");
            b.assertAccessible();

            b.click("#f-description-write");
            assertTrue(b.find("#f-description").isDisplayed());
            assertEquals(text, b.value("#f-description"), "going back to Write keeps the text");
            assertEquals(Boolean.FALSE, b.js("return window.previewRan === true;"));

            // The same tabs appear on other markdown fields, e.g. a task comment.
            b.go("/projects/" + t.slug() + "/stories/new");
            assertEquals(1, b.count("#f-acceptanceCriteria-preview"));
            // Acceptance criteria are one requirement per line: the preview keeps the lines, as the story page does.
            b.type("#f-acceptanceCriteria", "WHEN saved THE SYSTEM SHALL confirm\nWHEN offline THE SYSTEM SHALL queue");
            b.click("#f-acceptanceCriteria-preview");
            b.waitForText("#f-acceptanceCriteria-shown p", "queue");
            assertEquals(1, b.count("#f-acceptanceCriteria-shown br"));
        }
    }

    @Test
    void typingAnAtSignOffersTheProjectsMembersByKeyboard() {
        TestData.Team t = data.team();
        String lead = t.lead().username;
        try (Browser b = Browser.open(base.toString())) {
            b.login(t.member().username, TestData.PASSWORD);
            b.go("/projects/" + t.slug() + "/stories/new");
            b.type("#f-description", "Ask @" + lead.substring(0, lead.length() - 2));
            b.waitFor("#f-description-mentions li[aria-selected=true]");
            assertTrue(b.find("#f-description-mentions").isDisplayed());
            assertEquals(b.find("#f-description-mentions li[aria-selected=true]").getAttribute("id"),
                    b.find("#f-description").getAttribute("aria-activedescendant"));
            assertTrue(b.text("#f-description-mentions").contains("@" + lead), b.text("#f-description-mentions"));
            b.assertAccessible();
            b.find("#f-description").sendKeys(org.openqa.selenium.Keys.ENTER);
            b.waitUntil(d -> b.value("#f-description").equals("Ask @" + lead + " "));
            assertFalse(b.find("#f-description-mentions").isDisplayed());
        }
        Web.as(t.member()).get("/projects/" + t.slug() + "/members/suggest?q=" + lead.substring(0, 3)).then().statusCode(200)
                .body("username", org.hamcrest.Matchers.hasItem(lead));
        Web.as(t.outsider()).get("/projects/" + t.slug() + "/members/suggest?q=a").then().statusCode(404);
        Web.as(t.member()).get("/projects/" + t.slug() + "/members/suggest?q=%25_").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void thePreviewNeedsALoginAndItsTokenAndRefusesWhatIsTooLong() {
        TestData.Team t = data.team();
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("text", "*a*")
                .post("/markdown/preview").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(302),
                        org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(403)));
        Response ok = Web.as(t.viewer()).contentType("application/x-www-form-urlencoded").formParam("text", "*a* <img src=x onerror=alert(1)>")
                .post("/markdown/preview");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.asString().contains("<em>a</em>"), ok.asString());
        assertFalse(ok.asString().contains("onerror"), ok.asString());
        assertEquals(422, Web.as(t.viewer()).contentType("application/x-www-form-urlencoded")
                .formParam("text", "x".repeat(MarkdownPreviewResource.MAX_CHARS + 1)).post("/markdown/preview").statusCode());
    }
}
