package dev.specboard.web.diagram;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs the Eclipse Layout Kernel's layered algorithm (left to right) over a {@link Diagram}: node boxes and edge routes;
 * a node placed by hand keeps its place, and its edges become straight lines between the borders. A graph above the
 * {@link SimpleLayout#BUDGET} gets the {@link SimpleLayout} instead, in linear time.
 */
final class DiagramLayout {

    /** Space around the drawing. */
    static final double MARGIN = 20;

    static {
        // Registers ELK's option types (padding, margins...) with its cloning utility, and the layered algorithm's options.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Boxes by node key; routes by edge index (null for an edge whose ends are missing); {@code simple} when {@link SimpleLayout} placed them. */
    record Result(Map<String, Diagram.Box> boxes, List<List<double[]>> routes, boolean simple) {
    }

    private DiagramLayout() {
    }

    static double labelWidth(String label) {
        return 7.0 * label.length() + 8;
    }

    /** Layouts by their input (see {@link #inputOf}): a graph page lays out a large graph once, not on every request. */
    private static final int CACHED = 64;
    private static final Map<String, CompletableFuture<Result>> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Result>> eldest) {
            return size() > CACHED;
        }
    };

    /** Layouts computed so far (a test reads that one input is computed once, however many ask for it at once). */
    static final AtomicLong COMPUTED = new AtomicLong();

    /** Where a computation waits for its turn ({@link #turns}); none until the application gives its pool. */
    private static volatile Supplier<Diagram.Turn> turns = () -> () -> { };

    /** The turns that layouts take, so that only a few of them hold the heap at once. */
    static void turns(Supplier<Diagram.Turn> taker) {
        turns = taker;
    }

    /**
     * The layout of the diagram, computed once per distinct input (the boxes and routes depend on nothing else): requests for a
     * graph being laid out wait for that computation instead of starting their own, and a computation takes a turn first.
     */
    static Result layout(Diagram d) {
        String input = inputOf(d);
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> known;
        synchronized (CACHE) {
            known = CACHE.putIfAbsent(input, mine);
        }
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try (Diagram.Turn ignored = turns.get()) {
            Result laid = compute(d);
            mine.complete(laid);
            return laid;
        } catch (RuntimeException | Error e) {
            // Busy or failed: those waiting hear the same, and the next request tries again.
            synchronized (CACHE) {
                CACHE.remove(input, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Everything the layout reads, in one string: spacing, each node's key, size and fixed place, each edge's ends and label. */
    static String inputOf(Diagram d) {
        StringBuilder s = new StringBuilder(64 + 48 * (d.nodes.size() + d.edges.size()));
        s.append(d.nodeSpacing).append(' ').append(d.layerSpacing).append(' ').append(d.maxLayerSize);
        for (Diagram.Node n : d.nodes) {
            s.append('\0').append(n.key.length()).append(':').append(n.key).append(' ').append(n.width).append(' ').append(n.height);
            if (n.fixed != null) {
                s.append(" @").append(n.fixed.x()).append(',').append(n.fixed.y());
            }
        }
        for (Diagram.Edge e : d.edges) {
            for (String part : new String[] {String.valueOf(e.from()), String.valueOf(e.to()), e.label() == null ? "" : e.label()}) {
                s.append('\1').append(part.length()).append(':').append(part);
            }
        }
        return s.toString();
    }

    private static Result compute(Diagram d) {
        COMPUTED.incrementAndGet();
        return SimpleLayout.cost(d) > SimpleLayout.BUDGET ? SimpleLayout.layout(d) : layered(d);
    }

    private static Result layered(Diagram d) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, d.nodeSpacing);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, d.layerSpacing);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        if (d.maxLayerSize > 0) {
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.COFFMAN_GRAHAM);
            root.setProperty(LayeredOptions.LAYERING_COFFMAN_GRAHAM_LAYER_BOUND, d.maxLayerSize);
        }
        Map<String, ElkNode> elk = new LinkedHashMap<>();
        for (Diagram.Node n : d.nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setDimensions(n.width, n.height);
            e.setIdentifier(n.key);
            elk.put(n.key, e);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Diagram.Edge edge : d.edges) {
            ElkNode from = elk.get(edge.from());
            ElkNode to = elk.get(edge.to());
            if (from == null || to == null) {
                edges.add(null);
                continue;
            }
            ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
            if (edge.label() != null && !edge.label().isBlank()) {
                ElkLabel l = ElkGraphUtil.createLabel(edge.label(), e);
                l.setDimensions(labelWidth(edge.label()), 16);
                l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.add(e);
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        Map<String, Diagram.Box> boxes = new HashMap<>();
        for (Diagram.Node n : d.nodes) {
            ElkNode e = elk.get(n.key);
            boxes.put(n.key, n.fixed != null ? new Diagram.Box(n.fixed.x(), n.fixed.y(), e.getWidth(), e.getHeight())
                    : new Diagram.Box(e.getX() + MARGIN, e.getY() + MARGIN, e.getWidth(), e.getHeight()));
        }
        Map<String, Diagram.Node> byKey = new HashMap<>();
        d.nodes.forEach(n -> byKey.put(n.key, n));
        List<List<double[]>> routes = new ArrayList<>();
        for (int i = 0; i < d.edges.size(); i++) {
            ElkEdge e = edges.get(i);
            Diagram.Edge edge = d.edges.get(i);
            if (e == null) {
                routes.add(null);
                continue;
            }
            boolean moved = byKey.get(edge.from()).fixed != null || byKey.get(edge.to()).fixed != null;
            routes.add(route(e, boxes.get(edge.from()), boxes.get(edge.to()), moved));
        }
        return new Result(Map.copyOf(boxes), Collections.unmodifiableList(routes), false);
    }

    /** ELK's route (start, bends, end), or a straight line between the borders when a node was moved by hand. */
    private static List<double[]> route(ElkEdge e, Diagram.Box from, Diagram.Box to, boolean moved) {
        List<double[]> points = new ArrayList<>();
        if (!moved && !e.getSections().isEmpty()) {
            ElkEdgeSection s = e.getSections().get(0);
            points.add(new double[] {s.getStartX() + MARGIN, s.getStartY() + MARGIN});
            for (ElkBendPoint p : s.getBendPoints()) {
                points.add(new double[] {p.getX() + MARGIN, p.getY() + MARGIN});
            }
            points.add(new double[] {s.getEndX() + MARGIN, s.getEndY() + MARGIN});
            return points;
        }
        points.add(border(from, to.cx(), to.cy()));
        points.add(border(to, from.cx(), from.cy()));
        return points;
    }

    /** Where the line from a box's centre towards a point leaves the box. */
    static double[] border(Diagram.Box b, double px, double py) {
        double dx = px - b.cx();
        double dy = py - b.cy();
        if (dx == 0 && dy == 0) {
            return new double[] {b.cx(), b.cy()};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (b.w() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (b.h() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {b.cx() + dx * s, b.cy() + dy * s};
    }
}
