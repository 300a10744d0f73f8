package dev.specboard.home;

import dev.specboard.account.CurrentUser;
import dev.specboard.design.ThoughtService;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.project.RoleFirst;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.Htmx;
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

import java.util.UUID;

/**
 * Answers the assistant's questions from the inbox without leaving it: "No answer needed" closes one, as on the thinking
 * page, and htmx gets the inbox's list again (the focus then goes to the next item waiting); a plain form the inbox page.
 */
@Path("/projects/{slug}/inbox/questions/{id}/close")
@Produces(MediaType.TEXT_HTML)
public class InboxAnswerResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    CurrentUser currentUser;

    @Inject
    ThoughtService thoughts;

    @Inject
    InboxService inbox;

    @Inject
    Flash flash;

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("version") Integer version,
                          @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID tid = Ids.parseOr404(id, "No such thought in this project");
        String said;
        int status = 200;
        try {
            thoughts.confirm(access, tid, version);
            said = "Question closed: no answer needed.";
        } catch (ApiException e) {
            // Someone answered or closed it first (or it went with its journey): the inbox as it is now says so.
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
            said = e.getMessage();
            status = 409;
        }
        if (!Htmx.isHtmx(headers)) {
            if (status == 200) {
                return Flash.redirect(headers, "/inbox", said);
            }
            flash.now(said);
            return Htmx.page(InboxResource.Templates.inbox(inbox.forAccount(currentUser.requireAccountId())), status);
        }
        return Htmx.withFlash(status, InboxResource.Templates.inbox$list(inbox.forAccount(currentUser.requireAccountId())), said);
    }

    /**
     * The form lives in the inbox: a GET of its address (a reload after a refusal) opens the inbox, for a question of this
     * project only (the inbox's address holds no id, so another project's id would otherwise pass unrefused).
     */
    @GET
    public Response form(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        UUID tid = Ids.parseOr404(id, "No such thought in this project");
        thoughts.get(access.project().id, tid);
        return FormAddress.holder("/inbox");
    }
}
