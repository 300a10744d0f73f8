package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating a journey prepares as many statements for 1,000 connections as for 100: each connection rewrote its node's row
 * (500 nodes and 2,000 connections took 30 s); now each node's row is written once, in batches.
 */
@QuarkusTest
class JourneyCreateCostTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private int statements(TestData.Team t, int nodes, int connections) {
        List<Map<String, Object>> ns = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ns.add(Map.of("key", "n" + i, "nodeType", "action", "data", Map.of("label", "Step " + i)));
        }
        List<Map<String, Object>> cs = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (cs.size() < connections) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(nodes);
            if (seen.add(a + ">" + b)) {
                cs.add(Map.of("from", "n" + a, "to", "n" + b));
            }
        }
        return SqlCounter.statements(() -> fx.api(t.member()).body(Map.of("name", "Big", "nodes", ns, "connections", cs))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201)).size();
    }

    @Test
    void creatingAJourneyPreparesAsManyStatementsForFewConnectionsAsForMany() {
        TestData.Team t = data.team();
        int few = statements(t, 500, 100);
        int many = statements(t, 500, 1000);
        assertEquals(few, many);
        assertTrue(many < 50, "the 500 nodes' rows are written in batches, not one statement each: " + many);
    }
}
