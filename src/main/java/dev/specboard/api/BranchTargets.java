package dev.specboard.api;

import dev.specboard.design.JourneyService;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A decision branch's {@code targetNode} as the API takes it: where a branch leads is the decision's connection labelled with
 * the branch (as the journey page connects it), so a target given in the branch becomes that connection instead of being dropped.
 */
final class BranchTargets {

    /** What a branch object may say: seed 004's {@code {label, target_node}}, named as this API names it. */
    private static final Set<String> FIELDS = Set.of("label", "targetNode");

    private BranchTargets() {
    }

    /** Names each field of a branch object the API does not take ({@code nodes[1].data.branches[0].goto}), as an unknown field anywhere. */
    static void unknownFields(String at, Object branches, Map<String, Object> unknown) {
        eachBranch(branches, (j, m) -> m.keySet().stream().map(String::valueOf).filter(k -> !FIELDS.contains(k))
                .forEach(k -> unknown.put(at + "branches[" + j + "]." + k, "unknown field")));
    }

    /** A target that is not a text is refused (400 naming it) as any mistyped node data is. */
    static void types(String at, Object branches, Map<String, Object> errors) {
        eachBranch(branches, (j, m) -> {
            if (m.get("targetNode") != null && !(m.get("targetNode") instanceof String)) {
                errors.put(at + "branches[" + j + "].targetNode", "must be a text");
            }
        });
    }

    /**
     * The connections with one more for each decision branch that names its target and has no connection with its label yet;
     * 422 naming {@code nodes[i].data.branches[j].targetNode} for a key that is no node of the journey, or for a target
     * other than where the branch's labelled connection leads.
     */
    static List<JourneyService.ConnectionInput> connections(List<JourneyApi.NodeBody> nodes, List<JourneyService.ConnectionInput> connections) {
        if (nodes == null) {
            return connections;
        }
        Set<String> keys = new java.util.HashSet<>();
        nodes.forEach(n -> keys.add(n.key()));
        List<JourneyService.ConnectionInput> all = new ArrayList<>(connections);
        FormErrors errors = FormErrors.none();
        for (int i = 0; i < nodes.size(); i++) {
            JourneyApi.NodeBody n = nodes.get(i);
            if (n.data() == null || n.nodeType() == null || !n.nodeType().strip().equalsIgnoreCase("decision")) {
                continue;
            }
            String at = "nodes[" + i + "].data.";
            eachBranch(n.data().get("branches"), (j, m) -> {
                if (!(m.get("targetNode") instanceof String target) || target.isBlank()) {
                    return;
                }
                String field = at + "branches[" + j + "].targetNode";
                // The label as the node form keeps it (commas are its separator).
                String label = String.valueOf(m.get("label")).replace(",", " ").strip();
                if (!keys.contains(target.strip())) {
                    errors.add(field, "There is no node " + target.strip() + " in this journey");
                    return;
                }
                if (target.strip().equals(n.key())) {
                    errors.add(field, "A branch cannot lead back to its own decision " + n.key() + ": choose another node");
                    return;
                }
                JourneyService.ConnectionInput given = all.stream()
                        .filter(c -> Objects.equals(c.from(), n.key()) && c.label() != null && c.label().strip().equals(label)).findFirst().orElse(null);
                if (given == null) {
                    all.add(new JourneyService.ConnectionInput(n.key(), target.strip(), null, null, label));
                } else if (!Objects.equals(given.to(), target.strip())) {
                    errors.add(field, "The branch " + label + " leads to " + given.to() + " by its connection, not to " + target.strip());
                }
            });
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        return all;
    }

    private static void eachBranch(Object branches, java.util.function.BiConsumer<Integer, Map<?, ?>> each) {
        if (branches instanceof List<?> list) {
            for (int j = 0; j < list.size(); j++) {
                if (list.get(j) instanceof Map<?, ?> m) {
                    each.accept(j, m);
                }
            }
        }
    }
}
