package dev.specboard.wizard;

import dev.specboard.design.EntityFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page chosen at the feature builder's pages step and deleted in another tab before Create: the review step answered
 * "There is no page <uuid> in this project" with a link to a field it does not show. The pages step now names the page.
 */
@QuarkusTest
class FeatureWizardDeletedPageTest {

    @Inject
    TestData data;

    @Test
    void createAfterAChosenPageWasDeletedSendsThePersonBackToThePagesStepNamingIt() {
        TestData.Team t = data.team();
        String clash = DesignWizardResourceTest.pageVia(t, null, "Clash", "/clash", EntityFixtures.NEW_CONTACT, "");
        String contacts = DesignWizardResourceTest.pageVia(t, null, "Contacts", "/contacts", EntityFixtures.CONTACTS, "");
        String base = DesignWizardResourceTest.base(t, "feature-builder");
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "")
                .post(base + "/describe").then().statusCode(303);
        Web.as(t.member()).formParam("pages", clash).formParam("pages", contacts).formParam("businessRules", "")
                .post(base + "/pages").then().statusCode(303);
        Web.as(t.member()).formParam("creates", "Contact").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);
        // Another tab deletes a chosen page.
        Web.as(t.member()).formParam("x", "1").post("/projects/" + t.slug() + "/pages/" + clash + "/delete").then().statusCode(303);

        Response create = Web.as(t.member()).formParam("draftStory", "").post(base + "/review");
        assertEquals(422, create.statusCode());
        Document page = Web.html(create);
        assertTrue(page.selectFirst("form[action$=/feature-builder/pages]") != null, "the pages step comes back");
        String summary = page.getElementById("error-summary").text();
        assertTrue(summary.contains("The page Clash was deleted meanwhile"), summary);
        assertFalse(summary.contains(clash), "no raw id: " + summary);
        Element link = page.selectFirst("#error-summary a[data-field=pages]");
        assertNotNull(page.selectFirst("input[name=pages]#page-" + contacts), "the field the summary links to is on the page: " + link);
        assertFalse(page.select("input[name=pages]").stream().anyMatch(i -> i.val().equals(clash)));

        // The run went back there: reopening the wizard shows the pages step with the problem, not Review again.
        Document reopened = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertEquals("pages", reopened.getElementById("wizard").attr("data-step"));
        assertTrue(reopened.getElementById("error-summary").text().contains("The page Clash was deleted meanwhile"));
        assertTrue(reopened.select("#step-data.done, #step-review.done").isEmpty(), reopened.getElementById("wizard-steps").outerHtml());

        // Choosing again and creating works.
        Web.as(t.member()).formParam("pages", contacts).formParam("businessRules", "").post(base + "/pages").then().statusCode(303);
        Web.as(t.member()).formParam("creates", "Contact").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);
        assertEquals(303, Web.as(t.member()).formParam("draftStory", "").post(base + "/review").statusCode());
    }
}
