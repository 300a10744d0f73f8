package dev.specboard.plan;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.repo.Repo;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.Map;
import java.util.UUID;

/** The plan pages: the project's plans, a new plan, a plan version with its artifacts, and two versions compared. */
@Path("/projects/{slug}/plans")
@Produces(MediaType.TEXT_HTML)
public class PlanResource {

    @CheckedTemplate(basePath = "plan")
    static class Templates {
        static native TemplateInstance list(Access access, PlanQueries.PlanListView list, List<String> repos, PlanFilter filter,
                                            FormErrors errors);

        static native TemplateInstance form(Access access, PlanForm form, FormErrors errors, List<String> repos);

        static native TemplateInstance show(Access access, PlanView view, ArtifactForm artifact, FormErrors errors, String message,
                                            ConflictView conflict, PlanChanges changes);

        static native TemplateInstance artifact(Access access, RevisionView view);

        static native TemplateInstance compare(Access access, CompareView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PlanService plans;

    @Inject
    PlanQueries queries;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("repo") String repo, @QueryParam("status") String status,
                         @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        List<Repo> repos = Repo.listByProject(access.project().id);
        FilterChoices choices = new FilterChoices();
        PlanFilter filter = PlanFilter.read(repo, status, repos, choices);
        PlanQueries.PlanListView list = choices.refused() ? PlanQueries.PlanListView.empty() : queries.page(access, filter, page);
        return choices.answer(Templates.list(access, list, repos.stream().map(r -> r.name).toList(), filter, choices.errors()));
    }

    @GET
    @Path("new")
    public Response newForm(@PathParam("slug") String slug, @QueryParam("repository") String repository) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        List<Repo> repos = Repo.listByProject(access.project().id);
        Repo chosen = repos.stream().filter(r -> r.name.equals(repository)).findFirst().orElse(repos.isEmpty() ? null : repos.get(0));
        PlanForm form = PlanForm.empty(chosen == null ? "" : chosen.name, chosen == null ? "main" : chosen.defaultBranch);
        return Htmx.page(Templates.form(access, form, FormErrors.none(), repos.stream().map(r -> r.name).toList()));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam PlanForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Plan plan = plans.create(access, form);
            return Flash.redirect(headers, url(slug, plan.id), "Plan " + plan.name + " v1 created");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, form, e.errors(),
                    Repo.listByProject(access.project().id).stream().map(r -> r.name).toList()));
        }
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") UUID id, @QueryParam("version") Integer version,
                         @QueryParam("edit") String edit) {
        Access access = projectAccess.read(slug);
        PlanView view = queries.page(access, id, version);
        return Htmx.page(page(access, view, queries.artifactForm(view, edit), FormErrors.none(), null, null));
    }

    /** One saved artifact of the plan version, earlier or current, with the diff from it to the current one. */
    @GET
    @Path("{id}/artifacts/{artifactId}")
    public Response artifact(@PathParam("slug") String slug, @PathParam("id") UUID id, @PathParam("artifactId") UUID artifactId) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.artifact(access, queries.revision(access, id, artifactId)));
    }

    /** The plan's forms live on the plan page: a reload of a refused answer (an artifact that breaks its schema) opens that page. */
    @GET
    @Path("{id}/{form: artifacts|versions|status|spec}")
    public Response planForms(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        // another project's plan is 404 under this slug, as on every route, not a redirect to a page that 404s
        plans.require(projectAccess.read(slug), id);
        return FormAddress.holder("/projects/{slug}/plans/{id}", slug, id);
    }

    /** Adds an artifact; a document that breaks its schema re-renders the page (422) with each problem at its JSON pointer. */
    @RoleFirst.Member
    @POST
    @Path("{id}/artifacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addArtifact(@PathParam("slug") String slug, @PathParam("id") UUID id, @BeanParam ArtifactForm form,
                                @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            PlanArtifact a = plans.addArtifact(access, id, form);
            return Flash.redirect(headers, url(slug, id) + "#" + "artifact-" + a.artifactType, a.type().label() + " saved");
        } catch (StaleVersionException e) {
            // Yours stays in the form, now over theirs: saving again replaces theirs knowingly.
            return Htmx.page(page(access, queries.page(access, id, null), form.withVersion(e.currentVersion()), FormErrors.none(),
                    null, ConflictView.of(e, Map.of("content", "JSON document"), Map.of("content", form.content() == null ? "" : form.content()))),
                    409);
        } catch (ValidationException e) {
            return Htmx.invalid(page(access, queries.page(access, id, null), form, e.errors(),
                    // "Not saved: <label>" reads for a plural label too ("The Implementation steps was not saved")
                    "Not saved: " + ArtifactType.parse(form.artifactType()).map(ArtifactType::label).orElse("the artifact")
                            + ". Fix the problems listed below.", null));
        } catch (ApiException e) {
            // The plan was completed or archived from another tab: the page says so and keeps the document typed (a bare 409
            // error page lost it).
            return refused(access, id, form, e);
        }
    }

    /** A 409 met by a plain form (the plan moved on meanwhile): the plan page as it is now, with why nothing was done. */
    private Response refused(Access access, UUID id, ArtifactForm form, ApiException e) {
        if (e.status() != 409 || access.archived()) {
            throw e;
        }
        return Htmx.page(page(access, queries.page(access, id, null), form, FormErrors.none(), e.getMessage(), null), 409);
    }

    /** The next version, with the description and target branch the form gives (the page's current ones unless changed). */
    @RoleFirst.Member
    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newVersion(@PathParam("slug") String slug, @PathParam("id") UUID id, @FormParam("description") String description,
                               @FormParam("targetBranch") String targetBranch, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        PlanChanges changes = new PlanChanges(description, targetBranch);
        try {
            Plan plan = plans.newVersion(access, id, changes);
            return Flash.redirect(headers, url(slug, plan.id), plan.name + " " + plan.versionLabel() + " created with the artifacts of the version before");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.show(access, queries.page(access, id, null), ArtifactForm.empty(), e.errors(),
                    "No new version was made: fix the problems below.", null, changes));
        } catch (ApiException e) {
            // Made from an older version (in a tab left open): the plan page says which version is the newest.
            return refused(access, id, ArtifactForm.empty(), e);
        }
    }

    /** The plan page, its new-version form showing the plan's own description and target branch. */
    private static TemplateInstance page(Access access, PlanView view, ArtifactForm artifact, FormErrors errors, String message,
                                         ConflictView conflict) {
        return Templates.show(access, view, artifact, errors, message, conflict,
                new PlanChanges(view.plan().description, view.plan().targetBranch));
    }

    @RoleFirst.Member
    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("slug") String slug, @PathParam("id") UUID id, @FormParam("status") String status,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Plan plan = plans.changeStatus(access, id, status);
            return Flash.redirect(headers, url(slug, plan.id), plan.name + " " + plan.versionLabel() + " is now " + plan.status.value());
        } catch (ValidationException e) {
            // The problem is the status, not the artifact form below: its message stands alone and the form stays as it was.
            return Htmx.invalid(page(access, queries.page(access, id, null), ArtifactForm.empty(), FormErrors.none(),
                    "The status was not changed. " + e.errors().get("status"), null));
        } catch (ApiException e) {
            return refused(access, id, ArtifactForm.empty(), e);
        }
    }

    /** Turns the plan's implementation steps into a hierarchical spec with its tasks, then shows the spec. */
    @RoleFirst.Member
    @POST
    @Path("{id}/spec")
    public Response toSpec(@PathParam("slug") String slug, @PathParam("id") UUID id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            TechnicalSpec spec = plans.toSpec(access, id);
            return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(),
                    spec.key() + " created from the plan with " + spec.totalPhases + " tasks");
        } catch (ValidationException e) {
            return Htmx.invalid(page(access, queries.page(access, id, null), ArtifactForm.empty(), e.errors(),
                    "No spec was made: fix the implementation steps first.", null));
        } catch (ApiException e) {
            // An older version, or one made into a spec from another tab: the plan page as it is now says why.
            return refused(access, id, ArtifactForm.empty(), e);
        }
    }

    @GET
    @Path("{id}/compare")
    public Response compare(@PathParam("slug") String slug, @PathParam("id") UUID id, @QueryParam("from") Integer from,
                            @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        Plan plan = plans.require(access, id);
        int newer = to == null ? plan.version : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        return Htmx.page(Templates.compare(access, queries.compare(access, id, older, newer)));
    }

    static String url(String slug, UUID planId) {
        return "/projects/" + slug + "/plans/" + planId;
    }
}
