package dev.specboard.api;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story and task lists of the API answer every row, as the contract has it, or 50 a page when a {@code page} is
 * given, so that an agent on a project of thousands can read it in parts (MCP {@code list_stories}, {@code list_tasks}).
 */
@QuarkusTest
class StoryTaskListPagingTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    EntityManager em;

    @Test
    void storiesComeAllAtOnceOrFiftyAPage() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/stories";
        for (int i = 1; i <= 55; i++) {
            fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "As a user I want " + i)).post(api).then().statusCode(201);
        }
        assertEquals(55, fx.api(t.viewer()).get(api).then().statusCode(200).extract().<List<Integer>>path("number").size(),
                "without a page, every story");
        List<Integer> first = fx.api(t.viewer()).get(api + "?page=1").then().statusCode(200).extract().path("number");
        assertEquals(50, first.size());
        assertEquals(1, first.get(0));
        assertEquals(List.of(51, 52, 53, 54, 55), fx.api(t.viewer()).get(api + "?page=2").then().statusCode(200).extract().path("number"));
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "?page=3").then().statusCode(200).extract().path("number"));
        assertEquals(List.of(), fx.api(t.viewer()).get(api + "?status=ready&page=1").then().statusCode(200).extract().path("number"));
        fx.api(t.viewer()).get(api + "?page=0").then().statusCode(400).body("details.page", equalTo("must be a whole number from 1"));

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        String second = Mcp.answer(token, session, "list_stories", false, "project", t.slug(), "page", 2);
        assertTrue(second.contains("US-55") && !second.contains("US-50\""), second);
        assertTrue(Mcp.answer(token, session, "list_stories", true, "project", t.slug(), "page", 0).contains("page"));
    }

    @Test
    void tasksComeAllAtOnceOrFiftyAPageAndALapsedClaimIsOnThePendingPages() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            phases.add(Map.of("name", "phase-" + i, "description", "Build " + i, "hours", 1, "content", "Do " + i));
        }
        fx.api(t.member()).body(Map.of("title", "Big", "specType", "hierarchical", "overview", "Overview", "phases", phases))
                .post(base + "/specs").then().statusCode(201);
        assertEquals(55, fx.api(t.viewer()).get(base + "/tasks").then().statusCode(200).extract().<List<String>>path("key").size());
        List<String> first = fx.api(t.viewer()).get(base + "/tasks?page=1").then().statusCode(200).extract().path("key");
        assertEquals(50, first.size());
        assertEquals("TASK-1-1", first.get(0));
        assertEquals(List.of("TASK-1-51", "TASK-1-52", "TASK-1-53", "TASK-1-54", "TASK-1-55"),
                fx.api(t.viewer()).get(base + "/tasks?spec=SPEC-1&page=2").then().statusCode(200).extract().path("key"));
        assertEquals(List.of(), fx.api(t.viewer()).get(base + "/tasks?page=3").then().statusCode(200).extract().path("key"));

        // TASK-1-1's claim lapsed (the sweep has not come yet), TASK-1-2 is held: the pages of a status hold what the rows show.
        fx.api(t.member()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base + "/tasks/TASK-1-2/claim").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = 'TASK-1-1'")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, t.project().id).executeUpdate());
        List<String> pending = fx.api(t.viewer()).get(base + "/tasks?status=pending&page=1").then().statusCode(200).extract().path("key");
        assertEquals(50, pending.size());
        assertEquals(List.of("TASK-1-1", "TASK-1-3"), pending.subList(0, 2));
        assertEquals(4, fx.api(t.viewer()).get(base + "/tasks?status=pending&page=2").then().extract().<List<String>>path("key").size());
        assertEquals(List.of("TASK-1-2"), fx.api(t.viewer()).get(base + "/tasks?status=claimed&page=1").then().extract().path("key"));

        String token = fx.token(t.viewer());
        String session = Mcp.initialize(token);
        String second = Mcp.answer(token, session, "list_tasks", false, "project", t.slug(), "page", 2);
        assertTrue(second.contains("TASK-1-55") && !second.contains("TASK-1-50\""), second);
    }

    @Test
    void aPageOfTasksRunsTheSameStatementsWhateverTheProjectHolds() {
        TestData.Team small = data.team();
        TestData.Team large = data.team();
        spec(small, 3);
        spec(large, 30);
        assertEquals(count(small), count(large));
    }

    private void spec(TestData.Team t, int n) {
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            phases.add(Map.of("name", "phase-" + i, "description", "Build " + i, "hours", 1, "content", "Do " + i));
        }
        fx.api(t.member()).body(Map.of("title", "S", "specType", "hierarchical", "overview", "Overview", "phases", phases))
                .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(201);
        for (int i = 1; i <= n; i++) {
            fx.api(t.member()).body(Map.of("title", "Story " + i, "description", "As a user")).post("/api/v1/projects/" + t.slug() + "/stories")
                    .then().statusCode(201);
        }
    }

    private long count(TestData.Team t) {
        String token = fx.token(t.viewer());
        return SqlCounter.count(() -> {
            io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + t.slug() + "/tasks?page=1")
                    .then().statusCode(200);
            io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + t.slug() + "/stories?page=1")
                    .then().statusCode(200);
        });
    }
}
