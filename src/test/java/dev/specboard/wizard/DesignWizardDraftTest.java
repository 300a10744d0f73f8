package dev.specboard.wizard;

import dev.specboard.design.Page;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design wizards keep what was typed on a step left by Back or a step of the step list (they were links, and only
 * Next kept it): as the step's draft, shown when the step opens again, answering nothing until its Next.
 */
@QuarkusTest
class DesignWizardDraftTest {

    @Inject
    TestData data;

    private static Document page(TestData.Team t, String path) {
        return Web.html(Web.as(t.member()).get(path).then().statusCode(200).extract().response());
    }

    @Test
    void aPageStepLeftByAStepOfTheListOrBackKeepsWhatWasTyped() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "page-creator");
        Web.as(t.member()).formParam("name", "Contacts").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").post(base + "/page").then().statusCode(303);
        Web.as(t.member()).formParam("layout", "list").post(base + "/layout").then().statusCode(303);

        Document review = page(t, base);
        Element pageStep = review.selectFirst("#step-page button[name=goto]");
        assertNotNull(pageStep, review.getElementById("wizard-steps").outerHtml());
        assertEquals("wizard-form", pageStep.attr("form"));
        assertEquals("button", review.getElementById("wizard-back").tagName());

        // Back at the page step, a path Next refuses is typed, and the list's Review is pressed: kept, no 422, nothing changed.
        page(t, base + "?step=page");
        Web.as(t.member()).formParam("name", "People").formParam("path", "/People list").formParam("purpose", "Find anyone")
                .formParam("primaryDevice", "desktop").formParam("goto", "review").post(base + "/page")
                .then().statusCode(303).header("Location", endsWith(base + "?step=review"));
        assertEquals("review", page(t, base).getElementById("wizard").attr("data-step"));
        Document again = page(t, base + "?step=page");
        assertEquals("People", again.getElementById("f-name").val());
        assertEquals("/People list", again.getElementById("f-path").val());
        assertEquals("Find anyone", again.getElementById("f-purpose").text());
        assertEquals("desktop", again.select("#f-primaryDevice option[selected]").val());
        assertEquals("Contacts", lastRun(t).answer(DesignStep.PAGE, "name"), "a draft is no answer");

        // Create makes the page from the answers, not from a draft.
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Page.count("projectId = ?1 and path = ?2", t.project().id, "/contacts")));
    }

    @Test
    void aStepNotYetAnsweredKeepsItsDraftWithoutOpeningTheStepsAfterIt() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "feature-builder");
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "")
                .post(base + "/describe").then().statusCode(303);
        Web.as(t.member()).formParam("businessRules", "Members can edit contacts").formParam("goto", "describe").post(base + "/pages")
                .then().statusCode(303).header("Location", endsWith(base + "?step=describe"));
        Document describe = page(t, base);
        assertEquals("describe", describe.getElementById("wizard").attr("data-step"));
        assertTrue(describe.select("#wizard-steps button[value=data]").isEmpty(), "the pages step is still unanswered");
        assertFalse(lastRun(t).answered(DesignStep.PAGES));
        // A step the pages step does not open yet stays out of reach: the pages step opens with its draft.
        Web.as(t.member()).formParam("businessRules", "Members can edit contacts").formParam("goto", "data").post(base + "/pages")
                .then().statusCode(303).header("Location", endsWith(base + "?step=pages"));
        assertEquals("Members can edit contacts", page(t, base + "?step=pages").getElementById("f-businessRules").text());
    }

    /** A step holding a draft says so in the step list, in words (not a colour); one left unchanged holds none. */
    @Test
    void theStepListMarksAStepThatHoldsADraft() {
        TestData.Team t = data.team();
        String base = DesignWizardResourceTest.base(t, "page-creator");
        Web.as(t.member()).formParam("name", "Contacts").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").post(base + "/page").then().statusCode(303);
        Web.as(t.member()).formParam("layout", "list").post(base + "/layout").then().statusCode(303);
        assertTrue(page(t, base).select("#wizard-steps .step-draft").isEmpty(), "no draft yet");

        Web.as(t.member()).formParam("name", "People").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").formParam("goto", "review").post(base + "/page").then().statusCode(303);
        Document review = page(t, base);
        assertEquals("(draft, not saved)", review.select("#step-page #draft-page").text(), review.getElementById("wizard-steps").outerHtml());
        assertEquals(1, review.select("#wizard-steps .step-draft").size());

        // Typed back as it was saved, the step holds no draft any more.
        Web.as(t.member()).formParam("name", "Contacts").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").formParam("goto", "review").post(base + "/page").then().statusCode(303);
        assertTrue(page(t, base).select("#wizard-steps .step-draft").isEmpty(), page(t, base).getElementById("wizard-steps").outerHtml());
    }

    private static WizardRun lastRun(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> WizardRun.<WizardRun>find("projectId = ?1 order by startedAt desc", t.project().id).firstResult());
    }
}
