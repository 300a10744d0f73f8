package dev.specboard.repo;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ReadyHtml;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/** A project's repositories: the list, adding, editing and removing one, and its sync panel. */
@Path("/projects/{slug}/repos")
@Produces(MediaType.TEXT_HTML)
public class RepoResource {

    @CheckedTemplate(basePath = "repo")
    static class Templates {
        static native TemplateInstance list(Access access, List<RepoRow> repos, RepoForm form, FormErrors errors);

        static native TemplateInstance show(Access access, Repo repo, Optional<RepoSync> sync, Optional<TreeView> view,
                                            Optional<ReadyHtml> listing, String treeError, RefView at, RepoForm form, FormErrors errors);

        static native TemplateInstance show$sync(Access access, Repo repo, Optional<RepoSync> sync);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @Inject
    ManifestFiles manifests;

    @Inject
    TreeListings listings;

    @Inject
    RefFiles refs;

    @GET
    public Response list(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.list(access, repos.list(access.project().id), RepoForm.empty(), FormErrors.none()));
    }

    @RoleFirst.Owner
    @POST
    public Response create(@PathParam("slug") String slug, @BeanParam RepoForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        try {
            Repo repo = repos.create(access, form);
            return Flash.redirect(headers, base(access) + "/" + repo.name, "Repository added; the first sync has started.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.list(access, repos.list(access.project().id), form, e.errors()));
        }
    }

    /** The repository's page, its files those of the latest manifest or, with {@code ?ref=}, of a branch or commit as of the last sync. */
    @GET
    @Path("/{name}")
    public Response show(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("ref") String ref) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        // As the file pages: malformed 422 naming ref, unknown 404 saying to push and sync.
        RefView at = refs.at(repo, ref, null, "");
        return Htmx.page(show(access, repo, at, RepoForm.of(repo), FormErrors.none()));
    }

    private TemplateInstance show(Access access, Repo repo, RefView at, RepoForm form, FormErrors errors) {
        Optional<TreeView> view = Optional.empty();
        String treeError = null;
        if (at != null || manifests.latest(repo.id).isPresent()) {
            try {
                view = Optional.of(at == null ? files.tree(repo, "", null) : refs.treeAt(repo, "", at));
            } catch (dev.specboard.web.ApiException e) {
                treeError = e.getMessage();
            }
        }
        // Links to folders and files stay on the ref the page shows.
        String query = at == null ? "" : at.query();
        Optional<ReadyHtml> listing = view.map(v -> listings.of(v, "/projects/" + access.project().slug + "/repos/" + repo.name, query));
        return Templates.show(access, repo, RepoSync.latest(repo.id), view, listing, treeError, at, form, errors);
    }

    @RoleFirst.Owner
    @POST
    @Path("/{name}")
    public Response update(@PathParam("slug") String slug, @PathParam("name") String name, @BeanParam RepoForm form,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        try {
            Repo repo = repos.update(access, name, form);
            return Flash.redirect(headers, base(access) + "/" + repo.name, "Repository settings saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(show(access, repos.require(access, name), null, form, e.errors()));
        }
    }

    /** The delete and sync forms live on the repository's page: a GET of their address opens it. */
    @GET
    @Path("/{name}/{form: delete|sync}")
    public Response repoForms(@PathParam("slug") String slug, @PathParam("name") String name) {
        repos.require(projectAccess.read(slug), name);
        return FormAddress.holder("/projects/{slug}/repos/{name}", slug, name);
    }

    @RoleFirst.Owner
    @POST
    @Path("/{name}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("name") String name, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        repos.delete(access, name);
        return Flash.redirect(headers, base(access), "Repository " + name + " removed.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{name}/sync")
    public Response sync(@PathParam("slug") String slug, @PathParam("name") String name, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        repos.requestSync(access, name);
        if (Htmx.isHtmx(headers)) {
            Repo repo = repos.require(access, name);
            return Response.ok(Templates.show$sync(access, repo, RepoSync.latest(repo.id))).build();
        }
        return Flash.redirect(headers, base(access) + "/" + name, "Sync queued.");
    }

    /** The sync panel, polled while a sync runs; when it has finished the page reloads to show the new tree. */
    @GET
    @Path("/{name}/sync-status")
    public Response syncStatus(@PathParam("slug") String slug, @PathParam("name") String name, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        Optional<RepoSync> sync = RepoSync.latest(repo.id);
        Response r = Htmx.page(Templates.show$sync(access, repo, sync));
        if (Htmx.isHtmx(headers) && sync.map(s -> !s.status.isActive()).orElse(true)) {
            r.getHeaders().add("HX-Refresh", "true");
        }
        return r;
    }

    private static String base(Access access) {
        return "/projects/" + access.slug() + "/repos";
    }
}
