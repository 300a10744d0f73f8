package dev.specboard.spec;

import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A claim whose lease lapsed counts as given back at once, before the sweep comes: anyone claims the task again (by key,
 * next or through MCP), the old claimer's heartbeat, start, completion, worktree and release are refused, and reads show
 * the task pending.
 */
@QuarkusTest
class TaskLeaseLapseTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    /**
     * The refusal of an act on a lapsed claim. The scheduled sweep (every 30 s) may move the task in the moment between
     * the lapse and the call: the task is then pending in the table too, and the refusal says so in the words of a
     * pending task; before the lapse counted at once, the call was answered 200.
     */
    static final org.hamcrest.Matcher<String> LAPSED = anyOf(allOf(startsWith("The lease on TASK-1-1 lapsed at "),
            containsString("claim it again")), startsWith("Your claim of TASK-1-1 lapsed at "), containsString("is pending"), containsString("is not claimed yet"),
            containsString("from pending to"), containsString("Only a claimed or started task can fail"));

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Inject
    TaskBoardService boards;

    @Inject
    TaskLeases leases;

    @TestHTTPResource("/")
    URI base;

    private static String base(TestData.Team t) {
        return "/api/v1/projects/" + t.slug();
    }

    private void spec(TestData.Team t, List<Map<String, Object>> phases) {
        fx.api(t.member()).body(Map.of("title", "S", "specType", "hierarchical", "overview", "Overview", "phases", phases))
                .post(base(t) + "/specs").then().statusCode(201);
    }

    private static Map<String, Object> phase(String name, String... files) {
        return Map.of("name", name, "description", "Build " + name, "hours", 1, "content", "Do " + name, "assignedFiles", List.of(files));
    }

    /** The lease ran out a moment ago: the sweep (every 30 s) has almost surely not come yet. */
    private void lapse(TestData.Team t, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = ?3")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, t.project().id).setParameter(3, key).executeUpdate());
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void anotherAgentClaimsALapsedTaskAtOnceByKeyAndByClaimNextAndTheOldClaimerIsToldOnce() {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java"), phase("two", "b.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("worktreePath", "/wt/two")).post(base(t) + "/tasks/TASK-1-2/worktree").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-2/start").then().statusCode(200);
        fx.api(t.lead()).post(base(t) + "/tasks/claim-next").then().statusCode(204);
        lapse(t, "TASK-1-1");
        lapse(t, "TASK-1-2");

        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200)
                .body("status", equalTo("claimed")).body("claimedBy", equalTo(t.lead().username));
        // The started task, its files held by nobody any more, is handed out next, as claimed and without its old worktree.
        fx.api(t.owner()).post(base(t) + "/tasks/claim-next").then().statusCode(200)
                .body("task.key", equalTo("TASK-1-2")).body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.owner().username)).body("task.startedAt", nullValue())
                .body("task.worktreePath", nullValue());
        fx.api(t.lead()).post(base(t) + "/tasks/claim-next").then().statusCode(204);

        for (String key : List.of("TASK-1-1", "TASK-1-2")) {
            fx.api(t.viewer()).get(base(t) + "/tasks/" + key).then().statusCode(200)
                    .body("events.findAll { it.via == 'system' && it.from != null }", hasSize(1))
                    .body("events.note", hasItem(startsWith("Lease expired: " + t.member().username + " sent no heartbeat before")))
                    .body("events[-1].to", equalTo("claimed")).body("events[-2].to", equalTo("pending"));
        }
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_lease_expired' }.payload.message", hasItem(startsWith("TASK-1-1 went back to pending")))
                .body("findAll { it.type == 'task_lease_expired' }.payload.message", hasItem(startsWith("TASK-1-2 went back to pending")));
        // The new claim holds: its claimer's heartbeat extends it, the old claimer's is refused.
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(200);
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(409);
    }

    @Test
    void theOldClaimersHeartbeatStartCompleteWorktreeAndReleaseAfterTheLapseAre409AndReadsShowThePendingTask() {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java"), phase("two")));
        String one = base(t) + "/tasks/TASK-1-1";
        fx.api(t.member()).post(one + "/claim").then().statusCode(200);
        lapse(t, "TASK-1-1");
        fx.api(t.member()).post(one + "/heartbeat").then().statusCode(409).body("error", LAPSED).body("details.status", equalTo("pending"));
        fx.api(t.member()).post(one + "/start").then().statusCode(409).body("error", LAPSED);
        fx.api(t.member()).body(Map.of("worktreePath", "/wt/one")).post(one + "/worktree").then().statusCode(409)
                .body("error", LAPSED);
        fx.api(t.member()).body(Map.of("reason", "gave up")).post(one + "/fail").then().statusCode(409)
                .body("error", LAPSED);
        fx.api(t.member()).post(one + "/release").then().statusCode(409)
                .body("error", anyOf(containsString("ended already and the task is pending"), containsString("is pending")));

        // Reads show what the claim came to, before the sweep moves it.
        fx.api(t.viewer()).get(one).then().statusCode(200).body("task.status", equalTo("pending"))
                .body("task.claimedBy", nullValue()).body("task.leaseExpiresAt", nullValue());
        fx.api(t.viewer()).get(base(t) + "/tasks?status=pending").then().statusCode(200).body("key", hasItem("TASK-1-1"));
        fx.api(t.viewer()).get(base(t) + "/tasks?status=claimed").then().statusCode(200).body("key", not(hasItem("TASK-1-1")));
        Document board = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board"));
        assertEquals("2", board.select("#col-pending-count").text(), board.select("#board-columns").text());
        assertEquals("0", board.select("#col-claimed-count").text());
        assertEquals(List.of(), board.select("select[name=claimant] option:not([value=''])").eachAttr("value"),
                "a claimer whose only claim lapsed is offered by the claimant filter: " + board.select("select[name=claimant]"));
        Document theirs = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board?claimant=" + t.member().username));
        assertEquals("0", theirs.select("#col-pending-count").text(), "the lapsed card is nobody's: " + theirs.select("#board-columns").text());

        // The old claimer claims it again and goes on; a started task whose lease lapsed cannot be completed either.
        fx.api(t.member()).post(one + "/claim").then().statusCode(200).body("claimedBy", equalTo(t.member().username));
        fx.api(t.member()).post(one + "/heartbeat").then().statusCode(200);
        fx.api(t.member()).post(one + "/start").then().statusCode(200);
        lapse(t, "TASK-1-1");
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(one + "/complete").then().statusCode(409)
                .body("error", LAPSED);
        fx.api(t.lead()).body(Map.of("commitSha", SHA)).post(one + "/complete").then().statusCode(409);
        fx.api(t.member()).post(one + "/claim").then().statusCode(200).body("status", equalTo("claimed")).body("startedAt", nullValue());
        fx.api(t.member()).post(one + "/start").then().statusCode(200);
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(one + "/complete").then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void aLapsedClaimTakesNoRoomInAFullClaimedColumn() {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one"), phase("two")));
        boards.setWipLimits(new dev.specboard.project.Access(t.project(), dev.specboard.kernel.Role.LEAD, t.lead().id),
                Map.of(TaskStatus.CLAIMED, 1));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(409).body("error", containsString("limit"));
        lapse(t, "TASK-1-1");
        // The board shows the claimed column empty: a claim of the other task fits in it, as one of the lapsed task does.
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200).body("claimedBy", equalTo(t.lead().username));
    }

    /**
     * A lapsed claim holds its files no more: claim-next hands out a task sharing a file only with it. When nothing can be
     * handed out because a lapsed task's files are held by live work, the reason says so ("overlapping"), not "none-pending".
     */
    @Test
    void aLapsedClaimHoldsNoFilesAndClaimNextsReasonCountsIt() {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java", "b.java"), phase("two", "a.java"), phase("three", "b.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        lapse(t, "TASK-1-1");
        // A lead claims by key what overlaps the lapsed task; TASK-1-1 then waits for a.java, TASK-1-3 only for the lapsed claim.
        fx.api(t.lead()).post(base(t) + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.owner()).post(base(t) + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-1-3"));
        fx.api(t.owner()).post(base(t) + "/tasks/claim-next").then().statusCode(204)
                .header(dev.specboard.api.TaskApi.REASON_HEADER, equalTo("overlapping"));
    }

    @Test
    void aLapsedCardShownInPendingIsClaimedByMovingItOnTheBoard() {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java")));
        fx.api(t.member()).post(base(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);
        lapse(t, "TASK-1-1");
        Web.htmx(Web.as(t.lead()).contentType("application/x-www-form-urlencoded")).formParam("task", "TASK-1-1")
                .formParam("to", "in_progress").post("/projects/" + t.slug() + "/board/move").then().statusCode(200);
        fx.api(t.viewer()).get(base(t) + "/tasks/TASK-1-1").then().statusCode(200)
                .body("task.status", equalTo("in_progress")).body("task.claimedBy", equalTo(t.lead().username));
    }

    @Test
    void throughMcpTheOldClaimersHeartbeatIsRefusedAndAnotherAgentsClaimNextTakesTheTask() throws Exception {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java")));
        try (McpSyncClient agent = Mcp.client(base, fx.token(t.member())); McpSyncClient other = Mcp.client(base, fx.token(t.lead()))) {
            McpSchema.CallToolResult claimed = agent.callTool(new McpSchema.CallToolRequest("claim_task", Map.of("project", t.slug(), "task", "TASK-1-1")));
            assertTrue(!Boolean.TRUE.equals(claimed.isError()), text(claimed));
            lapse(t, "TASK-1-1");
            McpSchema.CallToolResult beat = agent.callTool(new McpSchema.CallToolRequest("heartbeat_task", Map.of("project", t.slug(), "task", "TASK-1-1")));
            assertTrue(Boolean.TRUE.equals(beat.isError()) && LAPSED.matches(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(text(beat)).path("error").asText()), text(beat));
            McpSchema.CallToolResult next = other.callTool(new McpSchema.CallToolRequest("claim_next_task", Map.of("project", t.slug())));
            assertTrue(!Boolean.TRUE.equals(next.isError()) && text(next).contains("\"key\":\"TASK-1-1\"")
                    && text(next).contains("\"claimedBy\":\"" + t.lead().username + "\""), text(next));
            McpSchema.CallToolResult done = agent.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "commitSha", SHA)));
            assertTrue(Boolean.TRUE.equals(done.isError()), text(done));
        }
    }

    @Test
    void anAgentWhoseLapsedClaimAnotherTookSinceIsToldItsClaimLapsedAndWhenOverTheApiMcpAndTheBoard() throws Exception {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java")));
        String one = base(t) + "/tasks/TASK-1-1";
        fx.api(t.member()).post(one + "/claim").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = 'TASK-1-1'")
                .setParameter(1, Instant.parse("2026-01-02T03:04:05Z")).setParameter(2, t.project().id).executeUpdate());
        fx.api(t.owner()).post(one + "/claim").then().statusCode(200);
        String told = "Your claim of TASK-1-1 lapsed at 2026-01-02 03:04 UTC; it is now claimed by " + t.owner().username + ".";
        fx.api(t.member()).post(one + "/heartbeat").then().statusCode(409).body("error", equalTo(told))
                .body("details.lapsedAt", equalTo("2026-01-02T03:04:05Z")).body("details.claimedBy", equalTo(t.owner().username));
        fx.api(t.member()).post(one + "/start").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(one + "/complete").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).post(one + "/release").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).body(Map.of("worktreePath", "/wt/one")).post(one + "/worktree").then().statusCode(409).body("error", equalTo(told));
        io.restassured.response.Response moved = Web.htmx(Web.as(t.member()).contentType("application/x-www-form-urlencoded"))
                .formParam("task", "TASK-1-1").formParam("to", "in_progress").post("/projects/" + t.slug() + "/board/move");
        assertEquals(409, moved.statusCode());
        assertTrue(Web.html(moved).text().contains(told), Web.html(moved).text());
        try (McpSyncClient agent = Mcp.client(base, fx.token(t.member()))) {
            McpSchema.CallToolResult done = agent.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "commitSha", SHA)));
            assertTrue(Boolean.TRUE.equals(done.isError()) && text(done).contains(told), text(done));
        }
        // Someone who never held the task is told only who holds it; the holder goes on.
        fx.api(t.lead()).post(one + "/heartbeat").then().statusCode(409)
                .body("error", equalTo("TASK-1-1 is claimed by " + t.owner().username + "; only its claimer can extend the lease."));
        fx.api(t.owner()).post(one + "/heartbeat").then().statusCode(200);
    }

    /**
     * Once the sweep has moved a lapsed task back to pending, its old claimer was told "TASK-1-1 is pending: only a claimed
     * or started task has a lease" or "cannot move from pending to completed", as if it had never held the task.
     */
    @Test
    void theOldClaimerOfATaskTheSweepReturnedIsToldItsClaimLapsedAndWhenOverTheApiAndMcp() throws Exception {
        TestData.Team t = data.team();
        spec(t, List.of(phase("one", "a.java")));
        String one = base(t) + "/tasks/TASK-1-1";
        fx.api(t.member()).post(one + "/claim").then().statusCode(200);
        fx.api(t.member()).post(one + "/start").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = 'TASK-1-1'")
                .setParameter(1, Instant.parse("2026-01-02T03:04:05Z")).setParameter(2, t.project().id).executeUpdate());
        leases.expireLeases(1000);
        fx.api(t.viewer()).get(one).then().statusCode(200).body("task.status", equalTo("pending"));

        String told = "Your claim of TASK-1-1 lapsed at 2026-01-02 03:04 UTC; claim it again.";
        fx.api(t.member()).post(one + "/heartbeat").then().statusCode(409).body("error", equalTo(told))
                .body("details.lapsedAt", equalTo("2026-01-02T03:04:05Z")).body("details.status", equalTo("pending"));
        fx.api(t.member()).post(one + "/start").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(one + "/complete").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).body(Map.of("reason", "gave up")).post(one + "/fail").then().statusCode(409).body("error", equalTo(told));
        fx.api(t.member()).body(Map.of("worktreePath", "/wt/one")).post(one + "/worktree").then().statusCode(409).body("error", equalTo(told));
        try (McpSyncClient agent = Mcp.client(base, fx.token(t.member()))) {
            McpSchema.CallToolResult beat = agent.callTool(new McpSchema.CallToolRequest("heartbeat_task", Map.of("project", t.slug(), "task", "TASK-1-1")));
            assertTrue(Boolean.TRUE.equals(beat.isError()) && text(beat).contains(told), text(beat));
            McpSchema.CallToolResult done = agent.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("project", t.slug(), "task", "TASK-1-1", "commitSha", SHA)));
            assertTrue(Boolean.TRUE.equals(done.isError()) && text(done).contains(told), text(done));
        }
        // Someone who never held it is told what the task is; the old claimer claims it again and goes on.
        fx.api(t.lead()).post(one + "/heartbeat").then().statusCode(409).body("error", containsString("is pending"));
        fx.api(t.member()).post(one + "/claim").then().statusCode(200);
        fx.api(t.member()).post(one + "/heartbeat").then().statusCode(200);
    }
}
