package dev.specboard.wizard;

import dev.specboard.design.DesignFixtures;
import dev.specboard.design.DesignSystemService;
import dev.specboard.design.DesignTokens;
import dev.specboard.design.EntityFixtures;
import dev.specboard.design.Feature;
import dev.specboard.design.FeatureStory;
import dev.specboard.design.Mockup;
import dev.specboard.design.Page;
import dev.specboard.design.Thought;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The design wizards through HTTP: each step saved and resumable, 422 keeping values, and what each run ends with. */
@QuarkusTest
class DesignWizardResourceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    DesignSystemService designSystems;

    static String base(TestData.Team t, String type) {
        return "/projects/" + t.slug() + "/design/wizards/" + type;
    }

    static WizardRun lastRun(TestData.Team t, String type) {
        return QuarkusTransaction.requiringNew().call(() -> WizardRun.<WizardRun>find("projectId = ?1 and wizardType = ?2 order by startedAt desc",
                t.project().id, type).firstResult());
    }

    static String pageVia(TestData.Team t, String unused, String name, String path, String html, String css) {
        return Web.as(t.member()).formParam("name", name).formParam("path", path).formParam("parent", "").formParam("type", "page")
                .formParam("primaryDevice", "responsive").formParam("purpose", "").formParam("keyElements", "").formParam("html", html)
                .formParam("css", css).formParam("js", "").post("/projects/" + t.slug() + "/pages").then().statusCode(303).extract()
                .header("Location").replaceFirst(".*/", "");
    }

    @Test
    void pageCreatorEndsWithAPageAndItsFirstMockupFromTheChosenLayoutAndResumes() {
        TestData.Team t = data.team();
        String base = base(t, "page-creator");
        assertEquals(403, Web.as(t.viewer()).get(base).statusCode());
        Document first = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertEquals("page", first.getElementById("wizard").attr("data-step"));

        Response bad = Web.as(t.member()).formParam("name", "Contacts <list>").formParam("path", "/Contacts list").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").post(base + "/page");
        assertEquals(422, bad.statusCode());
        Document invalid = Web.html(bad);
        assertNotNull(invalid.getElementById("e-path"));
        assertEquals("Contacts <list>", invalid.getElementById("f-name").val(), "every value is kept");
        assertEquals("Find people", invalid.getElementById("f-purpose").text());

        Web.as(t.member()).formParam("name", "Contacts <list>").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").post(base + "/page").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(base + "?step=layout"));
        // Resumable: the design section offers to continue, and the wizard opens at the step it was left on.
        Document list = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design/wizards").then().statusCode(200).extract().response());
        assertEquals(base, list.getElementById("continue-page-creator").attr("href"));
        assertEquals("layout", Web.html(Web.as(t.member()).get(base)).getElementById("wizard").attr("data-step"));
        assertEquals(422, Web.as(t.member()).formParam("layout", "spiral").post(base + "/layout").statusCode());
        Web.as(t.member()).formParam("layout", "list").post(base + "/layout").then().statusCode(303);
        Document back = Web.html(Web.as(t.member()).get(base + "?step=page"));
        assertEquals("/contacts", back.getElementById("f-path").val(), "Back shows the saved answers");
        Web.as(t.member()).formParam("name", "Contacts <list>").formParam("path", "/contacts").formParam("purpose", "Find people")
                .formParam("primaryDevice", "mobile").post(base + "/page").then().statusCode(303);
        Document review = Web.html(Web.as(t.member()).get(base + "?step=review"));
        assertTrue(review.getElementById("review").text().contains("List"), review.getElementById("review").text());

        Response done = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(303, done.statusCode());
        String pageId = done.getHeader("Location").replaceFirst(".*/pages/", "");
        Page p = QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(UUID.fromString(pageId)));
        assertEquals("/contacts", p.path);
        assertEquals("mobile", p.primaryDevice);
        assertTrue(p.wizardGenerated);
        Mockup m = QuarkusTransaction.requiringNew().call(() -> Mockup.<Mockup>findById(p.currentMockupId));
        assertEquals(1, m.version);
        assertEquals("wizard", m.changedBy);
        assertTrue(m.htmlContent.contains("<h1>Contacts &lt;list&gt;</h1>"), "the name is escaped into the layout");
        assertTrue(m.htmlContent.contains("<table class=\"records\">"));

        WizardRun run = lastRun(t, "page-creator");
        assertEquals(WizardRun.COMPLETED, run.status);
        assertEquals(List.of("page", "layout", "review", "page", "layout", "review", "completed"), run.phaseHistory.stream().map(h -> h.get("phase")).toList());
        assertEquals("list", run.decisionsMade.get(0).get("detail"));
        assertEquals(List.of("page:/contacts", "mockup:/contacts@1"), run.outputs.get("created"));
        assertEquals(0, ((Number) run.contextSnapshot.get("pages")).intValue());
        assertNotNull(run.durationSeconds);
        assertNotNull(run.phaseHistory.get(1).get("secondsOnPrevious"));
        assertTrue(Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/design/wizards")).select("#wizard-runs").isEmpty());
    }

    /**
     * The first step had no parent: the page form and the API make sub-pages, the wizard only top-level ones. The parent
     * chosen is kept when Back opens the step again, shown on the review, and the page is created under it; a parent
     * deleted before Create brings the first step back with the parent named.
     */
    @Test
    void pageCreatorMakesASubPageUnderTheParentChosen() {
        TestData.Team t = data.team();
        String settings = fx.api(t.lead()).body(Map.of("name", "Settings", "path", "/settings")).post("/api/v1/projects/" + t.slug() + "/pages")
                .then().statusCode(201).extract().path("id");
        String base = base(t, "page-creator");
        Document first = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertNotNull(first.selectFirst("#f-parent option[value=" + settings + "]"), "the project's pages are offered as parents");
        assertEquals(422, Web.as(t.member()).formParam("name", "Profile").formParam("path", "/settings/profile").formParam("parent", UUID.randomUUID().toString())
                .formParam("primaryDevice", "desktop").post(base + "/page").statusCode());
        Web.as(t.member()).formParam("name", "Profile").formParam("path", "/settings/profile").formParam("parent", settings)
                .formParam("primaryDevice", "desktop").post(base + "/page").then().statusCode(303);
        Document back = Web.html(Web.as(t.member()).get(base + "?step=page"));
        assertEquals(settings, back.selectFirst("#f-parent option[selected]").val(), "Back shows the parent chosen");
        Web.as(t.member()).formParam("name", "Profile").formParam("path", "/settings/profile").formParam("parent", "")
                .formParam("primaryDevice", "desktop").formParam("goto", "layout").post(base + "/page").then().statusCode(303);
        assertEquals(null, Web.html(Web.as(t.member()).get(base + "?step=page")).selectFirst("#f-parent option[selected]"),
                "a draft keeps the parent as typed (none), the answer stays Settings");
        Web.as(t.member()).formParam("layout", "form").post(base + "/layout").then().statusCode(303);
        Document review = Web.html(Web.as(t.member()).get(base + "?step=review"));
        assertTrue(review.getElementById("review-parent").text().contains("Settings"), review.getElementById("review").text());

        Response done = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(303, done.statusCode());
        Page p = QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(UUID.fromString(done.getHeader("Location").replaceFirst(".*/pages/", ""))));
        assertEquals(UUID.fromString(settings), p.parentId);

        String help = fx.api(t.lead()).body(Map.of("name", "Help", "path", "/help")).post("/api/v1/projects/" + t.slug() + "/pages")
                .then().statusCode(201).extract().path("id");
        Web.as(t.member()).formParam("name", "FAQ").formParam("path", "/help/faq").formParam("parent", help)
                .formParam("primaryDevice", "desktop").post(base + "/page").then().statusCode(303);
        Web.as(t.member()).formParam("layout", "form").post(base + "/layout").then().statusCode(303);
        fx.api(t.lead()).delete("/api/v1/projects/" + t.slug() + "/pages/" + help).then().statusCode(204);
        Response gone = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(422, gone.statusCode());
        Document again = Web.html(gone);
        assertEquals("page", again.getElementById("wizard").attr("data-step"), "the step that holds the parent");
        assertNotNull(again.getElementById("e-parent"));
        assertEquals("FAQ", again.getElementById("f-name").val());
    }

    @Test
    void aPathTakenWhileTheWizardRanBringsBackItsFirstStepWithThePathNamed() {
        TestData.Team t = data.team();
        String base = base(t, "page-creator");
        Web.as(t.member()).formParam("name", "Wiz").formParam("path", "/wiz").formParam("purpose", "").formParam("primaryDevice", "desktop")
                .post(base + "/page").then().statusCode(303);
        Web.as(t.member()).formParam("layout", "form").post(base + "/layout").then().statusCode(303);
        fx.api(t.lead()).body(Map.of("name", "Sneaky", "path", "/wiz")).post("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(201);

        Response taken = Web.as(t.member()).formParam("x", "").post(base + "/review");
        assertEquals(409, taken.statusCode());
        Document again = Web.html(taken);
        assertEquals("page", again.getElementById("wizard").attr("data-step"), "the step that holds the path, not an error page");
        assertEquals("/wiz", again.getElementById("f-path").val());
        assertEquals("Wiz", again.getElementById("f-name").val());
        assertTrue(again.getElementById("e-path").text().contains("already the page Sneaky"), again.getElementById("e-path").text());
        assertEquals("#f-path", again.selectFirst("#error-summary a").attr("href"));
        // The run went back to the first step: no step is marked done (the list marked the page and layout steps done,
        // and reopening the wizard landed on Review, whose Create was refused again until Back).
        assertTrue(again.select("#wizard-steps li.done").isEmpty(), again.getElementById("wizard-steps").outerHtml());
        for (String reopen : List.of(base, base + "?step=review", base + "?step=layout")) {
            Document reopened = Web.html(Web.as(t.member()).get(reopen).then().statusCode(200).extract().response());
            assertEquals("page", reopened.getElementById("wizard").attr("data-step"), reopen);
            assertEquals("/wiz", reopened.getElementById("f-path").val());
            assertTrue(reopened.getElementById("e-path").text().contains("already the page Sneaky"), reopen);
            assertTrue(reopened.select("#wizard-steps li.done").isEmpty(), reopen);
            assertTrue(reopened.select("#wizard-steps button[value=review]").isEmpty(), "Review is out of reach: " + reopen);
        }
        assertEquals(409, Web.as(t.member()).formParam("x", "").post(base + "/review").statusCode(), "Create is refused until the path is fixed");

        Web.as(t.member()).formParam("name", "Wiz").formParam("path", "/wiz-two").formParam("purpose", "").formParam("primaryDevice", "desktop")
                .post(base + "/page").then().statusCode(303);
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303);
    }

    @Test
    @SuppressWarnings("unchecked")
    void featureBuilderEndsWithAFeatureItsInferredDataOperationsAndADraftStory() {
        TestData.Team t = data.team();
        String newContact = pageVia(t, null, "New contact", "/contacts-new", EntityFixtures.NEW_CONTACT, "");
        String contacts = pageVia(t, null, "Contacts", "/contacts", EntityFixtures.CONTACTS, "");
        String base = base(t, "feature-builder");
        assertEquals(409, Web.as(t.member()).formParam("pages", newContact).post(base + "/pages").statusCode(), "a run starts at its first step");
        assertEquals(422, Web.as(t.member()).formParam("name", "").post(base + "/describe").statusCode());
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").formParam("category", "content")
                .post(base + "/describe").then().statusCode(303);
        Web.as(t.member()).formParam("pages", newContact).formParam("pages", contacts).formParam("businessRules", "Members can edit contacts")
                .post(base + "/pages").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(base + "?step=data"));

        Document data = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertNotNull(data.getElementById("suggestion-creates-Contact"));
        assertNotNull(data.getElementById("suggestion-updates-Contact"));
        assertTrue(data.getElementById("f-creates").val().contains("Contact"), "the inferred operations fill the fields");
        assertTrue(data.getElementById("f-reads").val().contains("Contact"));
        // The person leaves "reads Contact" out.
        Web.as(t.member()).formParam("creates", "Contact").formParam("reads", "").formParam("updates", "Contact").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);
        Response done = Web.as(t.member()).formParam("draftStory", "on").post(base + "/review");
        assertEquals(303, done.statusCode(), done.asString());
        UUID featureId = UUID.fromString(done.getHeader("Location").replaceFirst(".*/features/", ""));

        Feature f = QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(featureId));
        assertEquals(List.of("Contact"), f.operations().creates());
        assertEquals(List.of("Contact"), f.operations().updates());
        assertFalse(f.operations().reads().contains("Contact"), "what the person left out stays out");
        assertTrue(f.wizardGenerated);
        assertEquals(2, f.affectedPages.size());
        WizardRun run = lastRun(t, "feature-builder");
        Thought left = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "operation:" + featureId + ".reads.Contact").orElseThrow());
        assertEquals("rejected", left.status);
        assertEquals(run.id, left.wizardRunId);
        Thought kept = QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "operation:" + featureId + ".creates.Contact").orElseThrow());
        assertEquals("active", kept.status);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> FeatureStory.count("id.featureId = ?1 and drafted = true", featureId)));
        assertEquals(WizardRun.COMPLETED, run.status);
        List<String> created = (List<String>) run.outputs.get("created");
        assertEquals("feature:Contact book", created.get(0));
        assertTrue(created.get(1).startsWith("story:US-"), created.toString());
        assertEquals(2, run.contextReferences.size());
        assertTrue(run.decisionsMade.stream().anyMatch(d -> "operations left out".equals(d.get("decision"))
                && ((List<String>) d.get("detail")).contains("reads.Contact")));
    }

    /** The stored design system once no recompute waits (read in a fresh transaction). */
    private DesignSystemService.View settled(TestData.Team t) {
        dev.specboard.design.DesignSystemResourceTest.settled(t);
        return QuarkusTransaction.requiringNew().call(() -> designSystems.view(t.project().id));
    }

    @Test
    void designSystemWizardKeepsAndNamesTheChosenColoursAndTheOthersLeave() {
        TestData.Team t = data.team();
        String base = base(t, "design-system");
        Document empty = Web.html(Web.as(t.member()).get(base).then().statusCode(200).extract().response());
        assertNotNull(empty.getElementById("no-candidates"));
        assertEquals(422, Web.as(t.member()).formParam("x", "").post(base + "/colours").statusCode());

        pageVia(t, null, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        Map<String, DesignTokens.ColorToken> colours = settled(t).tokens().colors();
        assertTrue(colours.values().stream().anyMatch(c -> c.value().equals("#dc2626")));
        Document step = Web.html(Web.as(t.member()).get(base));
        assertEquals(colours.size(), step.select("fieldset.candidate").size());
        assertEquals(colours.size(), step.select("input[name=keep][checked]").size(), "every candidate starts kept");
        String once = step.select("fieldset.candidate:has(input[name=color][value='#b91c1c']) legend").text();
        assertTrue(once.startsWith("#b91c1c used 1 time on "), "one use is \"1 time\": " + once);

        List<String> hexes = step.select("input[name=color]").eachAttr("value");
        var bad = Web.as(t.member());
        var good = Web.as(t.member());
        var cleared = Web.as(t.member());
        for (String hex : hexes) {
            bad = bad.formParam("color", hex).formParam("colorName", "Bad Name");
            good = good.formParam("color", hex).formParam("colorName", hex.equals("#dc2626") ? "brand" : "c" + hex.substring(1));
            cleared = cleared.formParam("color", hex).formParam("colorName", hex.equals(hexes.get(0)) ? "" : "c" + hex.substring(1));
            if (!hex.equals("#b91c1c")) {
                bad = bad.formParam("keep", hex);
                good = good.formParam("keep", hex);
            }
            cleared = cleared.formParam("keep", hex);
        }
        Response invalid = bad.post(base + "/colours");
        assertEquals(422, invalid.statusCode());
        assertNotNull(Web.html(invalid).getElementById("e-colorName-0"));
        // A cleared name is refused and stays cleared: the default name came back and hid what was wrong.
        Response blank = cleared.post(base + "/colours");
        assertEquals(422, blank.statusCode());
        assertNotNull(Web.html(blank).getElementById("e-colorName-0"));
        assertEquals("", Web.html(blank).getElementById("f-colorName-0").val(), "the cleared name is kept");
        good.post(base + "/colours").then().statusCode(303);
        Document review = Web.html(Web.as(t.member()).get(base));
        assertTrue(review.getElementById("kept").text().contains("brand: #dc2626"), review.getElementById("kept").text());
        assertEquals("#b91c1c", review.getElementById("left-out").text());
        Web.as(t.member()).formParam("x", "").post(base + "/review").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/projects/" + t.slug() + "/design-system"));

        DesignSystemService.View after = settled(t);
        assertEquals("#dc2626", after.tokens().colors().get("brand").value());
        assertTrue(after.tokens().colors().get("brand").confirmed());
        assertFalse(after.tokens().colors().values().stream().anyMatch(c -> c.value().equals("#b91c1c")), "the colour left out leaves the design system");
        WizardRun run = lastRun(t, "design-system");
        assertEquals(WizardRun.COMPLETED, run.status);
        assertTrue(((List<?>) run.outputs.get("created")).contains("token:brand=#dc2626"));
    }

    /**
     * A step is done only when the data it produces exists, as on the setup wizard: a step answered with nothing (no
     * page nor rule, no operation) said "(done)" and now says "(skipped)"; a chosen page or a kept colour gone
     * meanwhile takes the step's data with it. A step that is not done can still be opened again to fill it.
     */
    @Test
    void aDesignWizardStepIsDoneOnlyWhenItsDataExists() {
        TestData.Team t = data.team();
        String contacts = pageVia(t, null, "Contacts", "/contacts", EntityFixtures.CONTACTS, "");
        String base = base(t, "feature-builder");
        Web.as(t.member()).formParam("name", "Contact book").formParam("userDescription", "Keep everyone we know").post(base + "/describe")
                .then().statusCode(303);
        Web.as(t.member()).formParam("businessRules", "").post(base + "/pages").then().statusCode(303);
        Document atData = Web.html(Web.as(t.member()).get(base));
        assertEquals("data", atData.getElementById("wizard").attr("data-step"));
        assertTrue(atData.getElementById("step-describe").hasClass("done"), "the feature has its name");
        Element pages = atData.getElementById("step-pages");
        assertFalse(pages.hasClass("done"), "no page and no rule: " + pages.text());
        assertFalse(pages.text().contains("(done)"), pages.text());
        assertTrue(pages.text().contains("(skipped)"), pages.text());
        assertEquals("pages", pages.selectFirst("button[name=goto]").val(), "it can be opened again to fill it");

        Web.as(t.member()).formParam("creates", "").formParam("reads", "").formParam("updates", "").formParam("deletes", "")
                .post(base + "/data").then().statusCode(303);
        Element operations = Web.html(Web.as(t.member()).get(base)).getElementById("step-data");
        assertFalse(operations.hasClass("done"), "no operation: " + operations.text());
        assertTrue(operations.text().contains("(skipped)"), operations.text());

        Web.as(t.member()).formParam("pages", contacts).post(base + "/pages").then().statusCode(303);
        Element chosen = Web.html(Web.as(t.member()).get(base + "?step=pages")).getElementById("step-pages");
        assertTrue(chosen.hasClass("done"), chosen.text());
        Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/pages/" + contacts + "/delete").then().statusCode(303);
        Element gone = Web.html(Web.as(t.member()).get(base + "?step=pages")).getElementById("step-pages");
        assertFalse(gone.hasClass("done"), "the only page chosen was deleted: " + gone.text());
        assertFalse(gone.text().contains("(skipped)"), "it was not passed with nothing: " + gone.text());

        String system = base(t, "design-system");
        String home = pageVia(t, null, "Home", "/", DesignFixtures.HOME_HTML, DesignFixtures.HOME_CSS);
        settled(t);
        var keep = Web.as(t.member());
        for (String hex : Web.html(Web.as(t.member()).get(system)).select("input[name=color]").eachAttr("value")) {
            keep = keep.formParam("color", hex).formParam("colorName", "c" + hex.substring(1)).formParam("keep", hex);
        }
        keep.post(system + "/colours").then().statusCode(303);
        assertTrue(Web.html(Web.as(t.member()).get(system)).getElementById("step-colours").hasClass("done"));
        Web.as(t.member()).formParam("x", "").post("/projects/" + t.slug() + "/pages/" + home + "/delete").then().statusCode(303);
        settled(t);
        Element colours = Web.html(Web.as(t.member()).get(system)).getElementById("step-colours");
        assertFalse(colours.hasClass("done"), "the mockups no longer use the colours kept: " + colours.text());
    }
}
