package dev.specboard.spec;

import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.support.DiffMarks;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SpecPagesTest {

    @Inject
    SpecApiFixtures fx;

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    SpecQueries specQueries;

    @Inject
    TaskClaims claims;

    @Inject
    dev.specboard.story.StoryService stories;

    private static io.restassured.specification.RequestSpecification form(dev.specboard.account.Account a) {
        return Web.as(a).contentType("application/x-www-form-urlencoded");
    }

    @Test
    void memberCreatesAHierarchicalSpecThroughTheFormAndReadsItAsADocument() {
        TestData.Team t = data.team();
        data.stories(t, 4);
        Response r = form(t.member())
                .formParam("title", "Login").formParam("storyNumber", "US-4").formParam("specType", "hierarchical")
                .formParam("overview", "The **login** flow").formParam("architecture", "").formParam("technologyStack", "Quarkus")
                .formParam("phaseName", "database-layer", "api-layer")
                .formParam("phaseDescription", "Tables", "Endpoints")
                .formParam("phaseHours", "2", "1.5")
                .formParam("phaseContent", "## Tables\n\n- accounts", "## Endpoints")
                .formParam("phaseFiles", "src/a.sql", "")
                .post("/projects/" + t.slug() + "/specs");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/projects/" + t.slug() + "/specs/SPEC-4"));
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs/SPEC-4"));
        assertEquals("SPEC-4: Login", d.getElementById("spec-title").text());
        assertEquals("login", d.select("#spec-overview strong").text());
        assertNotNull(d.getElementById("phase-database-layer"));
        assertEquals("accounts", d.select("#phase-database-layer li").text());
        assertFalse(d.getElementById("spec-document").text().contains("\"phases\""), "never raw JSON");
        assertEquals(2, d.select("#spec-tasks tbody tr").size());
        assertEquals("3.50 estimated · no actual hours reported yet", d.getElementById("spec-hours").text());
        assertNull(d.getElementById("edit-spec"), "viewers do not edit");
        assertEquals(1, d.select("#spec-revisions li").size());
    }

    @Test
    void invalidPhasesReRenderTheFormWith422KeepingEveryValue() {
        TestData.Team t = data.team();
        Response r = form(t.member())
                .formParam("title", "Bad").formParam("specType", "hierarchical")
                .formParam("phaseName", "Not A Slug", "ok").formParam("phaseDescription", "d1", "d2")
                .formParam("phaseHours", "x", "-1").formParam("phaseContent", "c1", "c2").formParam("phaseFiles", "", "")
                .post("/projects/" + t.slug() + "/specs");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Not A Slug", d.getElementById("phase-0-name").val());
        assertEquals("x", d.getElementById("phase-0-hours").val());
        assertEquals("d2", d.getElementById("phase-1-description").val());
        assertFalse(d.getElementById("phase-0-hours-error").text().isBlank());
        // One wording for a refused form: the error summary's, not a second heading above it.
        assertNull(d.getElementById("form-message"));
        assertTrue(d.getElementById("error-summary").text().startsWith("There are "), d.getElementById("error-summary").text());
        Web.as(t.member()).get("/api/v1/projects/" + t.slug() + "/specs");
        assertTrue(specQueries.list(t.project()).isEmpty());
    }

    @Test
    void everyProblemOfTheFormIsNamedInOneRound() {
        TestData.Team t = data.team();
        Response r = form(t.member())
                .formParam("title", "").formParam("storyNumber", "US-x").formParam("specType", "hierarchical")
                .formParam("phaseName", "API Layer").formParam("phaseDescription", "").formParam("phaseHours", "three")
                .formParam("phaseContent", "").formParam("phaseFiles", "")
                .post("/projects/" + t.slug() + "/specs");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        // An unreadable number used to hide the other problems until it was corrected and the form sent again.
        assertEquals("Hours as a number, like 2 or 1.5", d.getElementById("phase-0-hours-error").text());
        assertEquals("A story number, like 12 for US-12", d.getElementById("e-storyNumber").text());
        Document noSuchStory = Web.html(form(t.member()).formParam("title", "Login").formParam("storyNumber", "US-7")
                .formParam("specType", "monolithic").formParam("content", "Sign in.").post("/projects/" + t.slug() + "/specs"));
        assertEquals("There is no story US-7 in this project", noSuchStory.getElementById("e-storyNumber").text());
        assertEquals("US-7", noSuchStory.getElementById("f-storyNumber").val(), "the number stays as written");
        assertTrue(d.getElementById("phase-0-name-error").text().startsWith("Lowercase letters"));
        assertEquals("Give the spec a title", d.getElementById("e-title").text());
        assertEquals("API Layer", d.getElementById("phase-0-name").val());
        assertTrue(specQueries.list(t.project()).isEmpty());
    }

    @Test
    void theCursorGoesToThePhaseJustAddedOrMoved() {
        TestData.Team t = data.team();
        Document added = Web.html(Web.htmx(form(t.member())).formParam("title", "T").formParam("specType", "hierarchical")
                .formParam("phaseName", "one").formParam("phaseDescription", "").formParam("phaseHours", "")
                .formParam("phaseContent", "").formParam("phaseFiles", "").formParam("op", "add")
                .post("/projects/" + t.slug() + "/specs/form/phases"));
        assertTrue(added.getElementById("phase-1-name").hasAttr("autofocus"), "the new phase's name takes the cursor");
        assertFalse(added.getElementById("phase-0-name").hasAttr("autofocus"));
        Document moved = Web.html(Web.htmx(form(t.member())).formParam("title", "T").formParam("specType", "hierarchical")
                .formParam("phaseName", "one", "two").formParam("phaseDescription", "", "").formParam("phaseHours", "", "")
                .formParam("phaseContent", "", "").formParam("phaseFiles", "", "").formParam("op", "up:1")
                .post("/projects/" + t.slug() + "/specs/form/phases"));
        assertTrue(moved.getElementById("phase-0-name").hasAttr("autofocus"), "the moved phase keeps the cursor");
        assertFalse(moved.getElementById("phase-1-name").hasAttr("autofocus"));
        Document fresh = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/specs/new"));
        assertTrue(fresh.select("[autofocus]").isEmpty(), "a fresh editor leaves the cursor alone");
    }

    @Test
    void phaseEditorAddsRemovesAndReordersPhases() {
        TestData.Team t = data.team();
        Response r = Web.htmx(form(t.member())).formParam("title", "T").formParam("specType", "hierarchical")
                .formParam("phaseName", "one", "two").formParam("phaseDescription", "", "").formParam("phaseHours", "", "")
                .formParam("phaseContent", "", "").formParam("phaseFiles", "", "").formParam("op", "up:1")
                .post("/projects/" + t.slug() + "/specs/form/phases");
        assertEquals(200, r.statusCode());
        Document d = Web.html(r);
        assertEquals("two", d.getElementById("phase-0-name").val());
        assertNull(d.getElementById("spec-form"), "htmx gets the phase list only");
        Response add = form(t.member()).formParam("title", "T").formParam("specType", "hierarchical")
                .formParam("phaseName", "one").formParam("phaseDescription", "").formParam("phaseHours", "")
                .formParam("phaseContent", "").formParam("phaseFiles", "").formParam("op", "add")
                .post("/projects/" + t.slug() + "/specs/form/phases");
        Document full = Web.html(add);
        assertNotNull(full.getElementById("spec-form"), "without htmx the whole editor comes back");
        assertNotNull(full.getElementById("phase-1-name"));
        assertEquals("T", full.getElementById("f-title").val());
    }

    @Test
    void staleEditShowsBothVersionsAndKeepsTheText() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "Original", 1));
        specs.update(new Access(t.project(), Role.LEAD, t.lead().id), "SPEC-1", SpecServiceTest.hierarchical(1, "Lead's title", 1), 1);
        Response r = form(t.member()).formParam("title", "My title").formParam("specType", "hierarchical").formParam("version", "1")
                .formParam("phaseName", "phase-1").formParam("phaseDescription", "").formParam("phaseHours", "1")
                .formParam("phaseContent", "mine").formParam("phaseFiles", "")
                .post("/projects/" + t.slug() + "/specs/SPEC-1");
        assertEquals(409, r.statusCode());
        Document d = Web.html(r);
        assertEquals("My title", d.getElementById("f-title").val());
        assertEquals("mine", d.getElementById("phase-0-content").text());
        assertTrue(d.getElementById("conflict").text().contains("Lead's title"));
        assertEquals("2", d.select("input[name=version]").val());
        // Theirs is shown by the shared conflict markup, as for stories: the title, and the document as people read it (not JSON).
        assertTrue(d.getElementById("conflict").text().contains(t.lead().username + " saved version 2"), d.getElementById("conflict").text());
        assertEquals("Lead's title", d.getElementById("theirs-0").text());
        String theirs = d.getElementById("theirs-1").wholeText();
        assertTrue(theirs.contains("Content 1") && !theirs.startsWith("{"), theirs);
        assertTrue(d.select("#conflict ins").eachText().stream().anyMatch(i -> i.contains("mine")), d.select("#conflict ins").outerHtml());
        DiffMarks.assertLabelled(d.getElementById("conflict"));
        assertNull(d.getElementById("form-message"), "the conflict markup says it once");
    }

    @Test
    void diffBetweenVersionsShowsTheReadableDocumentNotJson() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "Original", 1));
        specs.update(new Access(t.project(), Role.LEAD, t.lead().id), "SPEC-1", SpecServiceTest.hierarchical(1, "Renamed", 1), 1);
        Document show = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs/SPEC-1"));
        assertNotNull(show.selectFirst("#revision-2 a[href$=diff?from=1&to=2]"));
        Response r = Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs/SPEC-1/diff?from=1&to=2");
        assertEquals(200, r.statusCode());
        Document d = Web.html(r);
        assertEquals("Original", DiffMarks.shown(d.select("#diff-title-section del")));
        assertEquals("Renamed", DiffMarks.shown(d.select("#diff-title-section ins")));
        assertEquals("removed: Original end removed.", d.select("#diff-title-section del").text(), "said to screen readers too");
        DiffMarks.assertLabelled(d.getElementById("diff-title-section"));
        assertTrue(d.getElementById("diff-content").text().contains("Phase 1"));
        assertFalse(d.getElementById("diff-content").text().contains("\"phases\""));
        Web.as(t.outsider()).get("/projects/" + t.slug() + "/specs/SPEC-1/diff").then().statusCode(404);
    }

    @Test
    void anEmptyBoardSaysWhereTasksComeFromAndOffersAMemberTheFirstSpec() {
        TestData.Team t = data.team();
        String board = "/projects/" + t.slug() + "/board";
        Document asMember = Web.html(Web.as(t.member()).get(board));
        assertTrue(asMember.getElementById("board-empty").text().contains("Tasks come from specs"), asMember.getElementById("board-empty").text());
        assertEquals("Write a spec", asMember.getElementById("board-empty-action").text());
        assertEquals("/projects/" + t.slug() + "/specs/new", asMember.getElementById("board-empty-action").attr("href"));
        Document asViewer = Web.html(Web.as(t.viewer()).get(board));
        assertEquals("/projects/" + t.slug() + "/specs", asViewer.getElementById("board-empty-action").attr("href"), "viewers write no specs");
        assertNotNull(asViewer.getElementById("col-pending"), "the columns are still there");

        assertNull(Web.html(Web.as(t.member()).get(board + "?q=nothing")).getElementById("board-empty"),
                "a filter that finds nothing is not an empty board");
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 1));
        assertNull(Web.html(Web.as(t.member()).get(board)).getElementById("board-empty"), "gone once a task exists");
    }

    @Test
    void boardShowsCardsAndAnHtmxMoveReRendersTheColumns() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 3));
        Response page = Web.as(t.viewer()).get("/projects/" + t.slug() + "/board");
        assertEquals(200, page.statusCode());
        assertEquals("HX-Request", page.header("Vary"));
        Document d = Web.html(page);
        assertEquals(3, d.select("#col-pending .board-card").size());
        assertTrue(d.select("form.card-move").isEmpty(), "viewers get no move forms");
        Document asMember = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/board"));
        assertEquals(List.of("pending", "claimed", "in_progress"), asMember.select("#move-TASK-1-1 option").eachAttr("value"),
                "a card offers its own column and the moves it may make");
        assertEquals("pending", asMember.select("#move-TASK-1-1 option[selected]").val());
        assertTrue(asMember.select("#card-TASK-1-1 input[name=q]").isEmpty(), "no filter fields when nothing is filtered");

        Response moved = Web.htmx(form(t.member())).formParam("task", "TASK-1-2").formParam("to", "in_progress")
                .post("/projects/" + t.slug() + "/board/move");
        assertEquals(200, moved.statusCode());
        Document m = Web.html(moved);
        assertNotNull(m.select("#col-in_progress #card-TASK-1-2").first());
        assertEquals(2, m.select("#col-pending .board-card").size());
        assertTrue(m.getElementById("board-message").text().contains("TASK-1-2 moved"));
        assertNull(m.getElementById("board-filters"), "a fragment, not the page");

        Response illegal = Web.htmx(form(t.member())).formParam("task", "TASK-1-1").formParam("to", "merged")
                .post("/projects/" + t.slug() + "/board/move");
        assertEquals(409, illegal.statusCode());
        assertTrue(Web.html(illegal).getElementById("board-message").text().contains("repository sync"));
    }

    @Test
    void aBlockedCardOffersNoMoveItCannotMake() {
        TestData.Team t = data.team();
        Access member = new Access(t.project(), Role.MEMBER, t.member().id);
        specs.create(member, SpecServiceTest.hierarchical(null, "First", 1));
        SpecInput waiting = SpecServiceTest.hierarchical(null, "Waits", 1);
        specs.create(member, new SpecInput(null, waiting.title(), waiting.specType(), null, waiting.structured(), List.of("SPEC-1")));
        Document board = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/board"));
        assertNotNull(board.getElementById("move-TASK-1-1"), "a ready card moves");
        assertNotNull(board.select("#card-TASK-2-1 .badge.warn").first(), "the blocked card says so");
        // Claiming or starting it is refused (409) while SPEC-1 is not complete: the menu offered both.
        assertNull(board.getElementById("move-TASK-2-1"), "a blocked card offers no move");
        assertEquals(409, Web.htmx(form(t.member())).formParam("task", "TASK-2-1").formParam("to", "claimed")
                .post("/projects/" + t.slug() + "/board/move").statusCode());
    }

    @Test
    void viewerCannotMoveCardsAndOutsiderGets404() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 1));
        assertEquals(403, Web.htmx(form(t.viewer())).formParam("task", "TASK-1-1").formParam("to", "claimed")
                .post("/projects/" + t.slug() + "/board/move").statusCode());
        assertEquals(403, form(t.reviewer()).formParam("task", "TASK-1-1").formParam("to", "claimed")
                .post("/projects/" + t.slug() + "/board/move").statusCode());
        assertEquals(404, Web.as(t.outsider()).get("/projects/" + t.slug() + "/board").statusCode());
        assertEquals(404, Web.as(t.outsider()).get("/projects/" + t.slug() + "/specs/SPEC-1").statusCode());
        assertEquals(404, Web.as(t.outsider()).get("/projects/" + t.slug() + "/tasks/TASK-1-1").statusCode());
        assertEquals(403, form(t.member()).formParam("wip-in_progress", "2").post("/projects/" + t.slug() + "/board/limits").statusCode());
    }

    @Test
    void movingPastAWipLimitAsksForConfirmation() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 2));
        assertEquals(303, form(t.lead()).formParam("wip-claimed", "1").post("/projects/" + t.slug() + "/board/limits").statusCode());
        assertEquals(200, Web.htmx(form(t.member())).formParam("task", "TASK-1-1").formParam("to", "claimed")
                .post("/projects/" + t.slug() + "/board/move").statusCode());
        Response over = Web.htmx(form(t.member())).formParam("task", "TASK-1-2").formParam("to", "claimed")
                .post("/projects/" + t.slug() + "/board/move");
        assertEquals(409, over.statusCode());
        Document d = Web.html(over);
        assertNotNull(d.getElementById("confirm-move"));
        assertNotNull(d.select("#col-pending #card-TASK-1-2").first(), "not moved yet");
        Response confirmed = Web.htmx(form(t.member())).formParam("task", "TASK-1-2").formParam("to", "claimed").formParam("confirm", "true")
                .post("/projects/" + t.slug() + "/board/move");
        assertEquals(200, confirmed.statusCode());
        assertEquals("2 / 1", Web.html(confirmed).getElementById("col-claimed-count").text());
    }

    @Test
    void theWipLimitHoldsOnTheTaskPageTheApiAndMcpAlike() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 4));
        assertEquals(303, form(t.lead()).formParam("wip-claimed", "1").formParam("wip-in_progress", "1")
                .post("/projects/" + t.slug() + "/board/limits").statusCode());
        String tasks = "/projects/" + t.slug() + "/tasks/";
        assertEquals(303, form(t.member()).post(tasks + "TASK-1-1/claim").statusCode());

        // The task page asks, keeping the action, and the confirmation goes through.
        Response asked = form(t.member()).post(tasks + "TASK-1-2/claim");
        assertEquals(409, asked.statusCode());
        Document d = Web.html(asked);
        assertTrue(d.getElementById("task-message").text().contains("limit of 1 and already holds 1 task."), d.getElementById("task-message").text());
        assertEquals(tasks + "TASK-1-2/claim", d.getElementById("wip-confirm").attr("action"));
        assertEquals("Pending", d.getElementById("task-status").text(), "nothing moved before the confirmation");
        assertEquals(303, form(t.member()).formParam("overWipLimit", "true").post(tasks + "TASK-1-2/claim").statusCode());
        assertEquals(303, form(t.member()).post(tasks + "TASK-1-1/start").statusCode());
        // Starting a second task from its page is asked too: this is what used to put "In progress" at 2/1 without a word.
        assertEquals(409, form(t.member()).post(tasks + "TASK-1-2/start").statusCode());

        // The API refuses with a 409 that says how to go past the limit.
        String token = fx.token(t.member());
        String api = "/api/v1/projects/" + t.slug() + "/tasks/";
        io.restassured.RestAssured.given().auth().oauth2(token).post(api + "TASK-1-3/claim").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("overWipLimit=true"))
                .body("details.column", org.hamcrest.Matchers.equalTo("claimed"))
                .body("details.wipLimit", org.hamcrest.Matchers.equalTo(1))
                .body("details.holding", org.hamcrest.Matchers.equalTo(1));
        io.restassured.RestAssured.given().auth().oauth2(token).post(api + "claim-next").then().statusCode(409);
        io.restassured.RestAssured.given().auth().oauth2(token).queryParam("overWipLimit", true).post(api + "TASK-1-3/claim")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("claimed"));

        // MCP: the same refusal as a tool error, and the same way past it.
        String session = dev.specboard.support.Mcp.initialize(token);
        dev.specboard.support.Mcp.callTool(token, session, "claim_task", "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-4\"}")
                .then().statusCode(200).body("result.isError", org.hamcrest.Matchers.equalTo(true))
                .body("result.content[0].text", org.hamcrest.Matchers.containsString("overWipLimit"));
        dev.specboard.support.Mcp.callTool(token, session, "claim_task",
                        "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-4\",\"overWipLimit\":true}")
                .then().statusCode(200).body("result.isError", org.hamcrest.Matchers.equalTo(false));
        // Work going back to pending is never held up.
        assertEquals(303, form(t.member()).post(tasks + "TASK-1-4/release").statusCode());
    }

    @Test
    void boardFiltersLiveInTheUrlAndAnswerAFragmentForHtmx() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        Access m = new Access(t.project(), Role.MEMBER, t.member().id);
        specs.create(m, SpecServiceTest.hierarchical(1, "Alpha", 2));
        specs.create(m, SpecServiceTest.hierarchical(2, "Beta", 3));
        Document full = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board?spec=SPEC-2"));
        assertEquals(3, full.select(".board-card").size());
        assertEquals("SPEC-2", full.select("#filter-spec option[selected]").val());
        Document frag = Web.html(Web.htmx(Web.as(t.viewer())).get("/projects/" + t.slug() + "/board?story=1"));
        assertEquals(2, frag.select(".board-card").size());
        assertNull(frag.getElementById("board-filters"));
        Document restore = Web.html(Web.htmx(Web.as(t.viewer())).header("HX-History-Restore-Request", "true")
                .get("/projects/" + t.slug() + "/board?q=beta"));
        assertNotNull(restore.getElementById("board-filters"), "history restore gets the whole page");
        assertEquals(3, restore.select(".board-card").size());
        assertEquals("3 tasks shown", restore.select("#board-columns > p[role=status]").text());
        // LIKE's own characters are searched for literally; an unknown claimant matches nothing.
        assertEquals(0, Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board?q=%25")).select(".board-card").size());
        Document nobody = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board?claimant=nobody"));
        assertEquals(0, nobody.select(".board-card").size());
        assertEquals("nobody", nobody.select("#filter-claimant option[selected]").text(), "the select names whom the empty board looked for");
        Web.htmx(form(t.member())).formParam("task", "TASK-2-1").formParam("to", "claimed").post("/projects/" + t.slug() + "/board/move")
                .then().statusCode(200);
        Document mine = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board?claimant=" + t.member().username.toUpperCase()));
        assertEquals(List.of("TASK-2-1"), mine.select(".board-card").eachAttr("data-key"));
        assertEquals(List.of(t.member().username), mine.select("#filter-claimant option[selected]").eachAttr("value"),
                "a name in another case chooses its claimant in the select");
        assertEquals("1", mine.select("#col-claimed-count").text());
    }

    @Test
    void taskPageShowsOnlyItsPhaseAndTheHistory() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        specs.create(new Access(t.project(), Role.MEMBER, t.member().id), SpecServiceTest.hierarchical(1, "S", 2));
        assertEquals(303, form(t.member()).post("/projects/" + t.slug() + "/tasks/TASK-1-2/claim").statusCode());
        assertEquals(303, form(t.member()).post("/projects/" + t.slug() + "/tasks/TASK-1-2/start").statusCode());
        Response bad = form(t.member()).formParam("commitSha", "nope").formParam("actualHours", "2.5")
                .post("/projects/" + t.slug() + "/tasks/TASK-1-2/complete");
        assertEquals(422, bad.statusCode());
        Document refused = Web.html(bad);
        assertFalse(refused.getElementById("e-commitSha").text().isBlank());
        assertEquals("nope", refused.getElementById("f-commitSha").val(), "what was typed stays");
        assertEquals("2.5", refused.getElementById("f-actualHours").val());
        assertEquals("", refused.getElementById("f-reason").val(), "the other form starts empty");
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/tasks/TASK-1-2"));
        assertTrue(d.getElementById("task-phase").text().contains("Content 2"));
        assertFalse(d.getElementById("task-phase").text().contains("Content 1"));
        assertEquals(3, d.select("#task-history tbody tr").size());
        assertTrue(d.select("#task-history tbody tr").get(1).text().contains(t.member().username));
        assertTrue(d.select("#task-history tbody tr").get(1).text().contains("web"));
        assertNull(d.getElementById("task-actions"));
    }

    @Test
    void boardStatementCountDoesNotGrowFrom50To500Tasks() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        fill(small, 1, 50);
        fill(big, 10, 50);
        long a = SqlCounter.count(() -> assertEquals(200, Web.as(small.member()).get("/projects/" + small.slug() + "/board").statusCode()));
        long b = SqlCounter.count(() -> assertEquals(200, Web.as(big.member()).get("/projects/" + big.slug() + "/board").statusCode()));
        assertEquals(a, b, "statements for 50 vs 500 tasks");
        long c = SqlCounter.count(() -> Web.as(small.member()).get("/projects/" + small.slug() + "/specs"));
        long e = SqlCounter.count(() -> Web.as(big.member()).get("/projects/" + big.slug() + "/specs"));
        assertEquals(c, e, "spec list statements");
    }

    @Test
    void theSpecListShowsFiftyAPageAndHoursPerStoryOverEverySpec() {
        TestData.Team t = data.team();
        fill(t, 55, 1);
        String list = "/projects/" + t.slug() + "/specs";
        Document first = Web.html(Web.as(t.viewer()).get(list));
        assertEquals(50, first.select("#spec-list tbody tr").size());
        assertNotNull(first.getElementById("spec-SPEC-50"));
        assertNull(first.getElementById("spec-SPEC-51"));
        assertNull(first.getElementById("page-prev"));
        assertEquals(list + "?page=2", first.getElementById("page-next").attr("href"));
        // Hours per story cover every spec, not only the page's.
        assertEquals(55, first.select("#story-hours tbody tr").size());
        assertTrue(first.getElementById("story-hours-55").text().contains("1"), first.getElementById("story-hours-55").text());

        Document second = Web.html(Web.as(t.viewer()).get(list + "?page=2"));
        assertEquals(List.of("SPEC-51", "SPEC-52", "SPEC-53", "SPEC-54", "SPEC-55"), second.select("#spec-list tbody tr a.key").eachText());
        assertNull(second.getElementById("page-next"));
        assertEquals(list + "?page=1", second.getElementById("page-prev").attr("href"));
        assertEquals(5, Web.html(Web.as(t.viewer()).get(list + "?page=99")).select("#spec-list tbody tr").size(), "past the end: the last page");
        Web.as(t.viewer()).get(list + "?page=-3").then().statusCode(400);
        Web.as(t.viewer()).get(list + "?page=x").then().statusCode(400);
    }

    @Test
    void theBoardTheSpecPageAndTheTaskListReadEachSpecsContentOnceAndOnlyTheClaimersNames() {
        TestData.Team t = data.team();
        fill(t, 2, 30);
        String token = fx.token(t.member());
        for (String page : List.of("/projects/" + t.slug() + "/board", "/projects/" + t.slug() + "/specs/SPEC-1")) {
            List<String> sql = SqlCounter.statements(() -> assertEquals(200, Web.as(t.member()).get(page).statusCode()));
            assertSpecContentNotJoinedToTasks(page, sql);
        }
        List<String> sql = SqlCounter.statements(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                .get("/api/v1/projects/" + t.slug() + "/tasks").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(60)));
        assertSpecContentNotJoinedToTasks("the task list", sql);
    }

    @Test
    void aBoardColumnShowsItsFirstHundredCardsAndSaysHowManyMoreItHolds() {
        TestData.Team t = data.team();
        fill(t, 1, 105); // 105 tasks; two of them claimed
        org.jsoup.nodes.Document d = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/board").then().statusCode(200).extract().response());
        assertEquals(100, d.select("#col-pending li.board-card").size());
        assertEquals("103", d.getElementById("col-pending-count").text());
        assertEquals("3 more tasks not shown: the board shows the first 100 of each column. Narrow it with the filters above.",
                d.getElementById("col-pending-more").text());
        assertEquals(2, d.select("#col-claimed li.board-card").size());
        assertEquals(null, d.getElementById("col-claimed-more"));
    }

    /** A task row query that also selects its spec's content repeats a whole spec on every task (2,000 phases ran out of heap). */
    private static void assertSpecContentNotJoinedToTasks(String what, List<String> sql) {
        assertFalse(sql.isEmpty(), what + ": statements were seen");
        assertTrue(sql.stream().filter(s -> s.toLowerCase().contains("password_hash")).count() <= 1,
                what + " reads accounts beyond the signed-in one's: " + sql);
        for (String s : sql) {
            String lower = s.toLowerCase();
            if (lower.contains("from implementation_tasks")) {
                assertFalse(lower.matches("(?s).*\\bcontent\\b.*"), what + " selects the spec's content with its tasks: " + s);
            }
            // A card shows its claimer's name; loading the claimer's whole account would read its password hash too.
            assertFalse(lower.contains("from implementation_tasks") && lower.contains("password_hash"), what + " loads claimers' accounts: " + s);
        }
    }

    @Test
    void aStoryPageListsItsSpecsAsTheyMoveOnAndTheSpecListAndApiFilterByStory() {
        TestData.Team t = data.team();
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        int story = stories.create(lead, new dev.specboard.story.StoryForm("Sign in", "As a user I want to sign in", null, null)).number;
        String page = "/projects/" + t.slug() + "/stories/" + story;
        Document empty = Web.html(Web.as(t.member()).get(page));
        assertEquals("No spec implements this story yet.", empty.getElementById("no-story-specs").text());
        assertEquals("/projects/" + t.slug() + "/specs/new?story=" + story, empty.getElementById("new-story-spec").attr("href"));
        assertNull(Web.html(Web.as(t.viewer()).get(page)).getElementById("new-story-spec"), "viewers write no specs");

        // The story page is kept: a spec linked, then moving on, shows at once.
        String key = specs.create(lead, SpecServiceTest.hierarchical(story, "Sign-in flow", 1)).key();
        Document listed = Web.html(Web.as(t.viewer()).get(page));
        assertEquals(List.of(key), listed.select("#story-specs a.key").eachText());
        assertEquals(key + " Sign-in flow draft", listed.getElementById("story-spec-" + key).text());
        claims.claimNext(new Access(t.project(), Role.MEMBER, t.member().id), new TaskService.Actor(t.member().id, TaskEvent.VIA_WEB));
        assertEquals(key + " Sign-in flow in progress", Web.html(Web.as(t.viewer()).get(page)).getElementById("story-spec-" + key).text());
        String other = specs.create(lead, SpecServiceTest.hierarchical(null, "Unrelated", 1)).key();
        assertEquals(List.of(key), Web.html(Web.as(t.viewer()).get(page)).select("#story-specs a.key").eachText());

        String list = "/projects/" + t.slug() + "/specs";
        assertEquals(list + "?story=" + story, listed.getElementById("story-specs-list").attr("href"));
        Document all = Web.html(Web.as(t.viewer()).get(list));
        assertEquals(List.of(key, other), all.select("#spec-list tbody tr a.key").eachText());
        assertEquals(page, all.select("#spec-" + key + " a[href$=/stories/" + story + "]").attr("href"), "the story column links the story");
        Document filtered = Web.html(Web.as(t.viewer()).get(list + "?story=US-" + story));
        assertEquals(List.of(key), filtered.select("#spec-list tbody tr a.key").eachText());
        assertEquals(String.valueOf(story), filtered.getElementById("filter-story").val());
        assertEquals(list, filtered.getElementById("clear-filters").attr("href"));
        Document none = Web.html(Web.as(t.member()).get(list + "?story=" + (story + 1)));
        assertTrue(none.getElementById("no-specs").text().startsWith("No spec implements US-" + (story + 1) + " yet."), none.getElementById("no-specs").text());
        // A story that is no number is refused at its field, the list shown with its filters and the value kept (it was a bare 400 page).
        io.restassured.response.Response notANumber = Web.as(t.member()).get(list + "?story=abc");
        assertEquals(422, notANumber.statusCode(), "a story that is no number is refused, not shown as an empty list");
        Document refusedList = Web.html(notANumber);
        assertEquals("abc", refusedList.getElementById("filter-story").val());
        assertEquals("true", refusedList.getElementById("filter-story").attr("aria-invalid"));
        assertEquals("There is no story \u201cabc\u201d: choose a story by its number, such as 12 or US-12",
                refusedList.getElementById("e-filter-story").text());
        assertTrue(refusedList.select("#spec-list tbody tr").isEmpty(), "nothing is listed for a refused filter");
        assertEquals("Technical specs", refusedList.selectFirst("h1").text());

        String board = "/projects/" + t.slug() + "/board";
        io.restassured.response.Response badStory = Web.as(t.member()).get(board + "?story=abc&q=sign");
        assertEquals(422, badStory.statusCode());
        Document refusedBoard = Web.html(badStory);
        assertEquals("Task board", refusedBoard.selectFirst("h1").text(), "the board page itself, not the error page");
        assertEquals("abc", refusedBoard.getElementById("filter-story").val());
        assertEquals("sign", refusedBoard.getElementById("filter-q").val(), "the other filters are kept too");
        assertEquals("e-filter-story", refusedBoard.getElementById("filter-story").attr("aria-describedby"));
        assertEquals("There is no story \u201cabc\u201d: choose a story by its number, such as 12 or US-12",
                refusedBoard.getElementById("e-filter-story").text());
        assertTrue(refusedBoard.getElementById("board-columns").getElementById("filter-errors").text().contains("There is no story \u201cabc\u201d"));
        assertTrue(refusedBoard.select(".board-card").isEmpty(), "nothing listed, as every refused filter");
        assertNull(refusedBoard.getElementById("board-empty"), "a refused filter is not an empty board");
        Document badSpec = Web.html(Web.as(t.member()).get(board + "?spec=auth"));
        assertEquals("auth", badSpec.select("#filter-spec option[selected]").val());
        assertTrue(badSpec.getElementById("e-filter-spec").text().startsWith("There is no spec \u201cauth\u201d: choose a spec from the list"),
                badSpec.getElementById("e-filter-spec").text());
        for (String bad : List.of("/board?story=abc", "/board/columns?story=1.5", "/board?story=99999999999", "/board?spec=auth", "/board?spec=SPEC-99999999999")) {
            io.restassured.response.Response r = Web.as(t.member()).get("/projects/" + t.slug() + bad);
            assertEquals(422, r.statusCode(), bad);
            assertNotNull(Web.html(r).getElementById("filter-errors"), bad);
        }
        Document fragment = Web.html(Web.htmx(Web.as(t.member())).get(board + "?story=abc"));
        assertEquals("board-columns", fragment.selectFirst("body > *").id(), "the filter form's htmx swap gets the message in the columns' place");
        assertNotNull(fragment.getElementById("filter-errors"));

        fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs?story=" + story).then().statusCode(200)
                .body("key", org.hamcrest.Matchers.contains(key));
        fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(200)
                .body("key", org.hamcrest.Matchers.contains(key, other));
        fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs?story=x").then().statusCode(400);
    }

    private void fill(TestData.Team t, int specCount, int phases) {
        data.stories(t, specCount);
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        for (int i = 1; i <= specCount; i++) {
            specs.create(lead, SpecServiceTest.hierarchical(i, "Spec " + i, phases));
        }
        // some claimed tasks with claimants, so the board joins accounts too
        claims.claimNext(new Access(t.project(), Role.MEMBER, t.member().id), new TaskService.Actor(t.member().id, TaskEvent.VIA_WEB));
        claims.claimNext(new Access(t.project(), Role.LEAD, t.lead().id), new TaskService.Actor(t.lead().id, TaskEvent.VIA_WEB));
    }
}
