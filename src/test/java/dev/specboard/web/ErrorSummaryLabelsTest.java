package dev.specboard.web;

import dev.specboard.plan.Plan;
import dev.specboard.plan.PlanFixtures;
import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.search.SearchFixtures;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused form's error summary names each problem by its field's own label and links to that field, as the page
 * shows them: it named them by their field names in words ("Content", "Question", "Flow type", "Name" for "Page name") and linked
 * to {@code #f-<name>}, which the chat's and the journey's node and connection fields do not carry; only errors.js, in
 * the browser, put the labels right.
 */
@QuarkusTest
class ErrorSummaryLabelsTest {

    @Inject
    TestData data;

    @Inject
    SearchFixtures search;

    @Inject
    PlanFixtures plans;

    @Inject
    SpecApiFixtures fx;

    @Test
    void everySummaryLinkNamesItsFieldByItsLabelAndLeadsToIt() {
        TestData.Team t = data.team();
        String p = "/projects/" + t.slug();
        List<String> failures = new ArrayList<>();
        try (GitFixture git = GitFixture.create()) {
            search.checkoutProject(t, git, "Shoppers pay at checkout.");
            Plan plan = plans.plan(new Access(t.project(), Role.LEAD, t.lead().id), "shop", "Checkout v-next");

            Document chat = refused(Web.as(t.member()).formParam("content", " ").post(p + "/plans/" + plan.id + "/chat"));
            assertEquals(List.of("Your message"), chat.select("#chat-form [data-error-label]").eachText());
            assertEquals("#chat-content", chat.selectFirst("#chat-form #error-summary a").attr("href"));
            assertEquals("8000", chat.getElementById("chat-content").attr("maxlength"), "the box takes what the chat takes, not more");
            check("chat", chat, failures);
            check("new plan", refused(Web.as(t.member()).formParam("repository", "shop").formParam("name", "").formParam("targetBranch", "")
                    .post(p + "/plans")), failures);
        }

        Response created = Web.as(t.member()).formParam("name", "Sign in").formParam("flowType", "user").formParam("description", "")
                .post(p + "/journeys");
        String journey = created.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        Web.as(t.member()).formParam("nodeType", "decision").formParam("key", "home").formParam("question", "Signed in?").formParam("branches", "Yes, No")
                .post(journey + "/nodes").then().statusCode(303);
        Document node = refused(Web.as(t.member()).formParam("nodeType", "decision").formParam("key", "d1").formParam("question", "")
                .post(journey + "/nodes"));
        assertTrue(node.select("#node-form [data-error-label]").eachText().contains("Question (decisions)"),
                node.select("#node-form #error-summary").text());
        check("journey node", node, failures);
        check("journey node edit", refused(Web.as(t.member()).formParam("nodeType", "decision").formParam("question", "")
                .post(journey + "/nodes/home")), failures);
        check("journey connection", refused(Web.as(t.member()).formParam("from", "home").formParam("to", "nowhere").post(journey + "/connections")),
                failures);
        check("journey", refused(Web.as(t.member()).formParam("name", "").formParam("flowType", "sideways").post(journey)), failures);
        Response stale = Web.as(t.member()).formParam("name", "Sign in again").formParam("flowType", "user").formParam("version", "1").post(journey);
        assertEquals(409, stale.statusCode(), "nodes were added since version 1");
        Document staleJourney = Web.html(stale);
        assertEquals("#e-version", staleJourney.selectFirst("#journey-form #error-summary a").attr("href"));
        assertNotNull(staleJourney.getElementById("e-version"), "the summary's link leads to the message");
        assertEquals("Sign in again", staleJourney.getElementById("f-name").val());

        String wizard = p + "/design/wizards/page-creator";
        Web.as(t.member()).get(wizard);
        check("page wizard", refused(Web.as(t.member()).formParam("name", "").formParam("path", "/Contacts list").formParam("purpose", "")
                .formParam("primaryDevice", "mobile").post(wizard + "/page")), failures);

        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Labels", List.of(), "schema")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").post(p + "/tasks/TASK-1-1/claim").then().statusCode(303);
        Web.as(t.member()).contentType("application/x-www-form-urlencoded").post(p + "/tasks/TASK-1-1/start").then().statusCode(303);
        Document task = refused(Web.as(t.member()).formParam("commitSha", "nope").formParam("actualHours", "lots").post(p + "/tasks/TASK-1-1/complete"));
        check("task completion", task, failures);
        assertEquals(List.of("commitSha", "actualHours"), task.select("[data-error-summary] a[data-field]").eachAttr("data-field"),
                "both problems are named on the first submit");
        Document negative = refused(Web.as(t.member()).formParam("commitSha", "zzzz").formParam("actualHours", "-5").post(p + "/tasks/TASK-1-1/complete"));
        assertEquals(List.of("commitSha", "actualHours"), negative.select("[data-error-summary] a[data-field]").eachAttr("data-field"),
                "a malformed SHA and negative hours are both named: " + negative.select("#error-summary").text());

        // The design side's forms: their only message sat at the field, far below the fold.
        check("new page", refused(Web.as(t.member()).formParam("name", "").formParam("path", "").post(p + "/pages")), failures);
        check("new journey", refused(Web.as(t.member()).formParam("name", "").formParam("flowType", "user").post(p + "/journeys")), failures);
        Document context = refused(Web.as(t.member()).multiPart("itemType", "url").multiPart("url", "ftp://x").post(p + "/context"));
        assertEquals("#f-url", context.selectFirst("#context-form #error-summary a").attr("href"), context.select("#error-summary").text());
        check("context item", context, failures);
        // The repository form showed its problems at the fields only, with no summary to move focus to.
        Document repo = refused(Web.as(t.owner()).formParam("name", "Bad Name").formParam("url", "").formParam("defaultBranch", "main")
                .formParam("syncIntervalMinutes", "abc").post(p + "/repos"));
        assertEquals(List.of("name", "url", "syncIntervalMinutes"), repo.select("#repo-form [data-error-summary] a[data-field]").eachAttr("data-field"),
                repo.select("#error-summary").text());
        assertEquals("Bad Name", repo.getElementById("f-name").val());
        check("repository", repo, failures);
        assertTrue(failures.isEmpty(), "summary links that do not name or lead to their field:\n" + String.join("\n", failures));
    }

    private static Document refused(Response r) {
        assertEquals(422, r.statusCode(), r.asString());
        Document d = Web.html(r);
        assertNotNull(d.selectFirst("[data-error-summary] a[data-field]"), "an error summary: " + d.text());
        return d;
    }

    /** Each link of the page's summaries leads to an element with its id, whose label its text is (as a person read it). */
    private static void check(String form, Document d, List<String> failures) {
        for (Element link : d.select("[data-error-summary] a[data-field]")) {
            String shown = link.selectFirst("[data-error-label]").text();
            Element target = d.getElementById(link.attr("href").substring(1));
            if (target == null) {
                failures.add(form + ": " + shown + " links to " + link.attr("href") + ", which is not on the page");
                continue;
            }
            Element label = d.selectFirst("label[for=" + target.id() + "]");
            if (label == null) {
                continue; // a problem of the form as a whole is shown by its message, beside no field
            }
            Element copy = label.clone();
            copy.select(".hint, .error, small").remove();
            String expected = copy.text().replaceAll("[\\s:*]+$", "").strip();
            if (!expected.equals(shown)) {
                failures.add(form + ": '" + shown + "' names the field labelled '" + expected + "'");
            }
        }
    }
}
