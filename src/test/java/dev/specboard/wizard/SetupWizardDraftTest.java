package dev.specboard.wizard;

import dev.specboard.account.Account;
import dev.specboard.project.Project;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What was typed on a step of the setup wizard is kept when the step is left by Back or by a step of the step list (they
 * were links, and only Next kept it): as the step's draft, shown again when it opens, and checked only by its Next.
 */
@QuarkusTest
class SetupWizardDraftTest {

    @Inject
    TestData data;

    private static RequestSpecification form(Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded");
    }

    private static Document page(Account a, String path) {
        Response r = Web.as(a).get(path);
        assertEquals(200, r.statusCode(), path);
        return Web.html(r);
    }

    private static String current(Document d) {
        return d.selectFirst("#wizard-steps li[aria-current=step]").id().substring("step-".length());
    }

    /** A run at the summary step, its vision and repository skipped. */
    private static String toSummary(Account a) {
        String name = TestData.unique("Draft");
        form(a).formParam("name", name).formParam("slug", "").formParam("type", "pwa").formParam("framework", "")
                .formParam("description", "").post("/projects/new/basics").then().statusCode(303);
        form(a).post("/projects/new/skip?step=vision").then().statusCode(303);
        form(a).post("/projects/new/skip?step=repository").then().statusCode(303);
        return name;
    }

    private static Project project(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Project.<Project>find("name", name).firstResult());
    }

    @Test
    void theSummaryTypedIsKeptWhenLeftByBackOrAStepOfTheList() {
        Account a = data.account("draftsum");
        String name = toSummary(a);
        Document summary = page(a, "/projects/new");
        assertEquals("summary", current(summary));
        // Back and the reachable steps of the list are buttons of the step's form, which carries the CSRF token.
        Element back = summary.getElementById("wizard-back");
        assertEquals("button", back.tagName());
        assertEquals("goto", back.attr("name"));
        assertEquals("repository", back.val());
        assertEquals("wizard-form", back.closest("form").id());
        Element basics = summary.selectFirst("#step-basics button[name=goto]");
        assertNotNull(basics, summary.getElementById("wizard-steps").outerHtml());
        assertEquals("wizard-form", basics.attr("form"));
        assertEquals("basics", basics.val());
        assertNotNull(summary.selectFirst("#wizard-form input[name=csrf-token]"));

        form(a).formParam("executiveSummary", "We build **calm** tools.").formParam("goto", "repository")
                .post("/projects/new/summary").then().statusCode(303).header("Location", endsWith("/projects/new?step=repository"));
        assertEquals("repository", current(page(a, "/projects/new")), "Back opened the step before");
        Document again = page(a, "/projects/new?step=summary");
        assertEquals("We build **calm** tools.", again.getElementById("f-executiveSummary").text());
        assertNotNull(again.selectFirst("#summary-preview strong"), "the preview shows the draft too");
        assertFalse(project(name).hasSummary(), "a draft is not the project's summary until Next");
        assertFalse(again.getElementById("step-summary").hasClass("done"));

        // A step of the list keeps it as well, even emptied (Next would refuse it): leaving is not answering.
        form(a).formParam("executiveSummary", "Second thoughts").formParam("goto", "basics")
                .post("/projects/new/summary").then().statusCode(303).header("Location", endsWith("/projects/new?step=basics"));
        assertEquals("Second thoughts", page(a, "/projects/new?step=summary").getElementById("f-executiveSummary").text());
        form(a).formParam("executiveSummary", "").formParam("goto", "vision").post("/projects/new/summary").then().statusCode(303);
        assertEquals("", page(a, "/projects/new?step=summary").getElementById("f-executiveSummary").text());

        // Next then records it as before, and the draft is gone.
        form(a).formParam("executiveSummary", "Final words").post("/projects/new/summary").then().statusCode(303);
        assertEquals("Final words", project(name).executiveSummary.strip());
        assertEquals("Final words", page(a, "/projects/new?step=summary").getElementById("f-executiveSummary").text());
    }

    @Test
    void everyStepWithAFormKeepsItsDraftAndOnlyNextChecksIt() {
        Account a = data.account("draftall");
        String name = toSummary(a);

        // Vision: a colour Next refuses is kept as typed, without a 422, and does not reach the project.
        form(a).formParam("visionStatement", "Calm plans").formParam("targetFeeling", "playful").formParam("referenceApps", "Notion")
                .formParam("icon", "").formParam("color", "red").formParam("goto", "repository")
                .post("/projects/new/vision").then().statusCode(303).header("Location", endsWith("?step=repository"));
        Document vision = page(a, "/projects/new?step=vision");
        assertEquals("Calm plans", vision.getElementById("f-visionStatement").text());
        assertEquals("red", vision.getElementById("f-color").val());
        assertEquals("playful", vision.select("#f-targetFeeling option[selected]").val());
        assertTrue(project(name).color == null || project(name).color.isEmpty(), "the colour is not the project's");
        assertEquals(422, form(a).formParam("visionStatement", "Calm plans").formParam("color", "red")
                .post("/projects/new/vision").statusCode(), "Next still checks it");

        // Repository: kept, not connected (only Next connects a repository and starts its sync).
        form(a).formParam("repoUrl", "git@example.com:team/draft.git").formParam("defaultBranch", "trunk").formParam("goto", "vision")
                .post("/projects/new/repository").then().statusCode(303).header("Location", endsWith("?step=vision"));
        Document repo = page(a, "/projects/new?step=repository");
        assertEquals("git@example.com:team/draft.git", repo.getElementById("f-repoUrl").val());
        assertEquals("trunk", repo.getElementById("f-defaultBranch").val());
        Project p = project(name);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> dev.specboard.repo.Repo.listByProject(p.id)).isEmpty());

        // Skip keeps what was typed too, for when the step is opened again.
        form(a).formParam("executiveSummary", "Maybe later").post("/projects/new/skip?step=summary").then().statusCode(303)
                .header("Location", endsWith("?step=invite"));
        assertEquals("Maybe later", page(a, "/projects/new?step=summary").getElementById("f-executiveSummary").text());
        assertFalse(project(name).hasSummary());

        // Invite: the rows are kept, and nobody is invited.
        form(a).formParam("who", "someone@example.test").formParam("role", "lead").formParam("who", "").formParam("role", "member")
                .formParam("goto", "summary").post("/projects/new/invite").then().statusCode(303).header("Location", endsWith("?step=summary"));
        Document invite = page(a, "/projects/new?step=invite");
        assertEquals("someone@example.test", invite.getElementById("f-who-0").val());
        assertEquals("lead", invite.select("#f-role-0 option[selected]").val());
        assertFalse(project(name).setupComplete);

        // Basics: kept while the project keeps its name until Next.
        form(a).formParam("name", "").formParam("slug", "Not A Slug").formParam("type", "api").formParam("framework", "Rails")
                .formParam("description", "half").formParam("goto", "invite").post("/projects/new/basics")
                .then().statusCode(303).header("Location", endsWith("?step=invite"));
        Document basics = page(a, "/projects/new?step=basics");
        assertEquals("Not A Slug", basics.getElementById("f-slug").val());
        assertEquals("Rails", basics.getElementById("f-framework").val());
        assertEquals("api", basics.select("#f-type option[selected]").val());
        assertEquals(name, project(name).name);
    }

    /** A step holding a draft says so in the step list, in words (not a colour), on every step's page, until its Next. */
    @Test
    void theStepListMarksAStepThatHoldsADraft() {
        Account a = data.account("draftmark");
        toSummary(a);
        assertTrue(page(a, "/projects/new").select("#wizard-steps .step-draft").isEmpty(), "no draft yet");
        form(a).formParam("executiveSummary", "Half a thought").formParam("goto", "repository")
                .post("/projects/new/summary").then().statusCode(303);
        Document repo = page(a, "/projects/new?step=repository");
        assertEquals("(draft, not saved)", repo.select("#step-summary #draft-summary").text());
        assertEquals(1, repo.select("#wizard-steps .step-draft").size(), repo.getElementById("wizard-steps").outerHtml());
        assertEquals("(draft, not saved)", page(a, "/projects/new?step=summary").select("#draft-summary").text(), "the step open shows it too");

        // Passing through a step by Back without changing anything keeps no draft: the mark means unsaved changes.
        form(a).formParam("who", "").formParam("role", "member").formParam("goto", "summary").post("/projects/new/invite").then().statusCode(303);
        form(a).formParam("repoUrl", "").formParam("defaultBranch", "main").formParam("goto", "vision").post("/projects/new/repository").then().statusCode(303);
        Document vision = page(a, "/projects/new?step=vision");
        assertTrue(vision.select("#draft-invite, #draft-repository").isEmpty(), vision.getElementById("wizard-steps").outerHtml());

        // Next records the step: its mark goes.
        form(a).formParam("executiveSummary", "A whole thought").post("/projects/new/summary").then().statusCode(303);
        assertTrue(page(a, "/projects/new?step=summary").select("#wizard-steps .step-draft").isEmpty());
    }

    @Test
    void anUnknownStepStaysAndNoRunHasNothingToKeep() {
        Account fresh = data.account("draftnone");
        form(fresh).formParam("name", "Typed").formParam("type", "pwa").formParam("goto", "summary").post("/projects/new/basics")
                .then().statusCode(303).header("Location", endsWith("/projects/new"));
        Account a = data.account("draftodd");
        toSummary(a);
        form(a).formParam("executiveSummary", "odd").formParam("goto", "nowhere").post("/projects/new/summary")
                .then().statusCode(303).header("Location", endsWith("?step=summary"));
        assertEquals("odd", page(a, "/projects/new").getElementById("f-executiveSummary").text());
    }
}
