package dev.specboard.repo;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The file browser's folders of the latest (or a given) manifest version; its file pages, which show
 * review threads, are review's {@code FilePageResource}.
 */
@Path("/projects/{slug}/repos/{name}")
@Produces(MediaType.TEXT_HTML)
public class FileBrowserResource {

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance tree(Access access, Repo repo, TreeView view, Integer requestedVersion);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @GET
    @Path("/tree/{path:.*}")
    public Response tree(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                         @QueryParam("v") Integer version) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        return Htmx.page(Templates.tree(access, repo, files.tree(repo, path, version), version));
    }
}
