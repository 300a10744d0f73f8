package dev.specboard.spec;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec, task and story keys count from 1 and are written without leading zeros: SPEC-0, SPEC-01, TASK-01-1, TASK-1-0 and
 * US-0 are no keys, answered as SPEC-abc is (404 for an address, 400 for a filter, 422 for a dependency), not read as
 * a spec that is not there, nor as another spelling of SPEC-1.
 */
@QuarkusTest
class KeyNumbersTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void theApiAnswersZeroAndLeadingZerosAsMalformedKeys() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        String api = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Login", null, "one")).post(api + "/specs").then().statusCode(201);

        for (String key : List.of("SPEC-abc", "SPEC-0", "SPEC-01", "spec-001", "0")) {
            fx.api(t.viewer()).get(api + "/specs/" + key).then().statusCode(404).body("error", equalTo("No spec " + key + " in this project"));
        }
        for (String key : List.of("TASK-x-1", "TASK-0-1", "TASK-1-0", "TASK-01-1", "TASK-1-01")) {
            fx.api(t.viewer()).get(api + "/tasks/" + key).then().statusCode(404).body("error", equalTo("No task " + key + " in this project"));
        }
        for (String spec : List.of("SEPC-1", "SPEC-0", "SPEC-01")) {
            fx.api(t.viewer()).get(api + "/tasks?spec=" + spec).then().statusCode(400).body("details.spec", equalTo("must be a spec key such as SPEC-3"));
        }
        fx.api(t.member()).body(Map.of("title", "Logout", "specType", "monolithic", "content", "Out", "dependsOn", List.of("SPEC-01")))
                .post(api + "/specs").then().statusCode(422).body("details.dependsOn", equalTo("There is no SPEC-01 in this project"));
        fx.api(t.viewer()).get(api + "/specs/SPEC-1").then().statusCode(200);
        fx.api(t.viewer()).get(api + "/tasks/task-1-1").then().statusCode(200).body("task.key", equalTo("TASK-1-1"));
    }

    @Test
    void thePagesAnswerZeroAndLeadingZerosAsMalformedKeys() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(1, "Login", null, "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String project = "/projects/" + t.slug();
        for (String page : List.of("/specs/SPEC-abc", "/specs/SPEC-0", "/specs/SPEC-01", "/tasks/TASK-0-1", "/tasks/TASK-01-1")) {
            assertEquals(404, Web.as(t.viewer()).get(project + page).statusCode(), page);
        }
        for (String board : List.of("/board?spec=auth", "/board?spec=SPEC-0", "/board?spec=SPEC-01", "/board?story=US-0", "/board?story=0",
                "/specs?story=US-0")) {
            // A filter naming no spec or story is refused at its field, the page shown (422, as any refused filter).
            Response r = Web.as(t.viewer()).get(project + board);
            assertEquals(422, r.statusCode(), board);
            assertTrue(Web.html(r).select("[aria-invalid=true]").size() == 1, board);
        }
        assertEquals(200, Web.as(t.viewer()).get(project + "/board?spec=SPEC-1&story=US-1").statusCode());
    }
}
