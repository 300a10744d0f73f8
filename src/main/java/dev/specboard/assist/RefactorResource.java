package dev.specboard.assist;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.repo.GitProblem;
import dev.specboard.repo.Repo;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import java.util.UUID;

/**
 * Refactors in the browser: the rename form ("Rename…" on a file page), the proposal page with each
 * file's diff unified or side by side, and applying, re-running or cancelling it.
 */
@Path("/projects/{slug}/repos/{name}/refactors")
@Produces(MediaType.TEXT_HTML)
public class RefactorResource {

    @CheckedTemplate(basePath = "assist")
    static class Templates {
        static native TemplateInstance rename(Access access, String repo, RenameForm form, FormErrors errors);

        static native TemplateInstance refactor(RefactorView view);

        static native TemplateInstance refactor$panel(RefactorView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RefactorService refactors;

    @Inject
    Renamer renamer;

    @Inject
    ScopeFiles scopes;

    @Inject
    EntityManager em;

    @Inject
    JobService jobs;

    @GET
    @Path("/new")
    public Response form(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("symbol") String symbol,
                         @QueryParam("path") String path) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Repo repo = scopes.repo(access.project().id, name);
        return Htmx.page(Templates.rename(access, repo.name, new RenameForm(symbol, "", path, null), FormErrors.none()));
    }

    /**
     * The address a refused rename form is shown at: reloaded or shared, it leads to a new rename for those who may make
     * one and to the project's jobs for the others, instead of a 404.
     */
    @GET
    public Response index(@PathParam("slug") String slug, @PathParam("name") String name) {
        Access access = projectAccess.read(slug);
        Repo repo = scopes.repo(access.project().id, name);
        String project = "/projects/" + access.project().slug;
        String to = access.role().atLeast(Role.MEMBER) && !access.archived() ? project + "/repos/" + repo.name + "/refactors/new" : project + "/jobs";
        return Response.seeOther(java.net.URI.create(to)).build();
    }

    @RoleFirst.Member
    @POST
    public Response create(@PathParam("slug") String slug, @PathParam("name") String name, @BeanParam RenameForm form,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            RefactorJob job = refactors.create(access, name, form);
            return Htmx.location(headers, "/projects/" + slug + "/repos/" + name + "/refactors/" + job.id);
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.rename(access, name, form, e.errors()));
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id,
                         @QueryParam("view") String view, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        RefactorView v = view(access, name, refactors.require(access, name, id), "split".equals(view), null);
        return Htmx.pageOrFragment(headers, () -> Templates.refactor(v), () -> Templates.refactor$panel(v));
    }

    RefactorView view(Access access, String name, RefactorJob job, boolean split, String problem) {
        String requester = em.createQuery("select a.username from Account a where a.id = ?1", String.class)
                .setParameter(1, job.userId).setMaxResults(1).getResultList().stream().findFirst().orElse("a former member");
        Renamer.Proposal proposal = job.proposal == null ? null : renamer.read(job.proposal);
        RefactorService.Staleness staleness = null;
        if (proposal != null && !job.applied()) {
            try {
                staleness = refactors.staleness(Repo.findById(job.repositoryId), proposal);
            } catch (GitProblem e) {
                problem = problem == null ? e.getMessage() : problem;
            }
        }
        return new RefactorView(access, job, name, requester, jobs.username(job.cancelledBy), proposal, RefactorView.files(proposal),
                staleness, split, problem);
    }

    /** The apply, cancel and rerun forms live on the rename's page: a GET of their address opens it. */
    @GET
    @Path("/{id}/{form: apply|cancel|rerun}")
    public Response refactorForms(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id) {
        // another project's rename is 404 under this slug, as on every route, not a redirect to a page that 404s
        refactors.require(projectAccess.read(slug), name, id);
        return FormAddress.holder("/projects/{slug}/repos/{name}/refactors/{id}", slug, name, id);
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/apply")
    public Response apply(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            RefactorService.Applied applied = refactors.apply(access, name, id);
            return Flash.redirect(headers, url(slug, name, id), "Committed on branch " + applied.branch()
                    + (applied.pushed() ? " and pushed to the origin." : "."));
        } catch (ApiException e) {
            if (e.status() != 409 || access.archived()) {
                throw e;
            }
            return Htmx.page(Templates.refactor(view(access, name, refactors.require(access, name, id), false, e.getMessage())), 409);
        }
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/rerun")
    public Response rerun(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            refactors.rerun(access, name, id);
        } catch (ApiException e) {
            return refused(access, headers, url(slug, name, id), e);
        }
        return Flash.redirect(headers, url(slug, name, id), "The rename runs again on the current default branch.");
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("id") UUID id,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            refactors.cancel(access, name, id);
        } catch (ApiException e) {
            return refused(access, headers, url(slug, name, id), e);
        }
        return Flash.redirect(headers, url(slug, name, id), "Refactor cancelled.");
    }

    /**
     * A cancel or re-run that met the refactor in another state (it ended, or someone re-ran it, while the page showed the
     * button): back to its page, which shows where it is now, with the reason; a bare 409 error page showed neither.
     */
    private static Response refused(Access access, HttpHeaders headers, String url, ApiException e) {
        if (e.status() != 409 || access.archived()) {
            throw e;
        }
        return Flash.redirect(headers, url, e.getMessage());
    }

    private static String url(String slug, String name, UUID id) {
        return "/projects/" + slug + "/repos/" + name + "/refactors/" + id;
    }
}
