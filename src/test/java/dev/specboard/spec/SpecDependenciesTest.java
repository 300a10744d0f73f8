package dev.specboard.spec;

import dev.specboard.kernel.DependencyGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec dependencies: cycles named by spec key, and the gate that holds tasks back. */
class SpecDependenciesTest {

    private static DependencyGraph<String> graph(String... edges) {
        return new DependencyGraph<>(List.of(), java.util.Arrays.stream(edges).map(e -> e.split(">"))
                .map(p -> new DependencyGraph.Edge<>(p[0], p[1])).toList());
    }

    @Test
    void anEdgeThatClosesACycleNamesIt() {
        DependencyGraph<String> g = graph("B>A", "C>B");
        assertEquals(List.of("A", "C", "B", "A"), g.cycleIfAdded("A", "C").orElseThrow());
    }

    @Test
    void selfDependencyIsACycle() {
        assertEquals(List.of("A", "A"), graph().cycleIfAdded("A", "A").orElseThrow());
    }

    @Test
    void aDiamondIsNotACycle() {
        DependencyGraph<String> g = graph("B>A", "C>A", "D>B");
        assertTrue(g.cycleIfAdded("D", "C").isEmpty());
        assertTrue(g.cycleIfAdded("A", "E").isEmpty());
    }

    @Test
    void dependencyGateListsIncompleteDependencies() {
        assertEquals(List.of("SPEC-1", "SPEC-3"), TechnicalSpec.blockers(Map.of(
                "SPEC-3", "in_progress", "SPEC-2", "complete", "SPEC-1", "draft")));
        assertTrue(TechnicalSpec.blockers(Map.of("SPEC-2", "complete")).isEmpty());
    }
}
