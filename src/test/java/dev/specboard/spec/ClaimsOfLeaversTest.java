package dev.specboard.spec;

import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Someone removed from a project holds none of its tasks: their claimed and started tasks go back to pending at once,
 * for others to claim; they sat held until the lease ran out, and the one who held them could no longer release them.
 */
@QuarkusTest
class ClaimsOfLeaversTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void theTasksOfSomeoneRemovedGoBackToPendingAtOnce() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "Checkout", List.of(), "cart", "pay", "ship")).post(base + "/specs")
                .then().statusCode(201);
        fx.api(t.member()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.member()).post(base + "/tasks/TASK-1-2/start").then().statusCode(200);
        fx.api(t.lead()).post(base + "/tasks/TASK-1-3/claim").then().statusCode(200);

        fx.api(t.owner()).delete(base + "/members/" + t.member().username).then().statusCode(204);

        for (String key : List.of("TASK-1-1", "TASK-1-2")) {
            fx.api(t.viewer()).get(base + "/tasks/" + key).then().statusCode(200)
                    .body("task.status", equalTo("pending")).body("task.claimedBy", nullValue());
        }
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-3").then().body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.lead().username));
        fx.api(t.lead()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200).body("status", equalTo("claimed"));
    }
}
