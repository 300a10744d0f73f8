package dev.specboard.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a whole-journey update compares: its nodes and connections as given against the journey's. */
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

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
