package dev.specboard.story;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
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

/** A story's workflow on its page: submit, approve, request changes; htmx gets the approval panel back, a plain form the page. */
@Path("/projects/{slug}/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryApprovalResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StoryService stories;

    @Inject
    StoryViews views;

    @Context
    HttpHeaders headers;

    /** The approval forms live on the story page: a reload of a refused answer (changes asked without a comment) opens that page. */
    @GET
    @Path("/{number}/{action: submit|approve|request-changes}")
    public Response approvalForms(@PathParam("slug") String slug, @PathParam("number") int number) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/stories/{number}", slug, number);
    }

    @RoleFirst.Member
    @POST
    @Path("/{number}/submit")
    public Response submit(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Story s = stories.submit(access, number);
        return decided(access, number, s.key() + " was submitted for approval.");
    }

    @RoleFirst.Lead
    @POST
    @Path("/{number}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("version") Integer version) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            Story s = stories.approve(access, number, version);
            return decided(access, number, s.key() + " is approved (version " + s.version + ").");
        } catch (StaleVersionException e) {
            return stale(access, number, e, "");
        }
    }

    @RoleFirst.Lead
    @POST
    @Path("/{number}/request-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestChanges(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("comment") String comment,
                                   @FormParam("version") Integer version) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            Story s = stories.requestChanges(access, number, comment, version);
            return decided(access, number, s.key() + " was sent back to its author.");
        } catch (StaleVersionException e) {
            return stale(access, number, e, comment);
        } catch (ValidationException e) {
            StoryView v = views.show(access, number, e.errors(), comment);
            return Htmx.invalid(Htmx.isHtmx(headers) ? approval(v) : StoryResource.Templates.show(v));
        }
    }

    /**
     * A decision on a version replaced since: 409 with the page (htmx: the approval panel) showing the new version and
     * its own decision forms, the comment typed kept, so the lead reads before deciding.
     */
    private Response stale(Access access, int number, StaleVersionException e, String comment) {
        StoryView v = views.show(access, number, FormErrors.none().add("version", e.getMessage()), comment);
        return Htmx.page(Htmx.isHtmx(headers) ? approval(v) : StoryResource.Templates.show(v), 409);
    }

    /** After a decision: htmx gets the approval panel with the message out of band, a plain form the story page with a flash. */
    private Response decided(Access access, int number, String message) {
        if (!Htmx.isHtmx(headers)) {
            return Flash.redirect(headers, StoryResource.url(access, number), message);
        }
        return Htmx.withFlash(approval(views.show(access, number, FormErrors.none(), "")), message);
    }

    private static TemplateInstance approval(StoryView v) {
        return StoryResource.Templates.show$approval(v.access(), v.story(), v.approveRefusal(), v.errors(), v.comment());
    }
}
