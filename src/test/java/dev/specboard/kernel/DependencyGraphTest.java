package dev.specboard.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyGraphTest {

    private static DependencyGraph.Edge<String> e(String from, String to) {
        return new DependencyGraph.Edge<>(from, to);
    }

    private static DependencyGraph<String> chain() {
        // A depends on B, B on C, and D on C.
        return new DependencyGraph<>(List.of("A", "B", "C", "D"), List.of(e("A", "B"), e("B", "C"), e("D", "C")));
    }

    @Test
    void edgeClosingACycleIsReportedWithTheCycleInOrder() {
        assertEquals(Optional.of(List.of("C", "A", "B", "C")), chain().cycleIfAdded("C", "A"));
    }

    @Test
    void edgeToItselfIsACycle() {
        assertEquals(Optional.of(List.of("A", "A")), chain().cycleIfAdded("A", "A"));
    }

    @Test
    void twoNodeCycleIsNamed() {
        assertEquals(Optional.of(List.of("B", "A", "B")), chain().cycleIfAdded("B", "A"));
    }

    @Test
    void safeEdgesAreAccepted() {
        DependencyGraph<String> g = chain();
        assertTrue(g.cycleIfAdded("A", "C").isEmpty());
        assertTrue(g.cycleIfAdded("A", "D").isEmpty());
        assertTrue(g.cycleIfAdded("D", "B").isEmpty());
    }

    @Test
    void reportedCycleIsTheShortestOne() {
        // A → B → C → D and A → D: adding D → A closes D → A → D (shortest), not the long way round.
        DependencyGraph<String> g = new DependencyGraph<>(List.of("A", "B", "C", "D"),
                List.of(e("A", "B"), e("B", "C"), e("C", "D"), e("A", "D")));
        assertEquals(Optional.of(List.of("D", "A", "D")), g.cycleIfAdded("D", "A"));
    }

    @Test
    void findCycleFindsAnExistingCycleAndNothingInADag() {
        assertTrue(chain().findCycle().isEmpty());
        DependencyGraph<String> cyclic = new DependencyGraph<>(List.of("A", "B", "C"), List.of(e("A", "B"), e("B", "C"), e("C", "A")));
        List<String> cycle = cyclic.findCycle().orElseThrow();
        assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
        assertEquals(Set.of("A", "B", "C"), Set.copyOf(cycle));
        assertEquals(4, cycle.size());
    }

    @Test
    void transitiveClosureFollowsEveryPath() {
        DependencyGraph<String> g = chain();
        Map<String, Set<String>> c = g.closure();
        assertEquals(Set.of("B", "C"), c.get("A"));
        assertEquals(Set.of("C"), c.get("B"));
        assertEquals(Set.of(), c.get("C"));
        assertEquals(Set.of("C"), c.get("D"));
        assertEquals(Set.of("A", "B", "D"), g.dependents("C"));
        assertEquals(Set.of("B", "D"), g.directDependents("C"));
    }

    @Test
    void closureOfADiamondCountsSharedDependenciesOnce() {
        DependencyGraph<String> g = new DependencyGraph<>(List.of("A", "B", "C", "D"),
                List.of(e("A", "B"), e("A", "C"), e("B", "D"), e("C", "D")));
        assertEquals(List.of("B", "C", "D"), new ArrayList<>(g.dependencies("A")));
    }

    @Test
    void neighbourhoodGrowsWithDepthInBothDirections() {
        DependencyGraph<String> g = chain();
        assertEquals(Set.of("A", "B"), g.neighbourhood("A", 1));
        assertEquals(Set.of("A", "B", "C"), g.neighbourhood("A", 2));
        assertEquals(Set.of("A", "B", "C", "D"), g.neighbourhood("A", 3));
        assertEquals(Set.of("B", "C", "D"), g.neighbourhood("C", 1));
    }

    @Test
    void layersPutEveryDependencyRightOfItsDependents() {
        DependencyGraph<String> g = new DependencyGraph<>(List.of("A", "B", "C", "D"),
                List.of(e("A", "B"), e("B", "C"), e("A", "C"), e("D", "C")));
        Map<String, Integer> layers = g.layers();
        assertEquals(0, layers.get("A"));
        assertEquals(1, layers.get("B"));
        assertEquals(2, layers.get("C"));
        assertEquals(0, layers.get("D"));
        for (DependencyGraph.Edge<String> edge : g.edges()) {
            assertTrue(layers.get(edge.from()) < layers.get(edge.to()), edge.toString());
        }
    }
}
