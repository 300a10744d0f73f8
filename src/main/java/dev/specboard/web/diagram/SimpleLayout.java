package dev.specboard.web.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a graph too large for the Eclipse Layout Kernel's layered algorithm within the budget: the nodes in layers
 * (longest path from the sources, cycles broken where a depth-first walk finds them), read in columns from the left, and
 * straight edges; linear in nodes and edges. A layered layout grows with the dummy nodes it inserts for every layer an edge
 * crosses: 500 nodes with 2,000 random edges make ~170,000 of them, and ELK took 40 s (with its cheapest strategies still
 * 34 s and 74,000 bend points) and most of the 160 MB heap, where this takes milliseconds.
 */
final class SimpleLayout {

    /**
     * Above this much work (nodes, edges and the dummy nodes of long edges) a diagram gets this layout. Measured with ELK 0.10 on
     * two cores: a component-like graph of 150 nodes and 260 short edges (~1,260) lays out in about a second; 60 nodes with 150
     * random edges (~1,190) in 2–3 s; 100 nodes with 200 random edges (~1,720) in 4–9 s.
     */
    static final long BUDGET = 1500;

    private SimpleLayout() {
    }

    /** The work a layered layout of the diagram does: nodes, drawn edges and the dummy nodes its long edges need. */
    static long cost(Diagram d) {
        Graph g = Graph.of(d);
        long dummies = 0;
        for (int[] e : g.edges) {
            dummies += Math.max(0, Math.abs(g.layers[e[1]] - g.layers[e[0]]) - 1);
        }
        return d.nodes.size() + g.edges.size() + dummies;
    }

    /** The nodes in columns by layer, about as many rows as columns; a node placed by hand keeps its place. */
    static DiagramLayout.Result layout(Diagram d) {
        Graph g = Graph.of(d);
        int n = d.nodes.size();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> g.layers[a] != g.layers[b] ? Integer.compare(g.layers[a], g.layers[b]) : Integer.compare(a, b));
        double cellW = 0;
        double cellH = 0;
        for (Diagram.Node node : d.nodes) {
            cellW = Math.max(cellW, node.width);
            cellH = Math.max(cellH, node.height);
        }
        int rows = (int) Math.max(1, Math.ceil(Math.sqrt(n)));
        Map<String, Diagram.Box> boxes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Diagram.Node node = d.nodes.get(order[i]);
            double x = DiagramLayout.MARGIN + (i / rows) * (cellW + d.layerSpacing) + (cellW - node.width) / 2;
            double y = DiagramLayout.MARGIN + (i % rows) * (cellH + d.nodeSpacing) + (cellH - node.height) / 2;
            boxes.put(node.key, node.fixed != null ? new Diagram.Box(node.fixed.x(), node.fixed.y(), node.width, node.height)
                    : new Diagram.Box(x, y, node.width, node.height));
        }
        List<List<double[]>> routes = new ArrayList<>(d.edges.size());
        for (Diagram.Edge e : d.edges) {
            Diagram.Box from = boxes.get(e.from());
            Diagram.Box to = boxes.get(e.to());
            routes.add(from == null || to == null ? null
                    : List.of(DiagramLayout.border(from, to.cx(), to.cy()), DiagramLayout.border(to, from.cx(), from.cy())));
        }
        return new DiagramLayout.Result(Map.copyOf(boxes), Collections.unmodifiableList(routes), true);
    }

    /** The diagram's nodes by index, its edges between nodes it has (no loops), and each node's layer. */
    private record Graph(List<int[]> edges, int[] layers) {

        static Graph of(Diagram d) {
            int n = d.nodes.size();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(d.nodes.get(i).key, i);
            }
            List<int[]> edges = new ArrayList<>();
            List<List<Integer>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
            for (Diagram.Edge e : d.edges) {
                Integer from = index.get(e.from());
                Integer to = index.get(e.to());
                if (from != null && to != null && !from.equals(to)) {
                    edges.add(new int[] {from, to});
                    out.get(from).add(to);
                }
            }
            int[] rank = reversePostorder(out);
            int[] byRank = new int[n];
            for (int v = 0; v < n; v++) {
                byRank[rank[v]] = v;
            }
            // Longest path over the edges that go forward in the order; the others close a cycle and are drawn backwards.
            int[] layers = new int[n];
            for (int v : byRank) {
                for (int t : out.get(v)) {
                    if (rank[t] > rank[v]) {
                        layers[t] = Math.max(layers[t], layers[v] + 1);
                    }
                }
            }
            return new Graph(edges, layers);
        }

        /** Each node's place in the reverse postorder of an iterative depth-first walk (no recursion: a long chain needs no deep stack). */
        private static int[] reversePostorder(List<List<Integer>> out) {
            int n = out.size();
            boolean[] seen = new boolean[n];
            int[] next = new int[n];
            int[] rank = new int[n];
            int done = n;
            Deque<Integer> stack = new ArrayDeque<>();
            for (int s = 0; s < n; s++) {
                if (seen[s]) {
                    continue;
                }
                seen[s] = true;
                stack.push(s);
                while (!stack.isEmpty()) {
                    int v = stack.peek();
                    if (next[v] < out.get(v).size()) {
                        int t = out.get(v).get(next[v]++);
                        if (!seen[t]) {
                            seen[t] = true;
                            stack.push(t);
                        }
                    } else {
                        stack.pop();
                        rank[v] = --done;
                    }
                }
            }
            return rank;
        }
    }
}
