package dev.specboard.spec;

import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Free text an agent sends is capped as notes and descriptions are: a failure reason of a megabyte was kept (as the
 * task's reason and in its history) and sent with every task list; a spec's overview, architecture, technology stack
 * and content had no limit either.
 */
@QuarkusTest
class FreeTextLimitsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aFailureReasonIsAtMostAsLongAsANoteOverTheApiAndMcp() {
        TestData.Team t = data.team();
        String base = SpecApiFixtures.root(t);
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Limits", List.of(), "one")).post(base + "/specs").then().statusCode(201);
        fx.started(t.member(), t, "TASK-1-1");
        String tooLong = "y".repeat(TaskNote.MAX_LENGTH + 1);
        fx.api(t.member()).body(Map.of("reason", tooLong)).post(base + "/tasks/TASK-1-1/fail").then().statusCode(422)
                .body("details.reason", equalTo("At most 20000 characters"));
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String text = Mcp.answer(token, session, "fail_task", true, "project", t.slug(), "task", "TASK-1-1", "reason", tooLong);
        assertTrue(text.contains("At most 20000 characters"), text);
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-1").then().statusCode(200).body("task.status", equalTo("in_progress"))
                .body("task.failureReason", nullValue());
        // As long as a note may be is taken.
        fx.api(t.member()).body(Map.of("reason", "y".repeat(TaskNote.MAX_LENGTH))).post(base + "/tasks/TASK-1-1/fail")
                .then().statusCode(200).body("status", equalTo("failed"));
    }

    @Test
    void aSpecsOverviewArchitectureTechnologyStackAndContentAreCapped() {
        TestData.Team t = data.team();
        String base = SpecApiFixtures.root(t);
        Map<String, Object> body = new HashMap<>(SpecApiFixtures.hierarchical(null, "Long", List.of(), "one"));
        String tooLong = "x".repeat(20_001);
        body.put("overview", tooLong);
        body.put("architecture", tooLong);
        body.put("technologyStack", tooLong);
        fx.api(t.lead()).body(body).post(base + "/specs").then().statusCode(422)
                .body("details.overview", equalTo("At most 20000 characters"))
                .body("details.architecture", equalTo("At most 20000 characters"))
                .body("details.technologyStack", equalTo("At most 20000 characters"));
        fx.api(t.lead()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "x".repeat(200_001)))
                .post(base + "/specs").then().statusCode(422).body("details.content", equalTo("At most 200000 characters"));
        fx.api(t.lead()).body(Map.of("title", "Mono", "specType", "monolithic", "content", "x".repeat(200_000)))
                .post(base + "/specs").then().statusCode(201);
    }
}
