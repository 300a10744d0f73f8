package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The dependency picture: the whole project, or {@code ?focus=<component id>&depth=1..3} for one component's neighbourhood. */
@Path("/projects/{slug}/graph")
@Produces(MediaType.TEXT_HTML)
public class GraphResource {

    @CheckedTemplate(basePath = "architecture")
    static class Templates {
        static native TemplateInstance graph(GraphView page);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ComponentService components;

    @GET
    public Response show(@PathParam("slug") String slug, @QueryParam("focus") String focus, @QueryParam("depth") Integer depth) {
        Access access = projectAccess.read(slug);
        ComponentSet set = components.all(access.project());
        ComponentRow centre = null;
        if (focus != null && !focus.isBlank()) {
            centre = set.byId().get(ComponentViews.uuid(focus));
            if (centre == null) {
                throw dev.specboard.web.ApiException.notFound("No such component in this project");
            }
        }
        int d = depthOf(depth, centre == null ? 3 : 1);
        List<ComponentRow> shown = centre == null ? set.rows() : GraphSvg.neighbourhood(set, centre.id(), d);
        Set<UUID> ids = shown.stream().map(ComponentRow::id).collect(Collectors.toSet());
        int edges = (int) shown.stream().flatMap(r -> r.dependsOn().stream()).filter(ids::contains).count();
        Map<UUID, GraphSvg.Colour> palette = GraphSvg.palette(set.rows());
        String title = centre == null
                ? "Dependency graph of " + access.project().name + ": " + shown.size() + " components, " + edges + " dependencies"
                : "Components within " + d + (d == 1 ? " step" : " steps") + " of " + centre.name() + ": " + shown.size() + " components";
        String svg = GraphSvg.render(access.slug(), shown, palette, centre == null ? null : centre.id(), title, "graph-svg", "graph-list");
        Map<UUID, String> names = new HashMap<>();
        set.rows().forEach(r -> names.put(r.id(), r.name()));
        return dev.specboard.web.Htmx.page(Templates.graph(new GraphView(access, set.rows(), shown, centre, d, svg,
                GraphSvg.legend(shown, palette), edges, names)));
    }

    /** The depth asked for, kept between 1 and 3; a depth that is no whole number was refused with 400 before this. */
    static int depthOf(Integer depth, int fallback) {
        return depth == null ? fallback : Math.max(1, Math.min(3, depth));
    }
}
