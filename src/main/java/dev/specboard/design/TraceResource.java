package dev.specboard.design;

import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * A page's thread to code (features, stories, specs, tasks): its own page, and the fragment the page screen
 * loads into its "From design to code" section.
 */
@Path("/projects/{slug}/pages/{id}/trace")
@Produces(MediaType.TEXT_HTML)
public class TraceResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance trace(TraceView view);

        static native TemplateInstance trace$thread(TraceView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TraceService traces;

    @GET
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        UUID pageId = Ids.parseOr404(id, "No such page in this project");
        TraceView view = traces.forPage(access, pageId);
        return Htmx.pageOrFragment(headers, () -> Templates.trace(view), () -> Templates.trace$thread(view));
    }
}
