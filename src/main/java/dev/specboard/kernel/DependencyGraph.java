package dev.specboard.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A directed "depends on" graph without persistence (components, specs): cycle detection (with the cycle itself),
 * transitive closure, neighbourhoods and a layered layout. Node order is the order given, which
 * keeps every answer deterministic.
 */
public final class DependencyGraph<K> {

    private final Map<K, Set<K>> out = new LinkedHashMap<>();
    private final Map<K, Set<K>> in = new LinkedHashMap<>();

    /** An edge: {@code from} depends on {@code to}. */
    public record Edge<K>(K from, K to) {
    }

    public DependencyGraph(Collection<K> nodes, Collection<Edge<K>> edges) {
        nodes.forEach(this::node);
        for (Edge<K> e : edges) {
            node(e.from());
            node(e.to());
            out.get(e.from()).add(e.to());
            in.get(e.to()).add(e.from());
        }
    }

    private void node(K k) {
        out.computeIfAbsent(k, x -> new LinkedHashSet<>());
        in.computeIfAbsent(k, x -> new LinkedHashSet<>());
    }

    public Set<K> nodes() {
        return Collections.unmodifiableSet(out.keySet());
    }

    public List<Edge<K>> edges() {
        List<Edge<K>> all = new ArrayList<>();
        out.forEach((from, tos) -> tos.forEach(to -> all.add(new Edge<>(from, to))));
        return all;
    }

    public Set<K> directDependencies(K node) {
        return Collections.unmodifiableSet(out.getOrDefault(node, Set.of()));
    }

    public Set<K> directDependents(K node) {
        return Collections.unmodifiableSet(in.getOrDefault(node, Set.of()));
    }

    /** Everything {@code node} depends on, directly or not (itself only when it is on a cycle). */
    public Set<K> dependencies(K node) {
        return reach(node, out);
    }

    /** Everything that depends on {@code node}, directly or not. */
    public Set<K> dependents(K node) {
        return reach(node, in);
    }

    private static <K> Set<K> reach(K start, Map<K, Set<K>> adjacency) {
        Set<K> seen = new LinkedHashSet<>();
        Deque<K> todo = new ArrayDeque<>(adjacency.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            K k = todo.poll();
            if (seen.add(k)) {
                todo.addAll(adjacency.getOrDefault(k, Set.of()));
            }
        }
        return seen;
    }

    /** The transitive closure: for each node, everything it depends on. */
    public Map<K, Set<K>> closure() {
        Map<K, Set<K>> c = new LinkedHashMap<>();
        for (K k : out.keySet()) {
            c.put(k, dependencies(k));
        }
        return c;
    }

    /**
     * The cycle that adding "{@code from} depends on {@code to}" would close, as the nodes in order
     * starting and ending with {@code from} (A → B → C → A), or empty when the edge is safe.
     */
    public Optional<List<K>> cycleIfAdded(K from, K to) {
        if (from.equals(to)) {
            return Optional.of(List.of(from, from));
        }
        return path(to, from).map(p -> {
            List<K> cycle = new ArrayList<>();
            cycle.add(from);
            cycle.addAll(p);
            return cycle;
        });
    }

    /** The shortest dependency path from one node to another, both included. */
    public Optional<List<K>> path(K start, K goal) {
        Map<K, K> parent = new HashMap<>();
        Deque<K> todo = new ArrayDeque<>();
        todo.add(start);
        parent.put(start, start);
        while (!todo.isEmpty()) {
            K k = todo.poll();
            if (k.equals(goal)) {
                List<K> p = new ArrayList<>();
                for (K x = goal; ; x = parent.get(x)) {
                    p.add(x);
                    if (x.equals(start)) {
                        break;
                    }
                }
                Collections.reverse(p);
                return Optional.of(p);
            }
            for (K next : out.getOrDefault(k, Set.of())) {
                if (!parent.containsKey(next)) {
                    parent.put(next, k);
                    todo.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Some cycle of the graph (first node repeated at the end), or empty when it is acyclic. */
    public Optional<List<K>> findCycle() {
        Map<K, Integer> state = new HashMap<>();
        for (K root : out.keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            // Iterative depth-first search: state 1 = on the current path, 2 = done.
            Deque<K> stack = new ArrayDeque<>();
            Deque<java.util.Iterator<K>> iters = new ArrayDeque<>();
            stack.push(root);
            iters.push(out.get(root).iterator());
            state.put(root, 1);
            while (!stack.isEmpty()) {
                java.util.Iterator<K> it = iters.peek();
                if (it.hasNext()) {
                    K next = it.next();
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        stack.push(next);
                        iters.push(out.get(next).iterator());
                    } else if (s == 1) {
                        List<K> onPath = new ArrayList<>(stack);
                        Collections.reverse(onPath);
                        List<K> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(next), onPath.size()));
                        cycle.add(next);
                        return Optional.of(cycle);
                    }
                } else {
                    state.put(stack.pop(), 2);
                    iters.pop();
                }
            }
        }
        return Optional.empty();
    }

    /** The nodes within {@code depth} steps of {@code focus}, following edges either way. */
    public Set<K> neighbourhood(K focus, int depth) {
        Set<K> seen = new LinkedHashSet<>();
        if (!out.containsKey(focus)) {
            return seen;
        }
        seen.add(focus);
        List<K> frontier = List.of(focus);
        for (int d = 0; d < depth && !frontier.isEmpty(); d++) {
            List<K> next = new ArrayList<>();
            for (K k : frontier) {
                for (K n : out.get(k)) {
                    if (seen.add(n)) {
                        next.add(n);
                    }
                }
                for (K n : in.get(k)) {
                    if (seen.add(n)) {
                        next.add(n);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** The graph restricted to some nodes (edges between them only), in this graph's order. */
    public DependencyGraph<K> subgraph(Set<K> keep) {
        List<K> nodes = out.keySet().stream().filter(keep::contains).toList();
        List<Edge<K>> edges = edges().stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList();
        return new DependencyGraph<>(nodes, edges);
    }

    /**
     * Longest-path layering: a node sits one layer right of the furthest thing that depends on it,
     * so every edge points to a later layer. Nodes on a cycle (which the service never stores) are
     * placed as if the closing edge were absent.
     */
    public Map<K, Integer> layers() {
        Map<K, Integer> layer = new LinkedHashMap<>();
        Map<K, Integer> remaining = new HashMap<>();
        Deque<K> ready = new ArrayDeque<>();
        for (K k : out.keySet()) {
            remaining.put(k, in.get(k).size());
            if (in.get(k).isEmpty()) {
                ready.add(k);
                layer.put(k, 0);
            }
        }
        Set<K> placed = new LinkedHashSet<>();
        while (placed.size() < out.size()) {
            if (ready.isEmpty()) {
                // A cycle: break it at the first unplaced node.
                K k = out.keySet().stream().filter(x -> !placed.contains(x)).findFirst().orElseThrow();
                layer.putIfAbsent(k, 0);
                ready.add(k);
                remaining.put(k, 0);
            }
            K k = ready.poll();
            if (!placed.add(k)) {
                continue;
            }
            for (K dep : out.get(k)) {
                if (placed.contains(dep)) {
                    continue;
                }
                layer.merge(dep, layer.get(k) + 1, Math::max);
                if (remaining.merge(dep, -1, Integer::sum) == 0) {
                    ready.add(dep);
                }
            }
        }
        return layer;
    }
}
