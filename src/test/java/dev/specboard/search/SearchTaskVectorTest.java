package dev.specboard.search;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task's stored vector is computed when the task is made and when its words change (scope, description, assigned
 * files), never on a heartbeat: as a generated column it was computed again on every update of the task, and a claimer
 * renews its lease every few seconds.
 */
@QuarkusTest
class SearchTaskVectorTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    SearchService search;

    @Inject
    EntityManager em;

    private String vector(UUID project) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT CAST(search AS text) FROM implementation_tasks WHERE project_id = ?1 AND task_id = 'TASK-1-1'")
                .setParameter(1, project).getSingleResult());
    }

    private void update(String sql, UUID project) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql + " WHERE project_id = ?1 AND task_id = 'TASK-1-1'")
                .setParameter(1, project).executeUpdate());
    }

    @Test
    void aHeartbeatLeavesTheVectorAndAChangeOfTheWordsComputesItAgain() {
        TestData.Team t = data.team();
        UUID project = t.project().id;
        fx.api(t.lead()).body(SpecApiFixtures.hierarchical(null, "Ledger", List.of(), "posting")).post(SpecApiFixtures.root(t) + "/specs")
                .then().statusCode(201);
        assertTrue(vector(project).contains("'post'"), "a new task's words are in its vector: " + vector(project));
        fx.api(t.member()).post(SpecApiFixtures.root(t) + "/tasks/TASK-1-1/claim").then().statusCode(200);

        // A vector none of the task's words make: only computing it again would replace it (a generated column refused it).
        update("UPDATE implementation_tasks SET search = to_tsvector('simple', 'marker')", project);
        fx.api(t.member()).post(SpecApiFixtures.root(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(200);
        fx.api(t.member()).post(SpecApiFixtures.root(t) + "/tasks/TASK-1-1/heartbeat").then().statusCode(200);
        assertEquals("'marker':1", vector(project), "heartbeats leave the vector as it was");

        update("UPDATE implementation_tasks SET scope_description = 'Zebra crossings'", project);
        String changed = vector(project);
        assertTrue(changed.contains("'zebra'") && changed.contains("'post'") && !changed.contains("marker"), changed);
        assertEquals(List.of("TASK-1-1"), search.ranked(project, t.slug(), "zebra", "task", 5).stream().map(SearchHit::key).toList());
        update("UPDATE implementation_tasks SET assigned_files = '[\"src/Quagga.java\"]'", project);
        assertTrue(vector(project).contains("'quagga'"), "assigned files are words of the vector: " + vector(project));
    }
}
