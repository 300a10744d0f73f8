package dev.specboard.architecture;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ApprovalRow;
import dev.specboard.kernel.ConflictView;
import dev.specboard.story.StoryRow;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Approval;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Bounded-context pages: the list, one context with its stories, the forms, and the context map. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ContextResource {

    @CheckedTemplate(basePath = "architecture")
    static class Templates {
        static native TemplateInstance contexts(Access access, List<ContextRow> contexts, MappingRule.Verdict verdict);

        static native TemplateInstance contextForm(Access access, ContextForm form, FormErrors errors, UUID id, ConflictView conflict);

        static native TemplateInstance context(Access access, ContextRow context, String purposeHtml, String descriptionHtml,
                                               List<StoryRow> outside, List<ApprovalRow> approvals);

        static native TemplateInstance context$approval(Access access, ContextRow context);

        static native TemplateInstance context$stories(Access access, ContextRow context, List<StoryRow> outside);

        static native TemplateInstance contextMap(Access access, List<ContextRow> contexts, List<StoryRow> uncovered, MappingRule.Verdict verdict);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ContextService contexts;

    @Inject
    Markdown markdown;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/contexts")
    public Response list(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        UUID pid = access.project().id;
        return Htmx.page(Templates.contexts(access, contexts.list(pid), contexts.verdict(pid)));
    }

    @GET
    @Path("/context-map")
    public Response map(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        UUID pid = access.project().id;
        return Htmx.page(Templates.contextMap(access, contexts.list(pid), contexts.uncoveredReadyStories(pid), contexts.verdict(pid)));
    }

    @GET
    @Path("/contexts/new")
    public Response newForm(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return Htmx.page(Templates.contextForm(access, ContextForm.empty(), FormErrors.none(), null, null));
    }

    @RoleFirst.Member
    @POST
    @Path("/contexts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam ContextForm form) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            BoundedContext c = contexts.create(access, form);
            return Flash.redirect(headers, url(access, c.id), "The context " + c.name + " was created.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.contextForm(access, form, e.errors(), null, null));
        }
    }

    @GET
    @Path("/contexts/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        ContextRow row = contexts.row(access.project().id, uuid(id));
        return Htmx.page(Templates.context(access, row, markdown.render(row.purpose()), markdown.render(row.description()),
                contexts.storiesOutside(access.project().id, row.id()), Approval.history(Approval.CONTEXT, row.id())));
    }

    @GET
    @Path("/contexts/{id}/edit")
    public Response editForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        BoundedContext c = contexts.get(access.project().id, uuid(id));
        return Htmx.page(Templates.contextForm(access, ContextForm.of(c), FormErrors.none(), c.id, null));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("/contexts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam ContextForm form) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID cid = uuid(id);
        try {
            BoundedContext c = contexts.update(access, cid, form);
            return Flash.redirect(headers, url(access, cid), "The context " + c.name + " was saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.contextForm(access, form, e.errors(), cid, null));
        } catch (StaleVersionException e) {
            return Htmx.page(Templates.contextForm(access, form.withVersion(e.currentVersion()), FormErrors.none(), cid, form.conflict(e)), 409);
        }
    }

    /** The approve, delete and story forms live on the context's page: a GET of their address opens it. */
    @GET
    @Path("/contexts/{id}/{form: approve|delete|stories}")
    public Response contextForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's context is 404 under this slug, as on every route, not a redirect to a page that 404s
        contexts.row(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/contexts/{id}", slug, id);
    }

    @GET
    @Path("/contexts/{id}/stories/{number}/remove")
    public Response storyRemoveForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        return contextForms(slug, id);
    }

    @RoleFirst.Lead
    @POST
    @Path("/contexts/{id}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("version") Integer version) {
        Access access = projectAccess.write(slug, Role.LEAD);
        BoundedContext c = contexts.approve(access, uuid(id), version);
        String message = "The context " + c.name + " is approved.";
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(Templates.context$approval(access, contexts.row(access.project().id, c.id)), message);
        }
        return Flash.redirect(headers, url(access, c.id), message);
    }

    @RoleFirst.Member
    @POST
    @Path("/contexts/{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        BoundedContext c = contexts.delete(access, uuid(id));
        return Flash.redirect(headers, "/projects/" + access.project().slug + "/contexts", "The context " + c.name + " is deleted.");
    }

    @RoleFirst.Member
    @POST
    @Path("/contexts/{id}/stories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStory(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("storyNumber") Integer number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contexts.addStory(access, uuid(id), number);
        return storiesAnswer(access, uuid(id));
    }

    @RoleFirst.Member
    @POST
    @Path("/contexts/{id}/stories/{number}/remove")
    public Response removeStory(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contexts.removeStory(access, uuid(id), number);
        return storiesAnswer(access, uuid(id));
    }

    private Response storiesAnswer(Access access, UUID id) {
        if (!Htmx.isHtmx(headers)) {
            return Response.seeOther(URI.create(url(access, id) + "#context-stories")).build();
        }
        ContextRow row = contexts.row(access.project().id, id);
        return Htmx.page(Templates.context$stories(access, row, contexts.storiesOutside(access.project().id, id)));
    }

    static UUID uuid(String id) {
        UUID u = ComponentService.parse(id);
        if (u == null) {
            throw ApiException.notFound("No such context in this project");
        }
        return u;
    }

    private static String url(Access access, UUID id) {
        return "/projects/" + access.project().slug + "/contexts/" + id;
    }
}
