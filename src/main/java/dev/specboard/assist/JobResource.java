package dev.specboard.assist;

import dev.specboard.project.RoleFirst;
import dev.specboard.architecture.DesignDoc;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Assistant jobs in the browser: the jobs page (filters, pages, live progress), a job's page with its
 * outline or explanation, cancelling and retrying, "Explain" from a file page, and an outline made
 * into a component's design doc in one action.
 */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class JobResource {

    @CheckedTemplate(basePath = "assist")
    static class Templates {
        static native TemplateInstance jobs(JobsView view);

        static native TemplateInstance jobs$list(JobsView view);

        static native TemplateInstance job(JobView view);

        static native TemplateInstance job$panel(JobView view);

        static native TemplateInstance status(JobView view);

        static native TemplateInstance problem(String message, FormErrors errors);

        static native TemplateInstance explain(Access access, String repo, ExplainForm form, FormErrors errors);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    JobService jobs;

    @Inject
    JobViews views;

    @GET
    @Path("/jobs")
    public Response list(@PathParam("slug") String slug, @BeanParam JobFilter filter, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        JobsView view = views.list(access, filter, DocsForm.empty(), FormErrors.none());
        if (view.filterErrors().any()) {
            return Htmx.invalid(Htmx.isFragment(headers) ? Templates.jobs$list(view) : Templates.jobs(view));
        }
        return Htmx.pageOrFragment(headers, () -> Templates.jobs(view), () -> Templates.jobs$list(view));
    }

    @RoleFirst.Member
    @POST
    @Path("/jobs")
    public Response create(@PathParam("slug") String slug, @BeanParam DocsForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            AiJob job = jobs.create(access, AiJobType.DOCS, form.params());
            return Htmx.location(headers, "/projects/" + slug + "/jobs/" + job.id);
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.jobs(views.list(access, new JobFilter(null, null, null), form, e.errors())));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            FormErrors errors = FormErrors.none().add(form.componentId() == null || form.componentId().isBlank() ? "repo" : "componentId",
                    e.getMessage());
            return Htmx.invalid(Templates.jobs(views.list(access, new JobFilter(null, null, null), form, errors)));
        }
    }

    @GET
    @Path("/jobs/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        JobView view = views.job(access, jobs.require(access, id));
        return Htmx.pageOrFragment(headers, () -> Templates.job(view), () -> Templates.job$panel(view));
    }

    /** The compact live status of a job, for the page it was started from. */
    @GET
    @Path("/jobs/{id}/status")
    public Response status(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.status(views.job(access, jobs.require(access, id))));
    }

    /** The cancel, retry and save-as-design-doc forms live on the job's page: a GET of their address opens it. */
    @GET
    @Path("/jobs/{id}/{form: cancel|retry|design-doc}")
    public Response jobForms(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        // another project's job is 404 under this slug, as on every route, not a redirect to a page that 404s
        Access access = projectAccess.read(slug);
        jobs.require(access, id);
        return FormAddress.holder("/projects/{slug}/jobs/{id}", slug, id);
    }

    @POST
    @Path("/jobs/{id}/cancel")
    public Response cancel(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        try {
            jobs.cancel(access, JobKind.AI, id);
        } catch (ApiException e) {
            return refused(access, id, headers, e);
        }
        // Said from the job as it is now, not as the cancel left it: a worker told at once (one waiting on a model) has
        // often stopped already, and the panel said "Cancelled" under a flash saying it would stop at its next step.
        // The panel shows the job read for the flash, so the two agree.
        AiJob job = jobs.require(access, id);
        return answer(access, job, headers, job.stopping() ? "The job stops at its next step." : "Job cancelled.");
    }

    @POST
    @Path("/jobs/{id}/retry")
    public Response retry(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        try {
            jobs.retry(access, id);
        } catch (ApiException e) {
            return refused(access, id, headers, e);
        }
        return answer(access, id, headers, "Job queued again.");
    }

    /**
     * A cancel or retry that met the job in another state (it finished, or someone else retried it, while the page showed the
     * button): the panel as it is now and why nothing was done. htmx swaps a 409 into the panel, so an error page there
     * replaced the job's result and stopped its live updates.
     */
    private Response refused(Access access, UUID id, HttpHeaders headers, ApiException e) {
        if (e.status() != 409 || access.archived()) {
            throw e;
        }
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(409, Templates.job$panel(views.job(access, jobs.require(access, id))), e.getMessage());
        }
        return Flash.redirect(headers, "/projects/" + access.slug() + "/jobs/" + id, e.getMessage());
    }

    private Response answer(Access access, UUID id, HttpHeaders headers, String message) {
        return answer(access, jobs.require(access, id), headers, message);
    }

    private Response answer(Access access, AiJob job, HttpHeaders headers, String message) {
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(Templates.job$panel(views.job(access, job)), message);
        }
        return Flash.redirect(headers, "/projects/" + access.slug() + "/jobs/" + job.id, message);
    }

    /** Saves the outline as the next version of the component's design doc and goes there. */
    @RoleFirst.Member
    @POST
    @Path("/jobs/{id}/design-doc")
    public Response designDoc(@PathParam("slug") String slug, @PathParam("id") UUID id, @FormParam("componentId") String componentId,
                              @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID component = componentId == null || componentId.isBlank() ? null : Ids.parseOr404(componentId, "No such component");
        DesignDoc doc = jobs.saveDesignDoc(access, id, component);
        return Flash.redirect(headers, "/projects/" + slug + "/components/" + doc.componentId,
                "The outline is now version " + doc.version + " of the design doc; edit it from here.");
    }

    /** The explain form opens from the repository's files: a GET of its address (a refused one, reloaded) opens the repository. */
    @GET
    @Path("/repos/{name}/explain")
    public Response explainForm(@PathParam("slug") String slug, @PathParam("name") String name) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/repos/{name}", slug, name);
    }

    /**
     * "Explain" on a file page: queues the job and answers its live status for the page (or goes to the job's page).
     * Refused lines answer a problem for the page's status area, or without JavaScript the form again with its values.
     */
    @POST
    @Path("/repos/{name}/explain")
    public Response explain(@PathParam("slug") String slug, @PathParam("name") String name, @BeanParam ExplainForm form,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        try {
            AiJob job = jobs.create(access, AiJobType.EXPLANATION, form.params(name));
            if (Htmx.isHtmx(headers)) {
                return Htmx.page(Templates.status(views.job(access, job)));
            }
            return Response.seeOther(java.net.URI.create("/projects/" + slug + "/jobs/" + job.id)).build();
        } catch (ValidationException e) {
            // Said in the one sentence the status area shows, as a review thread's refused lines are ("Choose a line between 1 and 42").
            String why = e.errors().list().stream().map(FormErrors.FieldError::message).collect(java.util.stream.Collectors.joining("; "));
            return Htmx.invalid(Htmx.isHtmx(headers) ? Templates.problem("These lines cannot be explained. " + why + ".", FormErrors.none())
                    : Templates.explain(access, name, form, e.errors()));
        }
    }
}
