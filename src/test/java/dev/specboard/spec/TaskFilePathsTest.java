package dev.specboard.spec;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task's files are compared as one form of their paths: {@code ./f.txt}, {@code /f.txt} and {@code f.txt/} were other
 * files than {@code f.txt}, so claim-next handed out four tasks on one file at once.
 */
@QuarkusTest
class TaskFilePathsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Inject
    ApiTokenService tokens;

    private static Map<String, Object> phase(String name, String... files) {
        return Map.of("name", name, "description", "Build " + name, "hours", 1, "content", "Do " + name, "assignedFiles", List.of(files));
    }

    private static Map<String, Object> spec(String title, List<Map<String, Object>> phases) {
        return Map.of("title", title, "specType", "hierarchical", "overview", "Overview", "phases", phases);
    }

    @Test
    void pathsAreStoredInOneFormOnceSoThatClaimNextSeesTheOverlap() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(spec("One", List.of(phase("one", "f.txt")))).post(base + "/specs").then().statusCode(201);
        fx.api(t.member()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        Response created = fx.api(t.member()).body(spec("Same file", List.of(phase("dot", "./f.txt"), phase("root", "/f.txt"),
                phase("trailing", "f.txt/", "f.txt"), phase("other", "src//a..b.txt", "src/./a..b.txt")))).post(base + "/specs");
        assertEquals(201, created.statusCode(), created.asString());
        for (String key : List.of("TASK-2-1", "TASK-2-2", "TASK-2-3")) {
            fx.api(t.viewer()).get(base + "/tasks/" + key).then().statusCode(200).body("task.assignedFiles", equalTo(List.of("f.txt")));
        }
        fx.api(t.viewer()).get(base + "/tasks/TASK-2-4").then().body("task.assignedFiles", equalTo(List.of("src/a..b.txt")));
        fx.api(t.viewer()).get(base + "/specs/SPEC-2").then().body("phases[2].assignedFiles", equalTo(List.of("f.txt")));
        // Only the task on another file is handed out; the three on f.txt wait for TASK-1-1.
        fx.api(t.lead()).post(base + "/tasks/claim-next").then().statusCode(200).body("task.key", equalTo("TASK-2-4"));
        fx.api(t.lead()).post(base + "/tasks/claim-next").then().statusCode(204).header("Specboard-Reason", "overlapping");
    }

    @Test
    void anEmptyPathOrOneLeavingTheRepositoryIsRefusedByItsPlace() {
        TestData.Team t = data.team();
        Response bad = fx.api(t.member()).body(spec("Bad", List.of(phase("a", "a.txt", "b.txt", ""), phase("b", "x/../../etc/passwd", "/")))).post(
                "/api/v1/projects/" + t.slug() + "/specs");
        assertEquals(422, bad.statusCode(), bad.asString());
        Map<String, Object> details = bad.path("details");
        assertTrue(String.valueOf(details.get("phases[0].assignedFiles[2]")).startsWith("An empty file path"), details.toString());
        assertTrue(String.valueOf(details.get("phases[1].assignedFiles[0]")).contains("without .."), details.toString());
        assertTrue(String.valueOf(details.get("phases[1].assignedFiles[1]")).startsWith("An empty file path"), details.toString());
        assertFalse(details.containsKey("phases[0].assignedFiles[0]"), details.toString());
    }

    /** A phase's files had no cap: each claim compares them with every held task's, and a body of any number was kept. */
    @Test
    void aPhaseHasAtMost200FilesOnTheApiAndTheForm() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        String[] many = IntStream.range(0, SpecContent.MAX_FILES + 1).mapToObj(i -> "src/f" + i + ".txt").toArray(String[]::new);
        Response refused = fx.api(t.member()).body(spec("Many", List.of(phase("one", "a.txt"), phase("two", many)))).post(api);
        assertEquals(422, refused.statusCode(), refused.asString());
        assertEquals("A phase has at most 200 files; this one has 201", refused.path("details.'phases[1].assignedFiles'"));
        assertEquals(1, (int) refused.path("details.size()"), "no file was looked at: " + refused.asString());
        fx.api(t.member()).body(spec("Enough", List.of(phase("two", java.util.Arrays.copyOf(many, SpecContent.MAX_FILES))))).post(api)
                .then().statusCode(201);

        Response form = Web.as(t.member()).formParam("title", "Many").formParam("specType", "hierarchical").formParam("phaseName", "one")
                .formParam("phaseDescription", "").formParam("phaseHours", "1").formParam("phaseContent", "")
                .formParam("phaseFiles", String.join("\n", many)).formParam("phaseBranch", "").post("/projects/" + t.slug() + "/specs");
        assertEquals(422, form.statusCode());
        org.jsoup.nodes.Document d = Web.html(form);
        assertEquals("A phase has at most 200 files; this one has 201", d.selectFirst("#phases .field.has-error p.error").text());
        assertEquals(String.join("\n", many), d.getElementById("phase-0-files").val().strip(), "the typed files are kept");
        assertEquals(1, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "only the spec of 200 files was kept");

        // An agent's create_spec is refused in the same words, and keeps nothing either.
        String token = tokens.create(t.member().id, "files", null, null).value();
        String text = Mcp.answer(token, Mcp.initialize(token), "create_spec", true, "project", t.slug(), "title", "Many", "specType", "hierarchical",
                "overview", "Overview", "phases", List.of(phase("two", many)));
        assertTrue(text.contains("A phase has at most 200 files; this one has 201"), text);
        assertEquals(1, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "nothing kept from MCP");
    }

    /** Tasks saved before paths were normalised get the same form from the migration, which runs again here on such a row. */
    @Test
    void theMigrationGivesStoredPathsTheSameForm() throws IOException {
        TestData.Team t = data.team();
        fx.api(t.member()).body(spec("One", List.of(phase("one", "f.txt")))).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V0994__task_file_paths_normalised.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sql = migration.replaceAll("(?m)^--.*$", "").trim().replaceAll(";$", "");
        Object files = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("UPDATE implementation_tasks SET assigned_files = CAST(?1 AS jsonb) WHERE project_id = ?2")
                    .setParameter(1, "[\"./f.txt\", \"/f.txt\", \" f.txt/ \", \"\", \"src//a..b.txt\", \"f.txt\", \"./\"]")
                    .setParameter(2, t.project().id).executeUpdate();
            em.createNativeQuery(sql).executeUpdate();
            return em.createNativeQuery("SELECT CAST(assigned_files AS text) FROM implementation_tasks WHERE project_id = ?1")
                    .setParameter(1, t.project().id).getSingleResult();
        });
        assertEquals("[\"f.txt\", \"src/a..b.txt\"]", files);
    }
}
