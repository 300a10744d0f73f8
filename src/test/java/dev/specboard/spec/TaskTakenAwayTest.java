package dev.specboard.spec;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.specboard.spec.SpecApiFixtures.SHA;
import static dev.specboard.spec.SpecApiFixtures.root;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A claimer whose task a lead takes away (release, failure) is told so, and its next move of the task says who and when:
 * it heard nothing and got "A task cannot move from pending to completed.".
 */
@QuarkusTest
class TaskTakenAwayTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    /** The owner's spec with three tasks; the member (an agent's account) claims and starts TASK-1-1 and TASK-1-2. */
    private TestData.Team held() {
        TestData.Team t = data.team();
        fx.api(t.owner()).body(SpecApiFixtures.hierarchical(null, "Checkout", List.of(), "cart", "pay", "ship")).post(root(t) + "/specs")
                .then().statusCode(201);
        fx.started(t.member(), t, "TASK-1-1");
        fx.started(t.member(), t, "TASK-1-2");
        return t;
    }

    @Test
    void aLeadsReleaseTellsTheClaimerAndItsNextMoveSaysWhoReleasedIt() {
        TestData.Team t = held();
        String lead = t.lead().username;
        fx.api(t.lead()).post(root(t) + "/tasks/TASK-1-1/release").then().statusCode(200).body("status", equalTo("pending"));
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_released' }", hasSize(1))
                .body("find { it.type == 'task_released' }.payload.message",
                        equalTo("TASK-1-1 was released by " + lead + ": it is pending again and no longer yours"))
                .body("find { it.type == 'task_released' }.payload.actor", equalTo(lead))
                .body("find { it.type == 'task_released' }.payload.link", equalTo("/projects/" + t.slug() + "/tasks/TASK-1-1"));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(root(t) + "/tasks/TASK-1-1/complete").then().statusCode(409)
                .body("error", startsWith("TASK-1-1 was released by " + lead + " at "))
                .body("error", org.hamcrest.Matchers.endsWith("claim it again to go on. A task cannot move from pending to completed."))
                .body("details.releasedBy", equalTo(lead)).body("details.releasedAt", notNullValue())
                .body("details.from", equalTo("pending"));
        fx.api(t.member()).post(root(t) + "/tasks/TASK-1-1/start").then().statusCode(409)
                .body("error", startsWith("TASK-1-1 was released by " + lead + " at "));
        // Someone who never held it gets the move's own wording.
        dev.specboard.account.Account dan = data.account("dan");
        data.addMember(t.project(), dan, dev.specboard.kernel.Role.MEMBER);
        fx.api(dan).body(Map.of("commitSha", SHA)).post(root(t) + "/tasks/TASK-1-1/complete").then().statusCode(409)
                .body("error", equalTo("A task cannot move from pending to completed."));
        // Its own release tells nobody and changes no refusal.
        fx.api(t.member()).post(root(t) + "/tasks/TASK-1-2/release").then().statusCode(200);
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200).body("findAll { it.type == 'task_released' }", hasSize(1));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(root(t) + "/tasks/TASK-1-2/complete").then().statusCode(409)
                .body("error", equalTo("A task cannot move from pending to completed."));
    }

    @Test
    void aLeadsFailureOfAHeldTaskTellsTheClaimerAndTheAuthor() {
        TestData.Team t = held();
        String lead = t.lead().username;
        fx.api(t.lead()).body(Map.of("reason", "Wrong approach")).post(root(t) + "/tasks/TASK-1-1/fail").then().statusCode(200);
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200)
                .body("find { it.type == 'task_failed' }.payload.message", equalTo("TASK-1-1 was marked failed by " + lead + " while you held it"));
        fx.api(t.owner()).get("/api/v1/notifications").then().statusCode(200)
                .body("type", hasItem("task_failed"));
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(root(t) + "/tasks/TASK-1-1/complete").then().statusCode(409)
                .body("error", startsWith("TASK-1-1 was marked failed by " + lead + " at "))
                .body("details.failedBy", equalTo(lead));
        // Its own failure tells it nothing.
        fx.api(t.member()).body(Map.of("reason", "Stuck")).post(root(t) + "/tasks/TASK-1-2/fail").then().statusCode(200);
        fx.api(t.member()).get("/api/v1/notifications").then().statusCode(200).body("findAll { it.type == 'task_failed' }", hasSize(1));
    }

    @Test
    void completingAClaimedTaskThatWasNotStartedSaysToStartItFirst() {
        TestData.Team t = held();
        fx.api(t.member()).post(root(t) + "/tasks/TASK-1-3/claim").then().statusCode(200);
        fx.api(t.member()).body(Map.of("commitSha", SHA)).post(root(t) + "/tasks/TASK-1-3/complete").then().statusCode(409)
                .body("error", equalTo("A task cannot move from claimed to completed: start it first (POST /api/v1/projects/" + t.slug()
                        + "/tasks/TASK-1-3/start, MCP start_task), then complete it."))
                .body("details.from", equalTo("claimed")).body("details.to", equalTo("completed"));
    }
}
