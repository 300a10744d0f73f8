package dev.specboard.story;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExecutiveSummaryResourceTest {

    @Inject
    TestData data;

    @Inject
    ExecutiveSummaryService summaries;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void approveFormOfAVersionReplacedSinceAnswers409AndApprovesNothing() {
        TestData.Team t = data.team();
        String url = "/projects/" + t.slug() + "/executive-summary";
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        summaries.edit(member, "We sell books", 0);
        Document opened = Web.html(Web.as(t.lead()).get(url));
        assertEquals("1", opened.select("form:has(#approve-summary) input[name=version]").val(), "the approve form names the version shown");
        summaries.edit(member, "We sell e-books", 1);

        Response stale = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "1").post(url + "/approve");
        assertEquals(409, stale.statusCode());
        Document page = Web.html(stale);
        assertTrue(page.getElementById("stale-approval").text()
                .startsWith("The executive summary was changed by " + t.member().username
                        + " after you opened it: you read version 1, it is now version 2."));
        assertEquals("Approve version 2", page.getElementById("approve-summary").text());
        assertNotNull(page.getElementById("summary-diff"), "what changed since the version read is shown");
        assertNotNull(Web.html(Web.as(t.viewer()).get(url)).getElementById("summary-unapproved"), "nothing was approved");

        // A stale edit names who saved the newer version too, as a story's does (it said "someone else").
        String api = "/api/v1/projects/" + t.slug() + "/executive-summary";
        fx.api(t.lead()).body(java.util.Map.of("content", "We sell audiobooks", "version", 1)).put(api).then()
                .statusCode(409).body("error", org.hamcrest.Matchers.startsWith("The executive summary was changed by " + t.member().username
                        + " while you edited it"));
        fx.api(t.member()).body(java.util.Map.of("content", "We sell audiobooks", "version", 1)).put(api).then()
                .statusCode(409).body("error", org.hamcrest.Matchers.startsWith("The executive summary was changed by you in another request"));
        Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("version", "2").post(url + "/approve").then().statusCode(303);
        assertEquals("Approved (version 2)", Web.html(Web.as(t.viewer()).get(url)).getElementById("summary-approved").text());
    }

    @Test
    void theSummaryEditorHasWriteAndPreviewLikeEveryMarkdownField() {
        TestData.Team t = data.team();
        Document page = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/executive-summary"));
        // static/markdown.js gives every textarea marked data-markdown its Write and Preview tabs (MarkdownPreviewBrowserTest).
        assertTrue(page.getElementById("f-content").hasAttr("data-markdown"), "the summary is markdown");
    }

    @Test
    void aBlankSummaryIsRefusedWithTheFieldNamedAndSavesNoVersion() {
        TestData.Team t = data.team();
        String url = "/projects/" + t.slug() + "/executive-summary";
        summaries.edit(new Access(t.project(), Role.MEMBER, t.member().id), "We sell books", 0);
        Response refused = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("content", " \n ")
                .formParam("version", "1").post(url);
        assertEquals(422, refused.statusCode());
        Document page = Web.html(refused);
        assertEquals("Write the executive summary", page.getElementById("e-content").text());
        assertEquals("true", page.getElementById("f-content").attr("aria-invalid"));
        assertEquals("Approve version 1", Web.html(Web.as(t.lead()).get(url)).getElementById("approve-summary").text(),
                "no empty version was saved");
    }
}
