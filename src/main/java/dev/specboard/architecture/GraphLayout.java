package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Positions for a layered drawing of a {@link DependencyGraph}: longest-path layers as columns
 * (dependents left, dependencies right), barycentre ordering inside each layer to reduce crossings,
 * and layers taller than {@code maxRows} wrapped into several columns so big graphs stay readable.
 */
public final class GraphLayout<K> {

    public static final int NODE_WIDTH = 200;
    public static final int NODE_HEIGHT = 46;
    public static final int COLUMN_GAP = 70;
    public static final int ROW_GAP = 14;
    public static final int MARGIN = 16;
    public static final int DEFAULT_MAX_ROWS = 20;
    private static final int SWEEPS = 4;

    /** A node's rectangle. */
    public record Box(int x, int y, int width, int height) {
        public boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        public int centerY() {
            return y + height / 2;
        }

        public int right() {
            return x + width;
        }
    }

    private final Map<K, Box> boxes;
    private final int width;
    private final int height;

    private GraphLayout(Map<K, Box> boxes, int width, int height) {
        this.boxes = boxes;
        this.width = width;
        this.height = height;
    }

    public Map<K, Box> boxes() {
        return boxes;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public static <K> GraphLayout<K> of(DependencyGraph<K> graph) {
        return of(graph, DEFAULT_MAX_ROWS);
    }

    public static <K> GraphLayout<K> of(DependencyGraph<K> graph, int maxRows) {
        Map<K, Integer> layerOf = graph.layers();
        TreeMap<Integer, List<K>> layers = new TreeMap<>();
        for (K k : graph.nodes()) {
            layers.computeIfAbsent(layerOf.get(k), x -> new ArrayList<>()).add(k);
        }
        List<List<K>> ordered = new ArrayList<>(layers.values());
        order(graph, ordered);

        Map<K, Box> boxes = new LinkedHashMap<>();
        int column = 0;
        int tallest = 1;
        List<List<K>> columns = new ArrayList<>();
        for (List<K> layer : ordered) {
            for (int start = 0; start < layer.size(); start += maxRows) {
                List<K> col = layer.subList(start, Math.min(layer.size(), start + maxRows));
                columns.add(col);
                tallest = Math.max(tallest, col.size());
            }
        }
        int rowStep = NODE_HEIGHT + ROW_GAP;
        for (List<K> col : columns) {
            int x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
            // Shorter columns are centred against the tallest one.
            int offset = (tallest - col.size()) * rowStep / 2;
            for (int row = 0; row < col.size(); row++) {
                boxes.put(col.get(row), new Box(x, MARGIN + offset + row * rowStep, NODE_WIDTH, NODE_HEIGHT));
            }
            column++;
        }
        int w = MARGIN * 2 + Math.max(1, columns.size()) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
        int h = MARGIN * 2 + tallest * rowStep - ROW_GAP;
        return new GraphLayout<>(boxes, w, h);
    }

    /** Barycentre heuristic: sort each layer by the mean relative position of its neighbours, sweeping both ways. */
    private static <K> void order(DependencyGraph<K> graph, List<List<K>> layers) {
        Map<K, Double> pos = new HashMap<>();
        layers.forEach(l -> place(l, pos));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int i = 1; i < layers.size(); i++) {
                sort(layers.get(i), pos, graph::directDependents);
                place(layers.get(i), pos);
            }
            for (int i = layers.size() - 2; i >= 0; i--) {
                sort(layers.get(i), pos, graph::directDependencies);
                place(layers.get(i), pos);
            }
        }
    }

    private static <K> void sort(List<K> layer, Map<K, Double> pos, java.util.function.Function<K, Set<K>> neighbours) {
        Map<K, Double> key = new HashMap<>();
        for (K k : layer) {
            Set<K> ns = neighbours.apply(k);
            key.put(k, ns.isEmpty() ? pos.get(k) : ns.stream().mapToDouble(pos::get).average().orElse(pos.get(k)));
        }
        // A stable sort keeps the previous order for ties, so the result is deterministic.
        layer.sort(Comparator.comparingDouble(key::get));
    }

    private static <K> void place(List<K> layer, Map<K, Double> pos) {
        for (int i = 0; i < layer.size(); i++) {
            pos.put(layer.get(i), (i + 0.5) / layer.size());
        }
    }
}
