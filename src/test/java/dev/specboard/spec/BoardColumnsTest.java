package dev.specboard.spec;

import dev.specboard.account.CsrfTokens;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's kept columns (spec/BoardColumns): a repeated view renders nothing again, and every change shows at once. */
@QuarkusTest
class BoardColumnsTest {

    @Inject
    TestData data;

    @Inject
    SpecService specs;

    @Inject
    TaskClaims claims;

    @Inject
    DataSource dataSource;

    @Test
    void aRepeatedViewOnlyReadsTheBoardVersionWhateverTheTasks() {
        TestData.Team small = data.team();
        TestData.Team big = data.team();
        fill(small, 1, 30);
        fill(big, 10, 30);
        String smallCookie = Web.sessionCookie(small.member());
        String bigCookie = Web.sessionCookie(big.member());
        List<String> a;
        List<String> b;
        long window;
        int attempts = 0;
        // Kept columns last one age window; when the views straddle its end, the next window renders again, so the
        // views are made again inside one window (a slow machine can cross a boundary at any point of the test).
        do {
            window = ageWindow();
            board(smallCookie, small); // the first view reads and renders
            board(bigCookie, big);
            a = SqlCounter.statements(() -> board(smallCookie, small));
            b = SqlCounter.statements(() -> board(bigCookie, big));
        } while (ageWindow() != window && ++attempts < 5);
        assertEquals(a.size(), b.size(), "statements of a repeated view for 30 vs 300 tasks: " + a + " / " + b);
        assertTrue(a.stream().noneMatch(s -> s.contains("implementation_tasks")), "no task is read again: " + a);
    }

    @Test
    void eachViewerGetsTheirOwnTokenAndOnlyMembersGetMoveForms() {
        TestData.Team t = data.team();
        fill(t, 1, 3);
        String member = Web.sessionCookie(t.member());
        String lead = Web.sessionCookie(t.lead());
        Document m = board(member, t);
        Document l = board(lead, t);
        assertEquals(Web.csrfToken(member), m.select("#card-TASK-1-3 input[name=" + CsrfTokens.FIELD + "]").val());
        assertEquals(Web.csrfToken(lead), l.select("#card-TASK-1-3 input[name=" + CsrfTokens.FIELD + "]").val());
        assertTrue(board(Web.sessionCookie(t.viewer()), t).select("form.card-move").isEmpty(), "viewers get no move forms");
        assertNotNull(board(member, t).select("#card-TASK-1-3 form.card-move").first(), "the member's kept columns still have them");
        assertEquals(3, Web.html(Web.htmx(Web.as(member)).get("/projects/" + t.slug() + "/board?spec=SPEC-1")).select(".board-card").size());
        assertEquals(0, Web.html(Web.htmx(Web.as(member)).get("/projects/" + t.slug() + "/board?spec=SPEC-2")).select(".board-card").size(),
                "the filter is part of the key");
    }

    @Test
    void aMoveAClaimAndAWipLimitShowAtOnce() {
        TestData.Team t = data.team();
        fill(t, 1, 4);
        String cookie = Web.sessionCookie(t.member());
        assertNotNull(board(cookie, t).select("#col-pending #card-TASK-1-3").first());

        assertEquals(303, Web.as(cookie).contentType("application/x-www-form-urlencoded").formParam("task", "TASK-1-3")
                .formParam("to", "in_progress").post("/projects/" + t.slug() + "/board/move").statusCode());
        assertNotNull(board(cookie, t).select("#col-in_progress #card-TASK-1-3").first(), "the form move");

        claims.claim(new Access(t.project(), Role.MEMBER, t.member().id), "TASK-1-4",
                new TaskService.Actor(t.member().id, TaskEvent.VIA_WEB));
        Document d = board(cookie, t);
        assertNotNull(d.select("#col-claimed #card-TASK-1-4").first(), "the claim");
        assertTrue(d.select("#card-TASK-1-4").text().contains(t.member().username));

        assertEquals(303, Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-claimed", "7")
                .post("/projects/" + t.slug() + "/board/limits").statusCode());
        assertEquals("3 / 7", board(cookie, t).getElementById("col-claimed-count").text(), "the WIP limit");
    }

    @Test
    void changesMadeDirectlyInTheDatabaseShowAtOnce() throws SQLException {
        TestData.Team t = data.team();
        fill(t, 1, 3);
        String cookie = Web.sessionCookie(t.viewer());
        board(cookie, t);
        // As another app instance would: straight to the database, nothing in this instance hears of it.
        sql("UPDATE implementation_tasks SET scope = 'edited elsewhere' WHERE project_id = ? AND task_id = 'TASK-1-3'", t);
        assertEquals("edited elsewhere", board(cookie, t).select("#card-TASK-1-3 .card-scope").text(), "a task's text");
        sql("UPDATE technical_specs SET title = 'Renamed elsewhere' WHERE project_id = ?", t);
        assertTrue(board(cookie, t).select("#card-TASK-1-3").text().contains("Renamed elsewhere"), "a spec's title");
        sql("UPDATE accounts SET username = username || 'x' WHERE id = (SELECT claimed_by FROM implementation_tasks"
                + " WHERE project_id = ? AND claimed_by IS NOT NULL ORDER BY task_id LIMIT 1)", t);
        Document d = board(cookie, t);
        assertTrue(d.select("#col-claimed .board-card").text().contains(t.member().username + "x")
                || d.select("#col-claimed .board-card").text().contains(t.lead().username + "x"), "a claimer's new name");
        sql("INSERT INTO board_wip_limits (project_id, status, wip_limit) VALUES (?, 'pending', 5)", t);
        assertEquals("1 / 5", board(cookie, t).getElementById("col-pending-count").text(), "a WIP limit");
        sql("DELETE FROM implementation_tasks WHERE project_id = ? AND status = 'pending'", t);
        assertEquals(0, board(cookie, t).select("#col-pending .board-card").size(), "deleted tasks");
    }

    @Test
    void keptColumnsServeRepeatedViewsAndTheirAgesStandAtMostOneWindow() throws Exception {
        TestData.Team t = data.team();
        fill(t, 1, 3);
        String cookie = Web.sessionCookie(t.viewer());
        // Start right after a window begins, so that the two views below fall in the same one.
        long window = BoardColumns.AGE_WINDOW.toMillis();
        if (System.currentTimeMillis() % window > window - 10_000) {
            Thread.sleep(window - System.currentTimeMillis() % window + 50);
        }
        assertEquals("<1m", board(cookie, t).select("#card-TASK-1-3 time[datetime]").text());
        // Triggers off for this one statement (as nothing but this test would do): the board version does not move.
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            assertEquals(1, st.executeUpdate("UPDATE implementation_tasks SET created_at = now() - interval '3 hours' "
                    + "WHERE task_id = 'TASK-1-3' AND project_id = '" + t.project().id + "'"));
            st.execute("SET session_replication_role = origin");
        }
        assertEquals("<1m", board(cookie, t).select("#card-TASK-1-3 time[datetime]").text(),
                "the kept columns, within their window");
        Thread.sleep(window - System.currentTimeMillis() % window + 50);
        assertEquals("3h", board(cookie, t).select("#card-TASK-1-3 time[datetime]").text(),
                "ages are rendered again in the next window");
    }

    private static long ageWindow() {
        return System.currentTimeMillis() / BoardColumns.AGE_WINDOW.toMillis();
    }

    private Document board(String cookie, TestData.Team t) {
        return Web.html(Web.as(cookie).get("/projects/" + t.slug() + "/board").then().statusCode(200).extract().response());
    }

    private void sql(String statement, TestData.Team t) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, t.project().id);
            assertTrue(s.executeUpdate() > 0, statement);
        }
    }

    private void fill(TestData.Team t, int specCount, int phases) {
        data.stories(t, specCount);
        Access lead = new Access(t.project(), Role.LEAD, t.lead().id);
        for (int i = 1; i <= specCount; i++) {
            specs.create(lead, SpecServiceTest.hierarchical(i, "Spec " + i, phases));
        }
        claims.claimNext(new Access(t.project(), Role.MEMBER, t.member().id), new TaskService.Actor(t.member().id, TaskEvent.VIA_WEB));
        claims.claimNext(new Access(t.project(), Role.LEAD, t.lead().id), new TaskService.Actor(t.lead().id, TaskEvent.VIA_WEB));
    }
}
