package dev.specboard.architecture;

import java.util.List;
import java.util.UUID;

/** A component with its context, design doc state and direct dependencies, as lists, the graph and the API show it. */
public record ComponentRow(UUID id, String name, String type, String filePath, String description, UUID contextId, String contextName,
                           Flag docs, Flag code, Flag tests, boolean dirty, int version, Integer docVersion, boolean docApproved,
                           List<UUID> dependsOn) {

    public boolean complete() {
        return docs.done() && code.done() && tests.done();
    }

    public String contextLabel() {
        return contextName == null ? "No context" : contextName;
    }

    public List<String> types() {
        return Component.TYPES;
    }

    public ComponentRef ref() {
        return new ComponentRef(id, name);
    }
}
