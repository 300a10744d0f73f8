package dev.specboard.project;

import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** A project's overview page. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ProjectResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance overview(Access access, Project project, List<String> missing, String summaryHtml,
                                                List<ProjectRepositories.RepoRef> repos, boolean setupToContinue);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    Markdown markdown;

    @Inject
    ProjectRepositories repositories;

    @GET
    public Response overview(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        Project p = access.project();
        List<ProjectRepositories.RepoRef> repos = repositories.list(p.id);
        return Htmx.page(Templates.overview(access, p, p.missingSetup(!repos.isEmpty()), markdown.render(p.executiveSummary), repos,
                p.setupToContinue(!repos.isEmpty())));
    }
}
