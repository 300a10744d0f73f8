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

    /** At most {@link JourneyFlow#MAX_NODES} nodes and {@link JourneyFlow#MAX_CONNECTIONS} connections, refused before any node is looked at. */
    static void requireSizes(List<JourneyApi.NodeBody> nodes, List<JourneyApi.ConnectionBody> connections) {
        dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
        JourneyFlow.sizeProblems(nodes == null ? 0 : nodes.size(), connections == null ? 0 : connections.size()).forEach(errors::add);
        if (errors.any()) {
            throw new dev.specboard.web.ValidationException(errors);
        }
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
