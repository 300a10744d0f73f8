package dev.specboard.architecture;

import dev.specboard.kernel.DependencyGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Every component of a project with its dependency graph, loaded in two queries. */
public record ComponentSet(List<ComponentRow> rows, DependencyGraph<UUID> graph) {

    public Map<UUID, ComponentRow> byId() {
        Map<UUID, ComponentRow> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.id(), r));
        return m;
    }

    public List<ComponentRef> refs(Set<UUID> ids) {
        return rows.stream().filter(r -> ids.contains(r.id())).map(ComponentRow::ref).toList();
    }

    public List<ComponentRef> refs(List<UUID> ids) {
        Map<UUID, ComponentRow> m = byId();
        return ids.stream().map(m::get).filter(java.util.Objects::nonNull).map(ComponentRow::ref).toList();
    }
}
