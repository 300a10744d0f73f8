package dev.specboard.design;

import dev.specboard.web.FormErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What a whole-journey update compares: its nodes and connections as given against the journey's, and connections given twice. */
final class JourneyGraph {

    private JourneyGraph() {
    }

    /** A connection as stored: from and to by node key, its trigger, element and label stripped, a blank one none. */
    record Link(String from, String to, String trigger, String element, String label) {
        static Link of(String from, String to, String trigger, String element, String label) {
            return new Link(from, to, text(trigger), text(element), text(label));
        }
    }

    /**
     * Whether the nodes and connections {@code given} (checked, on new nodes, keyed) say what the journey's {@code existing}
     * ones say: the same keys with the same data and locks, and the same connections from each node in the same order.
     * Such an update (a client sending back what it read) is no change: nothing is written and the version stays.
     */
    static boolean unchanged(Map<String, FlowNode> existing, Map<String, FlowNode> given, Map<String, Boolean> locks,
                             List<JourneyService.ConnectionInput> connections) {
        if (!existing.keySet().equals(given.keySet())) {
            return false;
        }
        for (FlowNode old : existing.values()) {
            if (!old.sameAs(given.get(old.nodeKey)) || locks.getOrDefault(old.nodeKey, old.locked) != old.locked) {
                return false;
            }
        }
        Map<UUID, String> keys = new LinkedHashMap<>();
        existing.values().forEach(n -> keys.put(n.id, n.nodeKey));
        Map<String, List<Link>> now = new LinkedHashMap<>();
        for (FlowNode n : existing.values()) {
            for (FlowModel.Connection c : FlowModel.connections(n.connections)) {
                now.computeIfAbsent(n.nodeKey, k -> new ArrayList<>()).add(Link.of(n.nodeKey, keys.get(c.targetNodeId()), c.trigger(), c.element(),
                        c.label()));
            }
        }
        Map<String, List<Link>> asked = new LinkedHashMap<>();
        for (JourneyService.ConnectionInput c : connections) {
            asked.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(Link.of(c.from(), c.to(), c.trigger(), c.element(), c.label()));
        }
        return now.equals(asked);
    }

    /**
     * Names in {@code errors} each connection that repeats one before it (same nodes, trigger, element and label): drawn
     * twice, it would be one arrow over another, and its branch would count twice in the flow check.
     */
    static void refuseRepeats(List<JourneyService.ConnectionInput> connections, FormErrors errors) {
        Map<Link, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < connections.size(); i++) {
            JourneyService.ConnectionInput c = connections.get(i);
            Integer first = seen.putIfAbsent(Link.of(c.from(), c.to(), c.trigger(), c.element(), c.label()), i);
            if (first != null) {
                errors.add("connections[" + i + "]", "The same connection as connections[" + first + "] (" + c.from() + " to " + c.to() + ")");
            }
        }
    }

    /** Whether the node already has a connection to the same node with the same trigger, element and label. */
    static boolean repeats(FlowNode from, FlowNode to, String trigger, String element, String label) {
        Link wanted = Link.of(from.nodeKey, to.nodeKey, trigger, element, label);
        return FlowModel.connections(from.connections).stream().anyMatch(c -> Objects.equals(c.targetNodeId(), to.id)
                && wanted.equals(Link.of(from.nodeKey, to.nodeKey, c.trigger(), c.element(), c.label())));
    }

    /**
     * Why a connection from the node {@code key} to itself is refused: it drew an arrow back into the node and hid that the
     * node leads nowhere from the flow check; a step tried again is a decision with a branch back to an earlier node.
     */
    static String selfLoop(String key) {
        return "A node cannot lead to itself: choose another node for " + key + " to lead to";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
