package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's column limits: set by a lead on the board (a mistake keeps what was typed) or over the API, read by every member. */
@QuarkusTest
class BoardApiTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aLeadSetsLimitsOverTheApiAndTheBoardShowsThem() {
        TestData.Team t = data.team();
        String limits = "/api/v1/projects/" + t.slug() + "/board/limits";
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("claimed", nullValue()).body("in_progress", nullValue())
                .body("size()", equalTo(6));

        fx.api(t.lead()).body(Map.of("in_progress", 3, "claimed", 5)).put(limits)
                .then().statusCode(200).body("in_progress", equalTo(3)).body("claimed", equalTo(5)).body("pending", nullValue());
        Map<String, Object> clear = new HashMap<>();
        clear.put("claimed", null);
        fx.api(t.lead()).body(clear).put(limits).then().statusCode(200).body("claimed", nullValue()).body("in_progress", equalTo(3));
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("in_progress", equalTo(3));
        String agent = fx.token(t.member());
        String seen = Mcp.answer(agent, Mcp.initialize(agent), "get_board_limits", false, "project", t.slug()).replaceAll("\\s", "");
        assertTrue(seen.contains("{\"column\":\"in_progress\",\"wipLimit\":3}") && seen.contains("{\"column\":\"claimed\",\"wipLimit\":null}"), seen);
        Document board = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/board"));
        assertEquals("0 / 3", board.getElementById("col-in_progress-count").text());

        // Refusals name the column and change nothing.
        fx.api(t.lead()).body(Map.of("in_progress", 0, "done", 2)).put(limits).then().statusCode(422)
                .body("details.done", containsString("in_progress")).body("details.in_progress", nullValue());
        fx.api(t.lead()).body(Map.of("in_progress", 0)).put(limits).then().statusCode(422)
                .body("details.in_progress", containsString("1 to 10000"));
        // Made-up columns by the thousand are refused in a short answer: the first 20 named, the rest counted.
        Map<String, Object> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            many.put("col" + i, 1);
        }
        String refused = fx.api(t.lead()).body(many).put(limits).then().statusCode(422)
                .body("details.col0", containsString("in_progress")).body("details.size()", equalTo(21))
                .body("error", containsString("and 4980 more")).extract().asString();
        assertTrue(refused.length() < 5000, refused);
        fx.api(t.lead()).body("{\"in_progress\": \"many\"}").put(limits).then().statusCode(400).body("error", notNullValue());
        fx.api(t.lead()).body("[3]").put(limits).then().statusCode(400);
        fx.api(t.member()).body(Map.of("in_progress", 9)).put(limits).then().statusCode(403).body("error", containsString("lead"));
        fx.api(t.outsider()).get(limits).then().statusCode(404);
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("in_progress", equalTo(3));
    }

    @Test
    void aMistakeOnTheBoardKeepsWhatWasTypedAndSavesNothing() {
        TestData.Team t = data.team();
        Response bad = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-claimed", "4")
                .formParam("wip-in_progress", "lots").post("/projects/" + t.slug() + "/board/limits");
        assertEquals(422, bad.statusCode());
        Document d = Web.html(bad);
        assertTrue(d.getElementById("wip-limits").hasAttr("open"), "the form is open on its mistake");
        assertEquals("lots", d.getElementById("wip-in_progress").val());
        assertEquals("4", d.getElementById("wip-claimed").val(), "the other values are kept");
        assertEquals("true", d.getElementById("wip-in_progress").attr("aria-invalid"));
        assertTrue(d.getElementById("e-wip-in_progress").text().contains("1 to 10000"), d.getElementById("e-wip-in_progress").text());
        fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/board/limits").then().statusCode(200).body("claimed", nullValue());

        assertEquals(303, Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-claimed", "4")
                .post("/projects/" + t.slug() + "/board/limits").statusCode());
        Document saved = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/board"));
        assertEquals("4", saved.getElementById("wip-claimed").val());
        assertTrue(!saved.getElementById("wip-limits").hasAttr("open"));
    }

    @Test
    void theMergedColumnTakesNoLimitAsASyncFillsIt() throws java.sql.SQLException {
        TestData.Team t = data.team();
        String limits = "/api/v1/projects/" + t.slug() + "/board/limits";
        // It held 3 with a limit of 2 once a completion merged at once; now the limit is refused, naming the column.
        fx.api(t.lead()).body(Map.of("merged", 2, "in_progress", 4)).put(limits).then().statusCode(422)
                .body("details.merged", containsString("takes no limit"));
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("merged", nullValue()).body("in_progress", nullValue());
        Map<String, Object> clear = new HashMap<>();
        clear.put("merged", null);
        fx.api(t.lead()).body(clear).put(limits).then().statusCode(200).body("merged", nullValue());
        // The board offers no field for it, and refuses one posted, showing why at the field.
        Document board = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/board"));
        assertTrue(board.getElementById("wip-merged") == null, "no merged field");
        assertTrue(board.getElementById("wip-completed") != null);
        Response bad = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-merged", "2")
                .post("/projects/" + t.slug() + "/board/limits");
        assertEquals(422, bad.statusCode());
        assertTrue(Web.html(bad).getElementById("e-wip-merged").text().contains("takes no limit"));
        // A limit saved before is not enforced nor shown (the API, MCP).
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO board_wip_limits (project_id, status, wip_limit) VALUES (?, 'merged', 2)")) {
            s.setObject(1, t.project().id);
            assertEquals(1, s.executeUpdate());
        }
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("merged", nullValue());
        String agent = fx.token(t.member());
        String seen = Mcp.answer(agent, Mcp.initialize(agent), "get_board_limits", false, "project", t.slug()).replaceAll("\\s", "");
        assertTrue(seen.contains("{\"column\":\"merged\",\"wipLimit\":null}"), seen);
    }

    @Test
    void theFailedColumnTakesNoLimitSoReportingAFailureIsNeverRefused() throws java.sql.SQLException {
        TestData.Team t = data.team();
        data.stories(t, 1);
        String root = SpecApiFixtures.root(t);
        String limits = root + "/board/limits";
        // A full failed column refused an agent's failure report; now the limit is refused, naming the column, as merged's is.
        fx.api(t.lead()).body(Map.of("failed", 1, "in_progress", 4)).put(limits).then().statusCode(422)
                .body("details.failed", containsString("takes no limit")).body("details.failed", containsString("failure"));
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("failed", nullValue()).body("in_progress", nullValue());
        String lead = fx.token(t.lead());
        String refused = Mcp.answer(lead, Mcp.initialize(lead), "set_wip_limits", true, "project", t.slug(),
                "limits", java.util.List.of(Map.of("column", "failed", "wipLimit", 1)));
        assertTrue(refused.contains("\"failed\":\"The failed column takes no limit"), refused);
        Document board = Web.html(Web.as(t.lead()).get("/projects/" + t.slug() + "/board"));
        assertTrue(board.getElementById("wip-failed") == null, "no failed field");
        Response bad = Web.as(t.lead()).contentType("application/x-www-form-urlencoded").formParam("wip-failed", "1")
                .post("/projects/" + t.slug() + "/board/limits");
        assertEquals(422, bad.statusCode());
        assertTrue(Web.html(bad).getElementById("e-wip-failed").text().contains("takes no limit"));
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("failed", nullValue());

        // A limit saved before holds no failure report back, over the API or MCP.
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "S", java.util.List.of(), "one", "two", "three")).post(root + "/specs")
                .then().statusCode(201);
        fx.started(t.member(), t, "TASK-1-1");
        fx.api(t.member()).body(Map.of("reason", "broke")).post(root + "/tasks/TASK-1-1/fail").then().statusCode(200);
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO board_wip_limits (project_id, status, wip_limit) VALUES (?, 'failed', 1)")) {
            s.setObject(1, t.project().id);
            assertEquals(1, s.executeUpdate());
        }
        fx.started(t.member(), t, "TASK-1-2");
        fx.api(t.member()).body(Map.of("reason", "broke too")).post(root + "/tasks/TASK-1-2/fail").then().statusCode(200)
                .body("status", equalTo("failed"));
        fx.started(t.member(), t, "TASK-1-3");
        String agent = fx.token(t.member());
        Mcp.answer(agent, Mcp.initialize(agent), "fail_task", false, "project", t.slug(), "task", "TASK-1-3", "reason", "broke again");
        fx.api(t.viewer()).get(limits).then().statusCode(200).body("failed", nullValue());
        fx.api(t.viewer()).get(root + "/tasks?status=failed").then().statusCode(200).body("size()", equalTo(3));
    }
}
