package dev.specboard.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSONB shapes of journey nodes (seed 004's flow_nodes): each type's data and the outgoing connections. */
public final class FlowModel {

    private FlowModel() {
    }

    /** A decision's branch: its label and, once connected, the key of the node it leads to. */
    public record Branch(String label, String targetNode, String condition) {
    }

    /**
     * A node's data: a screen names its page (and mockup), a decision its question and branches, a database
     * node its operation and entity, an action or annotation its text; {@code end} marks an intended end, {@code start} the entry.
     */
    public record Data(String label, UUID pageId, UUID mockupId, String question, List<Branch> branches, String operation, String entity,
                       List<String> fields, String text, Boolean end, Boolean start) {
        public Data {
            branches = branches == null ? List.of() : branches;
            fields = fields == null ? List.of() : fields;
        }

        public boolean ends() {
            return Boolean.TRUE.equals(end);
        }

        public boolean starts() {
            return Boolean.TRUE.equals(start);
        }
    }

    /** An outgoing connection: the node it leads to, what triggers it, on which element, and its label. */
    public record Connection(UUID targetNodeId, String trigger, String element, String label) {
    }

    /** The flow's saved canvas: where nodes were dragged to, by key. */
    public record Canvas(Map<String, Position> positions) {
        public Canvas {
            positions = positions == null ? Map.of() : positions;
        }

        /** This canvas with the node at {@code key} placed at {@code p}. */
        public Canvas with(String key, Position p) {
            Map<String, Position> moved = new LinkedHashMap<>(positions);
            moved.put(key, p);
            return new Canvas(moved);
        }

        /** This canvas without a place for the node at {@code key}: the layout engine places it. */
        public Canvas without(String key) {
            Map<String, Position> left = new LinkedHashMap<>(positions);
            left.remove(key);
            return new Canvas(left);
        }
    }

    /**
     * Where a node was put on the canvas, in pixels as given: kept in JSON, a place between pixels (1.5, from a zoomed drag
     * or an agent's layout) costs nothing to keep, and rounding it made a PUT of 1.5 read back as 2.0.
     */
    public record Position(double x, double y) {
        public static final String RANGE = "A position is two numbers between 0 and 100000";

        /** Whether a coordinate lies on the canvas (a number from 0 to 100000). */
        public static boolean onCanvas(double v) {
            return Double.isFinite(v) && v >= 0 && v <= 100000;
        }

        /** The place at {@code x}, {@code y}, exactly; 422 naming each coordinate off the canvas. */
        static Position checked(double x, double y) {
            dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
            if (!onCanvas(x)) {
                errors.add("x", RANGE);
            }
            if (!onCanvas(y)) {
                errors.add("y", RANGE);
            }
            if (errors.any()) {
                throw new dev.specboard.web.ValidationException(errors);
            }
            return new Position(x, y);
        }
    }

    public static Data data(String json) {
        return DesignJson.read(json, Data.class, new Data(null, null, null, null, null, null, null, null, null, null, null));
    }

    public static List<Connection> connections(String json) {
        return new ArrayList<>(List.of(DesignJson.read(json, Connection[].class, new Connection[0])));
    }

    public static Canvas canvas(String json) {
        return DesignJson.read(json, Canvas.class, new Canvas(Map.of()));
    }
}
