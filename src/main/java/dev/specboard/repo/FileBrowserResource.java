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
 * The file browser's folders of the latest (or a given) manifest version, or of a branch or commit ({@code ?ref=}, as of
 * the last sync); its file pages, which show review threads, are review's {@code FilePageResource}.
 */
@Path("/projects/{slug}/repos/{name}")
@Produces(MediaType.TEXT_HTML)
public class FileBrowserResource {

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance tree(Access access, Repo repo, TreeView view, String query, RefView at, ReadyHtml listing);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @Inject
    TreeListings listings;

    @Inject
    RefFiles refs;

    @Inject
    RawDownloads downloads;

    @GET
    @Path("/tree/{path:.*}")
    public Response tree(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                         @QueryParam("v") Integer version, @QueryParam("ref") String ref, RoutingContext request) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        RefView at = refs.at(repo, ref, version, path);
        TreeView view = at == null ? files.tree(repo, path, version) : refs.treeAt(repo, path, at);
        // Links between folders and files stay on the version or ref the page shows.
        String query = at != null ? at.query() : version == null ? "" : "?v=" + version;
        ReadyHtml listing = listings.of(view, "/projects/" + access.project().slug + "/repos/" + repo.name, query);
        return Htmx.readyPage(Templates.tree(access, repo, view, query, at, listing), List.of(listing), request);
    }

    /** A file's bytes exactly as committed, as a download: a binary file has no other way out of the browser. */
    @GET
    @Path("/raw/{path:.+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response raw(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                        @QueryParam("v") Integer version, @QueryParam("ref") String ref, @Context Request request) {
        Access access = projectAccess.read(slug);
        return downloads.answer(refs.raw(repos.require(access, name), path, version, ref), request);
    }
}
