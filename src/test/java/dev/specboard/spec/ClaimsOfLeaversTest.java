package dev.specboard.spec;

import dev.specboard.project.Membership;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Inject
    EntityManager em;

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
            // The history says why the claim ended: it read "Lease expired: … sent no heartbeat before …".
            fx.api(t.viewer()).get(base + "/tasks/" + key).then().statusCode(200)
                    .body("task.status", equalTo("pending")).body("task.claimedBy", nullValue())
                    .body("events[-1].to", equalTo("pending")).body("events[-1].via", equalTo("system"))
                    .body("events[-1].note", equalTo(t.member().username + " was removed from the project"))
                    .body("events.note", not(hasItem(startsWith("Lease expired"))));
        }
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-3").then().body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.lead().username));
        fx.api(t.lead()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200).body("status", equalTo("claimed"));
    }

    /**
     * Someone demoted below member may no longer heartbeat, start or release what they hold: their tasks sat claimed
     * until the lease ran out, and nobody else could claim them. A demotion now ends them as a removal does, by the API
     * and by the members page alike; a demotion that keeps the role working tasks (lead to member) ends nothing.
     */
    @Test
    void theTasksOfSomeoneDemotedBelowMemberGoBackToPendingAtOnce() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "Checkout", List.of(), "cart", "pay", "ship")).post(base + "/specs")
                .then().statusCode(201);
        fx.api(t.member()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base + "/tasks/TASK-1-1/start").then().statusCode(200);
        fx.api(t.lead()).post(base + "/tasks/TASK-1-2/claim").then().statusCode(200);
        fx.api(t.owner()).post(base + "/tasks/TASK-1-3/claim").then().statusCode(200);

        fx.api(t.owner()).body(Map.of("role", "viewer")).put(base + "/members/" + t.member().username).then().statusCode(200);
        UUID lead = QuarkusTransaction.requiringNew().call(() -> Membership.<Membership>find("project.id = ?1 and account.id = ?2",
                t.project().id, t.lead().id).firstResult().id);
        Web.as(t.owner()).formParam("role", "reviewer").post("/projects/" + t.slug() + "/members/" + lead + "/role").then().statusCode(303);

        fx.api(t.viewer()).get(base + "/tasks/TASK-1-1").then().statusCode(200)
                .body("task.status", equalTo("pending")).body("task.claimedBy", nullValue())
                .body("events[-1].from", equalTo("in_progress")).body("events[-1].via", equalTo("system"))
                .body("events[-1].note", equalTo(t.member().username + " became a viewer"));
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-2").then().statusCode(200)
                .body("task.status", equalTo("pending")).body("events[-1].note", equalTo(t.lead().username + " became a reviewer"));
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-3").then().body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.owner().username));
        fx.api(t.owner()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200).body("status", equalTo("claimed"));
    }

    /** Lead to member keeps the right to work tasks: their claim stays. */
    @Test
    void aDemotionThatStillWorksTasksKeepsTheClaims() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "Checkout", List.of(), "cart")).post(base + "/specs")
                .then().statusCode(201);
        fx.api(t.lead()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.owner()).body(Map.of("role", "member")).put(base + "/members/" + t.lead().username).then().statusCode(200);
        fx.api(t.lead()).post(base + "/tasks/TASK-1-1/heartbeat").then().statusCode(200);
        fx.api(t.viewer()).get(base + "/tasks/TASK-1-1").then().body("task.status", equalTo("claimed"))
                .body("task.claimedBy", equalTo(t.lead().username));
    }

    /**
     * The removal's sweep runs after the removal committed, in a transaction of its own: it joined the finished one and
     * failed ("The transaction is not active"), so a lease that had lapsed meanwhile went back without its claimer being told.
     */
    @Test
    void aRemovalSweepsLapsedLeasesOfOthersAndTellsTheirClaimer() {
        TestData.Team t = data.team();
        String base = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(SpecApiFixtures.hierarchical(null, "Checkout", List.of(), "cart", "pay")).post(base + "/specs")
                .then().statusCode(201);
        fx.api(t.lead()).post(base + "/tasks/TASK-1-1/claim").then().statusCode(200);
        fx.api(t.member()).post(base + "/tasks/TASK-1-2/claim").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE implementation_tasks SET lease_expires_at = ?1 WHERE project_id = ?2 AND task_id = 'TASK-1-1'")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, t.project().id).executeUpdate());

        fx.api(t.owner()).delete(base + "/members/" + t.member().username).then().statusCode(204);

        fx.api(t.lead()).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.type == 'task_lease_expired' }.payload.message", hasItem(startsWith("TASK-1-1 went back to pending")));
        // The rows themselves, not only how they read: both are pending and unclaimed, and each return is logged.
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery("""
                            SELECT t.task_id, t.status, CAST(t.claimed_by AS text),
                                   (SELECT count(*) FROM task_events e WHERE e.task_id = t.id AND e.via = 'system' AND e.from_status = 'claimed' AND e.to_status = 'pending')
                            FROM implementation_tasks t WHERE t.project_id = ?1 ORDER BY t.task_id""")
                    .setParameter(1, t.project().id).getResultList();
            assertEquals("[[TASK-1-1, pending, null, 1], [TASK-1-2, pending, null, 1]]",
                    rows.stream().map(r -> Arrays.toString((Object[]) r)).toList().toString());
        });
    }
}
