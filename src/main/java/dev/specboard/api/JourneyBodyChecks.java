package dev.specboard.api;

import dev.specboard.design.JourneyFlow;

import java.util.List;
import java.util.Map;

/** The checks of a journey body that come before any node is worked on: how many nodes and connections, and the nodes' field names. */
final class JourneyBodyChecks {

    private JourneyBodyChecks() {
    }

    /** The API's name of each node field as the journey form names it, collected once for all nodes (see ValidationException#renamed(Map)). */
    static Map<String, String> apiNames(List<JourneyApi.NodeBody> nodes) {
        Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            Map<String, Object> d = nodes.get(i).data() == null ? Map.of() : nodes.get(i).data();
            String page = java.util.stream.Stream.of("page", "pagePath", "pageId", "page_id").filter(d::containsKey).findFirst().orElse("pagePath");
            for (String field : NODE_FIELDS) {
                names.put("nodes[" + i + "]." + field, "nodes[" + i + "].data." + (field.equals("page") ? page : field));
            }
        }
        return names;
    }

    private static final List<String> NODE_FIELDS = List.of("label", "page", "newPage", "question", "branches", "operation", "entity", "text");

    /**
     * At most {@link JourneyFlow#MAX_NODES} nodes and {@link JourneyFlow#MAX_CONNECTIONS} connections (in the journey's own
     * words, as its form tells them), refused before any node is looked at; then no null among them, a mistake in the
     * request (422 naming it), not a server error.
     */
    static void requireLists(List<JourneyApi.NodeBody> nodes, List<JourneyApi.ConnectionBody> connections) {
        dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
        JourneyFlow.sizeProblems(nodes == null ? 0 : nodes.size(), connections == null ? 0 : connections.size()).forEach(errors::add);
        if (errors.any()) {
            throw new dev.specboard.web.ValidationException(errors);
        }
        BodyLists.check().list("nodes", nodes, JourneyFlow.MAX_NODES, "A node is an object with a key, a nodeType and data, not null")
                .list("connections", connections, JourneyFlow.MAX_CONNECTIONS, "A connection is an object with from and to, not null").refuse();
    }

    /**
     * A new journey's nodes and connections are required (DESIGN.md), an empty list being a journey still to draw:
     * {@code "nodes": null} made an empty journey as if meant.
     */
    static void requireGiven(List<JourneyApi.NodeBody> nodes, List<JourneyApi.ConnectionBody> connections) {
        dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
        if (nodes == null) {
            errors.add("nodes", "nodes is required: a list of nodes, empty for a journey still to draw");
        }
        if (connections == null) {
            errors.add("connections", "connections is required: a list of connections, empty when there are none");
        }
        if (errors.any()) {
            throw new dev.specboard.web.ValidationException(errors);
        }
    }
}
