package dev.specboard.architecture;

import dev.specboard.project.Access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The graph page: the picture of the whole project or of one component's neighbourhood, with its text list. */
public record GraphView(Access access, List<ComponentRow> all, List<ComponentRow> shown, ComponentRow focus, int depth, String svg,
                        List<GraphSvg.LegendEntry> legend, int edgeCount, Map<UUID, String> namesById) {

    /** This view's own address, which the picture reloads from when the graph changes. */
    public String url() {
        return "/projects/" + access.slug() + "/graph" + (focus == null ? "" : "?focus=" + focus.id() + "&depth=" + depth);
    }

    public List<Integer> depths() {
        return List.of(1, 2, 3);
    }

    public List<String> names(List<UUID> ids) {
        return ids.stream().map(namesById::get).filter(Objects::nonNull).toList();
    }
}
