package dev.specboard.spec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyGraphTest {

    private static DependencyGraph graph(String... edges) {
        return DependencyGraph.of(java.util.Arrays.stream(edges).map(e -> e.split(">")).toList());
    }

    @Test
    void anEdgeThatClosesACycleNamesIt() {
        DependencyGraph g = graph("B>A", "C>B");
        assertEquals(List.of("A", "C", "B", "A"), g.cycleIfAdded("A", "C").orElseThrow());
    }

    @Test
    void selfDependencyIsACycle() {
        assertEquals(List.of("A", "A"), graph().cycleIfAdded("A", "A").orElseThrow());
    }

    @Test
    void aDiamondIsNotACycle() {
        DependencyGraph g = graph("B>A", "C>A", "D>B");
        assertTrue(g.cycleIfAdded("D", "C").isEmpty());
        assertTrue(g.cycleIfAdded("A", "E").isEmpty());
    }

    @Test
    void dependencyGateListsIncompleteDependencies() {
        assertEquals(List.of("SPEC-1", "SPEC-3"), DependencyGraph.blockers(Map.of(
                "SPEC-3", "in_progress", "SPEC-2", "complete", "SPEC-1", "draft")));
        assertTrue(DependencyGraph.blockers(Map.of("SPEC-2", "complete")).isEmpty());
    }
}
