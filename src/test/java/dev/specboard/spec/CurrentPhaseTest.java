package dev.specboard.spec;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A hierarchical spec's current phase (seed 001's {@code phase} and {@code current_phase_status}): its first phase whose
 * task is not done, with that task's state, following claims and completions on the spec page and in the API.
 */
@QuarkusTest
class CurrentPhaseTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private Map<String, Object> phase(TestData.Team t, String key) {
        return fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs/" + key).then().statusCode(200).extract().path("currentPhase");
    }

    private Element shown(TestData.Team t, String key) {
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs/" + key));
        return d.getElementById("spec-phase");
    }

    /** The spec's current phase as the spec list shows it (its line) and as the API's list gives it; both must agree. */
    private String listed(TestData.Team t, String key) {
        List<Map<String, Object>> specs = fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(200)
                .extract().jsonPath().getList("");
        Map<String, Object> item = specs.stream().filter(s -> key.equals(s.get("key"))).findFirst().orElseThrow();
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/specs"));
        Element line = d.selectFirst("#spec-" + key + " .spec-list-phase");
        assertEquals(phase(t, key), item.get("currentPhase"), "the API's list gives the phase its spec gives");
        return line == null ? null : line.text();
    }

    private void move(TestData.Team t, String task, String action, Object body) {
        var request = fx.api(t.member());
        if (body != null) {
            request = request.body(body);
        }
        request.post("/api/v1/projects/" + t.slug() + "/tasks/" + task + "/" + action).then().statusCode(200);
    }

    @Test
    void theCurrentPhaseFollowsItsTasks() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "Ledger", "description", "d")).post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
        Response created = fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Ledger", List.of(), "database", "api"))
                .post("/api/v1/projects/" + t.slug() + "/specs");
        assertEquals(201, created.statusCode(), created.asString());
        String key = created.path("key");
        String task = "TASK-" + key.substring("SPEC-".length());

        assertEquals(Map.of("number", 1, "name", "database", "status", "not_started", "of", 2), phase(t, key));
        Element line = shown(t, key);
        assertNotNull(line, "the spec page names its current phase");
        assertEquals("Phase 1 of 2: database, not started", line.text());
        assertEquals("#phase-database", line.selectFirst("a").attr("href"), "it leads to the phase's section");
        assertEquals("Phase 1 of 2: database, not started", listed(t, key), "the spec list shows it too");

        move(t, task + "-1", "claim", null);
        assertEquals("in_progress", phase(t, key).get("status"), "a claimed task's phase is under way");
        move(t, task + "-1", "start", null);
        assertEquals("in_progress", phase(t, key).get("status"));
        assertEquals("Phase 1 of 2: database, in progress", shown(t, key).text());
        assertEquals("Phase 1 of 2: database, in progress", listed(t, key));

        move(t, task + "-1", "complete", Map.of("commitSha", SHA));
        assertEquals(Map.of("number", 2, "name", "api", "status", "not_started", "of", 2), phase(t, key));
        assertEquals("Phase 2 of 2: api, not started", listed(t, key));

        move(t, task + "-2", "claim", null);
        move(t, task + "-2", "start", null);
        move(t, task + "-2", "complete", Map.of("commitSha", SHA));
        assertEquals(Map.of("number", 2, "name", "api", "status", "completed", "of", 2), phase(t, key));
        assertEquals("All 2 phases completed", shown(t, key).text());
        assertEquals("All 2 phases completed", listed(t, key));
    }

    @Test
    void aSpecWithoutPhasesHasNone() {
        TestData.Team t = data.team();
        fx.api(t.member()).body(Map.of("title", "Rounding", "description", "d")).post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(201);
        Response created = fx.api(t.member()).body(Map.of("title", "Small fix", "content", "Fix the rounding.", "storyNumber", 1))
                .post("/api/v1/projects/" + t.slug() + "/specs");
        assertEquals(201, created.statusCode(), created.asString());
        String key = created.path("key");
        assertNull(phase(t, key));
        assertNull(shown(t, key));
        assertNull(listed(t, key), "nor does its line in the list");
    }

    @Test
    void theListReadsThePhaseFromItsPhaseFilesAndTaskStates() {
        List<String> files = List.of("phase1-database", "phase2-2fa-login", "phase3-api");
        assertEquals(new CurrentPhase(1, "database", "failed", 3), CurrentPhase.ofListed(files, "2fa-login:pending,database:failed"));
        assertEquals(new CurrentPhase(2, "2fa-login", "in_progress", 3),
                CurrentPhase.ofListed(files, "database:merged,2fa-login:claimed,api:pending"), "a name that starts with digits keeps them");
        assertEquals(new CurrentPhase(3, "api", "not_started", 3), CurrentPhase.ofListed(files, "database:completed,2fa-login:merged"),
                "a phase without a task has not started");
        assertEquals(new CurrentPhase(1, "database", "not_started", 3), CurrentPhase.ofListed(files, null));
        assertEquals(new CurrentPhase(3, "api", "completed", 3),
                CurrentPhase.ofListed(files, "database:completed,2fa-login:merged,api:completed"));
        assertNull(CurrentPhase.ofListed(List.of(), null), "no phases, no current phase");
    }
}
