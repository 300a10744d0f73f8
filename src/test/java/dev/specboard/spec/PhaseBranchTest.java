package dev.specboard.spec;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phase may name the git branch its task works on (DESIGN: the branch is {@code roadmap-implementation_task-TASK-n-k}
 * by default): over the API and on the spec form, checked as git checks branch names, unique in the project, and fixed
 * once its task is claimed.
 */
@QuarkusTest
class PhaseBranchTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static Map<String, Object> phase(String name, String branch) {
        Map<String, Object> p = new HashMap<>(SpecApiFixtures.phase(name, 2));
        if (branch != null) {
            p.put("branchName", branch);
        }
        return p;
    }

    private static Map<String, Object> spec(String title, Map<String, Object>... phases) {
        return Map.of("title", title, "specType", "hierarchical", "overview", "Overview", "phases", List.of(phases));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhaseNamesItsBranchOverTheApiAndItsTaskWorksOnIt() {
        TestData.Team t = data.team();
        String specs = "/api/v1/projects/" + t.slug() + "/specs";
        Response created = fx.api(t.member()).body(spec("Login", phase("form", "feature/login-form"), phase("api", null))).post(specs);
        assertEquals(201, created.statusCode(), created.asString());
        String key = created.path("key");
        int n = Integer.parseInt(key.substring("SPEC-".length()));
        assertEquals(List.of("feature/login-form", "roadmap-implementation_task-TASK-" + n + "-2"), created.path("tasks.branchName"));
        Response read = fx.api(t.viewer()).get(specs + "/" + key);
        assertEquals("feature/login-form", read.path("phases[0].branchName"));
        assertNull(read.path("phases[1].branchName"));

        Response bad = fx.api(t.member()).body(spec("Bad", phase("a", "no spaces allowed"), phase("b", "x..y"), phase("c", "same"), phase("d", "same")))
                .post(specs);
        assertEquals(422, bad.statusCode(), bad.asString());
        Map<String, Object> details = bad.path("details");
        assertTrue(String.valueOf(details.get("phases[0].branchName")).startsWith("A branch name git takes"), details.toString());
        assertTrue(details.containsKey("phases[1].branchName"), details.toString());
        assertEquals("Another phase already works on this branch", details.get("phases[3].branchName"));

        Response taken = fx.api(t.member()).body(spec("Again", phase("form", "feature/login-form"))).post(specs);
        assertEquals(409, taken.statusCode(), taken.asString());
        assertTrue(taken.path("error").toString().contains("already used by another task"), taken.asString());

        // A pending task follows its phase's branch; once claimed, the branch stays.
        Response moved = fx.api(t.member()).body(Map.of("title", "Login", "specType", "hierarchical", "overview", "Overview", "version", 1,
                "phases", List.of(phase("form", "feature/login"), phase("api", "feature/login-api")))).put(specs + "/" + key);
        assertEquals(200, moved.statusCode(), moved.asString());
        Response tasks = fx.api(t.viewer()).get(specs + "/" + key);
        assertEquals(List.of("feature/login", "feature/login-api"), tasks.path("tasks.branchName"));
        fx.api(t.member()).post("/api/v1/projects/" + t.slug() + "/tasks/TASK-" + n + "-1/claim").then().statusCode(200);
        Response refused = fx.api(t.member()).body(Map.of("title", "Login", "specType", "hierarchical", "overview", "Overview", "version", 2,
                "phases", List.of(phase("form", null), phase("api", "feature/login-api")))).put(specs + "/" + key);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("The branch stays feature/login: TASK-" + n + "-1 is claimed.", refused.path("details.'phases[0].branchName'"));
        assertEquals(List.of("feature/login", "feature/login-api"), fx.api(t.viewer()).get(specs + "/" + key).path("tasks.branchName"),
                "nothing changed");
    }

    @Test
    void theSpecFormTakesABranchPerPhaseAndKeepsARefusedOne() {
        TestData.Team t = data.team();
        Document empty = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/specs/new"));
        assertEquals("Branch of phase 1 (optional)", empty.selectFirst("label[for=phase-0-branch]").text());

        Response bad = Web.as(t.member()).formParam("title", "Login").formParam("specType", "hierarchical")
                .formParam("phaseName", "form", "api").formParam("phaseDescription", "", "").formParam("phaseHours", "1", "1")
                .formParam("phaseContent", "", "").formParam("phaseFiles", "", "").formParam("phaseBranch", "feature/login form", "")
                .post("/projects/" + t.slug() + "/specs");
        assertEquals(422, bad.statusCode(), bad.asString());
        Document d = Web.html(bad);
        assertEquals("feature/login form", d.getElementById("phase-0-branch").val(), "the typed branch is kept");
        assertTrue(d.getElementById("phase-0-branch-error").text().startsWith("A branch name git takes"));
        assertEquals("true", d.getElementById("phase-0-branch").attr("aria-invalid"));

        Response ok = Web.as(t.member()).formParam("title", "Login").formParam("specType", "hierarchical")
                .formParam("phaseName", "form", "api").formParam("phaseDescription", "", "").formParam("phaseHours", "1", "1")
                .formParam("phaseContent", "", "").formParam("phaseFiles", "", "").formParam("phaseBranch", "feature/login-form", "")
                .post("/projects/" + t.slug() + "/specs");
        assertEquals(303, ok.statusCode(), ok.asString());
        String key = ok.header("Location").substring(ok.header("Location").lastIndexOf('/') + 1);
        assertEquals("feature/login-form", fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/specs/" + key).path("tasks[0].branchName"));
        Document edit = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/specs/" + key + "/edit"));
        assertEquals("feature/login-form", edit.getElementById("phase-0-branch").val(), "the edit form shows the phase's branch");
        assertEquals("", edit.getElementById("phase-1-branch").val());
    }
}
