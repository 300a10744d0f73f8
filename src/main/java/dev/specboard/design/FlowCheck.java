package dev.specboard.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a journey: screens no path reaches from the entry, decisions whose branches are not all connected,
 * screens whose page has no mockup, and dead ends that are not marked as an end.
 */
public final class FlowCheck {

    /** A problem with a node: its kind (unreachable, missing-branch, no-mockup, dead-end) and a sentence. */
    public record Problem(String kind, String nodeKey, String message) {
    }

    /** A node as the check needs it. */
    public record Node(UUID id, String key, String type, FlowModel.Data data, List<FlowModel.Connection> connections, boolean hasMockup,
                       String pageName) {
    }

    /** The most characters of a note's text that name it (its outline heading, its node in the picture). */
    static final int NOTE_LABEL = 40;

    private FlowCheck() {
    }

    public static List<Problem> check(List<Node> nodes) {
        List<Problem> out = new ArrayList<>();
        if (nodes.isEmpty()) {
            return out;
        }
        Map<UUID, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<Node> entries = nodes.stream().filter(n -> n.data().starts()).toList();
        if (entries.isEmpty()) {
            entries = nodes.stream().filter(n -> !n.type().equals("annotation")).limit(1).toList();
        }
        Set<UUID> reached = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(entries);
        entries.forEach(n -> reached.add(n.id()));
        while (!todo.isEmpty()) {
            for (FlowModel.Connection c : todo.poll().connections()) {
                Node next = byId.get(c.targetNodeId());
                if (next != null && reached.add(next.id())) {
                    todo.add(next);
                }
            }
        }
        for (Node n : nodes) {
            String name = label(n);
            if (n.type().equals("screen") && !reached.contains(n.id())) {
                out.add(new Problem("unreachable", n.key(), "The screen " + name + " cannot be reached from the start of the flow."));
            }
            if (n.type().equals("decision")) {
                List<String> labels = n.connections().stream().map(FlowModel.Connection::label).filter(l -> l != null && !l.isBlank()).toList();
                List<String> missing = n.data().branches().stream().map(FlowModel.Branch::label).filter(l -> !labels.contains(l)).toList();
                if (n.data().branches().size() < 2) {
                    out.add(new Problem("missing-branch", n.key(), "The decision " + name + " needs at least two branches (it has "
                            + n.data().branches().size() + ")."));
                } else if (!missing.isEmpty()) {
                    out.add(new Problem("missing-branch", n.key(), "The decision " + name + " has no connection for "
                            + (missing.size() == 1 ? "the branch " : "the branches ") + FeatureLooks.words(missing) + "."));
                }
            }
            if (n.type().equals("screen") && !n.hasMockup()) {
                out.add(new Problem("no-mockup", n.key(), n.pageName() == null ? "The screen " + name + " names no page"
                        + (n.data().pageId() == null ? "." : ": the page it showed was deleted. Choose another page or remove the screen.")
                        : "The screen " + name + " shows the page " + n.pageName() + ", which has no mockup yet."));
            }
            // A connection back to the node itself (refused since, still in older journeys) leads nowhere else.
            if (!n.type().equals("annotation") && n.connections().stream().allMatch(c -> n.id().equals(c.targetNodeId())) && !n.data().ends()) {
                out.add(new Problem("dead-end", n.key(), name + " leads nowhere and is not marked as an end."));
            }
        }
        return out;
    }

    static String label(Node n) {
        FlowModel.Data d = n.data();
        if (d.label() != null && !d.label().isBlank()) {
            return d.label();
        }
        if (n.type().equals("decision") && d.question() != null) {
            return "\u201c" + d.question() + "\u201d";
        }
        if (n.type().equals("screen") && n.pageName() != null) {
            return n.pageName();
        }
        if (n.type().equals("database") && d.entity() != null && !d.entity().isBlank()) {
            return ((d.operation() == null ? "" : d.operation() + " ") + d.entity()).strip();
        }
        if (n.type().equals("annotation") && d.text() != null && !d.text().isBlank()) {
            String t = d.text().strip().replaceAll("\\s+", " ");
            // A note can be long: its first words name it, as a heading and a picture node have room for.
            return t.length() <= NOTE_LABEL ? t : t.substring(0, NOTE_LABEL - 1).strip() + "\u2026";
        }
        return n.key();
    }
}
