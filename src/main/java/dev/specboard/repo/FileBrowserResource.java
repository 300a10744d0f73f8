package dev.specboard.repo;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.Htmx;
import dev.specboard.web.ReadyHtml;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The file browser's folders of the latest (or a given) manifest version; its file pages, which show
 * review threads, are review's {@code FilePageResource}.
 */
@Path("/projects/{slug}/repos/{name}")
@Produces(MediaType.TEXT_HTML)
public class FileBrowserResource {

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance tree(Access access, Repo repo, TreeView view, Integer requestedVersion, ReadyHtml listing);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @Inject
    TreeListings listings;

    @GET
    @Path("/tree/{path:.*}")
    public Response tree(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                         @QueryParam("v") Integer version, RoutingContext request) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        TreeView view = files.tree(repo, path, version);
        ReadyHtml listing = listings.of(view, "/projects/" + access.project().slug + "/repos/" + repo.name, version == null ? "" : "?v=" + version);
        return Htmx.readyPage(Templates.tree(access, repo, view, version, listing), List.of(listing), request);
    }

    /** A file's bytes exactly as committed, as a download: a binary file has no other way out of the browser. */
    @GET
    @Path("/raw/{path:.+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response raw(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                        @QueryParam("v") Integer version, @Context Request request) {
        Access access = projectAccess.read(slug);
        return files.raw(repos.require(access, name), path, version).response(request);
    }
}
