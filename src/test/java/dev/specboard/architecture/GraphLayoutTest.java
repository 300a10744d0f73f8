package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphLayoutTest {

    /** A random acyclic graph: edges only go from a lower to a higher index. */
    static DependencyGraph<Integer> generated(int n, int edges, long seed) {
        Random r = new Random(seed);
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(i);
        }
        List<DependencyGraph.Edge<Integer>> es = new ArrayList<>();
        for (int k = 0; k < edges; k++) {
            int a = r.nextInt(n - 1);
            int b = a + 1 + r.nextInt(Math.min(12, n - a - 1));
            es.add(new DependencyGraph.Edge<>(a, b));
        }
        return new DependencyGraph<>(nodes, es);
    }

    @Test
    void a150NodeGraphHasNoOverlappingNodes() {
        DependencyGraph<Integer> g = generated(150, 260, 42);
        GraphLayout<Integer> layout = GraphLayout.of(g);
        Map<Integer, GraphLayout.Box> boxes = layout.boxes();
        assertEquals(150, boxes.size());
        List<GraphLayout.Box> all = new ArrayList<>(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            GraphLayout.Box a = all.get(i);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= layout.width() && a.y() + a.height() <= layout.height(), "inside the picture: " + a);
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(a.overlaps(all.get(j)), a + " overlaps " + all.get(j));
            }
        }
    }

    @Test
    void a150NodeGraphStaysWithinAReadableSize() {
        GraphLayout<Integer> layout = GraphLayout.of(generated(150, 260, 7));
        int rows = (layout.height() - 2 * GraphLayout.MARGIN + GraphLayout.ROW_GAP) / (GraphLayout.NODE_HEIGHT + GraphLayout.ROW_GAP);
        assertTrue(rows <= GraphLayout.DEFAULT_MAX_ROWS, "at most " + GraphLayout.DEFAULT_MAX_ROWS + " rows, got " + rows);
    }

    @Test
    void wideLayerWithoutEdgesWrapsIntoColumnsWithoutOverlap() {
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            nodes.add(i);
        }
        GraphLayout<Integer> layout = GraphLayout.of(new DependencyGraph<>(nodes, List.of()), 20);
        assertEquals(8 * (GraphLayout.NODE_WIDTH + GraphLayout.COLUMN_GAP) - GraphLayout.COLUMN_GAP + 2 * GraphLayout.MARGIN, layout.width());
        long distinct = layout.boxes().values().stream().map(b -> b.x() + "," + b.y()).distinct().count();
        assertEquals(150, distinct);
    }

    @Test
    void everyEdgePointsRightwards() {
        DependencyGraph<Integer> g = generated(150, 260, 3);
        GraphLayout<Integer> layout = GraphLayout.of(g);
        for (DependencyGraph.Edge<Integer> e : g.edges()) {
            assertTrue(layout.boxes().get(e.from()).right() < layout.boxes().get(e.to()).x(), e.toString());
        }
    }

    @Test
    void barycentreOrderingUncrossesASimpleCase() {
        // A → D and B → C: ordering C before D in the second layer would cross; the layout must not.
        DependencyGraph<String> g = new DependencyGraph<>(List.of("A", "B", "C", "D"),
                List.of(new DependencyGraph.Edge<>("A", "D"), new DependencyGraph.Edge<>("B", "C")));
        GraphLayout<String> layout = GraphLayout.of(g);
        assertTrue(layout.boxes().get("D").y() < layout.boxes().get("C").y());
    }
}
