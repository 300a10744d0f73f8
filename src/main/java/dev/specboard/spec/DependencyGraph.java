package dev.specboard.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "depends on" graph between specs, by key: finds the cycle a new edge would close and tells
 * which dependencies still hold a spec's tasks back.
 */
public final class DependencyGraph {

    private final Map<String, Set<String>> edges = new HashMap<>();

    /** Builds the graph from pairs {@code [spec, dependsOn]}. */
    public static DependencyGraph of(Collection<String[]> pairs) {
        DependencyGraph g = new DependencyGraph();
        for (String[] p : pairs) {
            g.edges.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[1]);
        }
        return g;
    }

    /**
     * The cycle that adding "{@code from} depends on {@code to}" would close, as the keys along it
     * starting and ending with {@code from}; empty when the edge is safe.
     */
    public Optional<List<String>> cycleIfAdded(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(List.of(from, from));
        }
        // A path to → ... → from plus the new edge from → to is a cycle.
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(to);
        seen.add(to);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(from)) {
                List<String> path = new ArrayList<>();
                for (String n = from; n != null; n = parent.get(n)) {
                    path.add(0, n);
                }
                // path is to → ... → from; the cycle reads from → to → ... → from.
                List<String> cycle = new ArrayList<>();
                cycle.add(from);
                cycle.addAll(path);
                return Optional.of(cycle);
            }
            for (String next : edges.getOrDefault(node, Set.of())) {
                if (seen.add(next)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** The dependency gate: the keys among a spec's dependencies that are not complete yet. */
    public static List<String> blockers(Map<String, String> dependencyStatuses) {
        return dependencyStatuses.entrySet().stream()
                .filter(e -> !TechnicalSpec.STATUS_COMPLETE.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
