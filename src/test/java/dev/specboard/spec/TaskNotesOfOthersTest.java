package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anyone with the member role writes on a task another holds (DESIGN.md gives notes no single writer, and the task page
 * is where people discuss a task): the holder's entries are its progress, everyone else's are comments, said so on the
 * API, MCP and the page, and no note moves the task or touches its claim.
 */
@QuarkusTest
class TaskNotesOfOthersTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static String task(TestData.Team t) {
        return SpecApiFixtures.root(t) + "/tasks/TASK-1-1";
    }

    /** What a note must leave alone: the task's status, claimer, lease and the moves in its history. */
    private List<Object> claimOf(TestData.Team t) {
        JsonPath p = fx.api(t.viewer()).get(task(t)).then().statusCode(200).extract().jsonPath();
        return List.of(p.getString("task.status"), String.valueOf(p.getString("task.claimedBy")), String.valueOf(p.getString("task.leaseExpiresAt")),
                p.getList("events.to"));
    }

    @Test
    void theHolderLogsProgressAnotherMemberAndALeadCommentAndNoNoteMovesTheTask() {
        TestData.Team t = data.team();
        Account other = data.account("other");
        data.addMember(t.project(), other, Role.MEMBER);
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Notes", List.of(), "one")).post(SpecApiFixtures.root(t) + "/specs")
                .then().statusCode(201);
        fx.started(t.member(), t, "TASK-1-1");
        List<Object> held = claimOf(t);
        assertEquals("in_progress", held.get(0));
        assertEquals(t.member().username, held.get(1));

        fx.api(t.member()).body(Map.of("body", "Schema done")).post(task(t) + "/notes").then().statusCode(201)
                .body("author", equalTo(t.member().username)).body("kind", equalTo("progress"));
        fx.api(other).body(Map.of("body", "Mind the index")).post(task(t) + "/notes").then().statusCode(201)
                .body("author", equalTo(other.username)).body("kind", equalTo("comment"));
        assertEquals(held, claimOf(t), "another member's note leaves the claim alone");
        fx.api(t.lead()).body(Map.of("body", "Ship it today")).post(task(t) + "/notes").then().statusCode(201)
                .body("author", equalTo(t.lead().username)).body("kind", equalTo("comment"));
        String token = fx.token(other);
        Mcp.callTool(token, Mcp.initialize(token), "add_task_note", "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-1\",\"body\":\"And the docs\"}")
                .then().body("result.isError", equalTo(false)).body("result.content[0].text", containsString("\"kind\":\"comment\""));
        Web.as(other).contentType("application/x-www-form-urlencoded").redirects().follow(false).formParam("body", "From the page")
                .post("/projects/" + t.slug() + "/tasks/TASK-1-1/notes").then().statusCode(303);
        assertEquals(held, claimOf(t), "no note moves the task, changes its claimer or extends its lease");

        JsonPath log = fx.api(t.viewer()).get(task(t)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(t.member().username, other.username, t.lead().username, other.username, other.username), log.getList("notes.author"));
        assertEquals(List.of("progress", "comment", "comment", "comment", "comment"), log.getList("notes.kind"));
        assertEquals(List.of("progress", "comment", "comment", "comment", "comment"),
                fx.api(t.member()).get(task(t) + "/context").then().statusCode(200).extract().jsonPath().getList("notes.kind"),
                "the holder's agent reads whose words it is given");

        Document page = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/tasks/TASK-1-1"));
        assertEquals(List.of("claimer's progress", "comment", "comment", "comment", "comment"),
                page.select("#task-notes-list ol.notes > li .note-kind").eachText());
        String byline = page.selectFirst("#task-notes-list ol.notes > li p.muted").text();
        assertTrue(byline.startsWith(t.member().username + " · claimer's progress · token · "), byline);
        byline = page.select("#task-notes-list ol.notes > li p.muted").get(1).text();
        assertTrue(byline.startsWith(other.username + " · comment · token · "), byline);
    }

    @Test
    void aFormerHoldersProgressStaysProgressWhatTheyWriteAfterTheirClaimIsAComment() {
        TestData.Team t = data.team();
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Notes", List.of(), "one")).post(SpecApiFixtures.root(t) + "/specs")
                .then().statusCode(201);
        fx.api(t.member()).body(Map.of("body", "Before anyone claimed it")).post(task(t) + "/notes").then().statusCode(201)
                .body("kind", equalTo("comment"));
        fx.api(t.member()).post(task(t) + "/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("body", "Halfway")).post(task(t) + "/notes").then().statusCode(201).body("kind", equalTo("progress"));
        fx.api(t.member()).post(task(t) + "/release").then().statusCode(200);
        fx.api(t.member()).body(Map.of("body", "Left it at the schema")).post(task(t) + "/notes").then().statusCode(201)
                .body("kind", equalTo("comment"));
        fx.api(t.lead()).post(task(t) + "/claim").then().statusCode(200);
        fx.api(t.lead()).body(Map.of("body", "Taking over")).post(task(t) + "/notes").then().statusCode(201).body("kind", equalTo("progress"));
        fx.api(t.viewer()).get(task(t)).then().statusCode(200)
                .body("notes.kind", equalTo(List.of("comment", "progress", "comment", "progress")))
                .body("notes.author", equalTo(List.of(t.member().username, t.member().username, t.member().username, t.lead().username)));
    }
}
