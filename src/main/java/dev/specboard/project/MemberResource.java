package dev.specboard.project;

import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.PublicAddress;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A project's members: every member sees the list, owners invite, change roles and remove. */
@Path("/projects/{slug}/members")
@Produces(MediaType.TEXT_HTML)
public class MemberResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance members(Access access, List<MemberView> members, MemberForm form, FormErrors errors,
                                               List<InvitationService.InvitationRow> invitations, InvitationService.Created invited);

        static native TemplateInstance members$row(Access access, MemberView m);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    InvitationService invitations;

    @Inject
    MemberService memberService;

    @Inject
    PublicAddress publicAddress;

    @GET
    public Response members(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return Htmx.page(page(access, MemberForm.empty(), FormErrors.none(), null));
    }

    /** Members to mention, as JSON, for the autocompletion of {@code @name} in markdown fields. */
    @GET
    @Path("suggest")
    @Produces(MediaType.APPLICATION_JSON)
    public List<MemberService.MentionSuggestion> suggest(@PathParam("slug") String slug, @QueryParam("q") String prefix) {
        return memberService.suggest(projectAccess.read(slug), prefix);
    }

    /**
     * Adds an account by username, or, for an email address, makes an invitation link (shown here to copy, and
     * mailed when a mail server is configured), the same whether or not some account has that address.
     */
    @RoleFirst.Owner
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("slug") String slug, @BeanParam MemberForm form, @Context HttpHeaders headers, @Context UriInfo uri) {
        Access access = projectAccess.write(slug, Role.OWNER);
        try {
            Role role = MemberService.parseRole(form.role(), "role");
            Optional<InvitationService.Created> invited = memberService.addOrInvite(access, form.who(), role, publicAddress.base(uri).toString());
            if (invited.isPresent()) {
                return Htmx.page(page(access, MemberForm.empty(), FormErrors.none(), invited.get()));
            }
            return Flash.redirect(headers, "/projects/" + slug + "/members", form.who().trim() + " is now a " + role.value() + " of " + access.project().name + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(page(access, form, e.errors(), null));
        }
    }

    /** An owner withdraws an invitation that has not been used. */
    @RoleFirst.Owner
    @POST
    @Path("invitations/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeInvitation(@PathParam("slug") String slug, @FormParam("invitation") String invitation, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        invitations.revoke(access, invitationId(invitation));
        return Flash.redirect(headers, "/projects/" + slug + "/members", "The invitation was withdrawn; its link no longer works.");
    }

    /** A fresh link for an open invitation (the first one is shown only once); the old link stops working. */
    @RoleFirst.Owner
    @POST
    @Path("invitations/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renewInvitation(@PathParam("slug") String slug, @FormParam("invitation") String invitation, @Context UriInfo uri) {
        Access access = projectAccess.write(slug, Role.OWNER);
        InvitationService.Created renewed = invitations.renew(access, invitationId(invitation), publicAddress.base(uri).toString());
        return Htmx.page(page(access, MemberForm.empty(), FormErrors.none(), renewed));
    }

    private static UUID invitationId(String raw) {
        return Ids.parseOr404(raw, "No such invitation");
    }

    private TemplateInstance page(Access access, MemberForm form, FormErrors errors, InvitationService.Created invited) {
        return Templates.members(access, memberService.list(access), form, errors, access.isOwner() ? invitations.open(access) : List.of(), invited);
    }

    /**
     * Changes a role; htmx swaps the updated row, a plain form goes back to the list. A change to or from owner may make
     * another row the last owner's (or no longer), so then htmx reloads the whole list too.
     */
    @RoleFirst.Owner
    @POST
    @Path("{memberId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("slug") String slug, @PathParam("memberId") UUID memberId,
                               @FormParam("role") String role, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        Role before = memberService.view(access, memberId).role();
        MemberView m = memberService.changeRole(access, memberId, MemberService.parseRole(role, "role"));
        if (Htmx.isHtmx(headers) && before != Role.OWNER && m.role() != Role.OWNER) {
            return Response.ok(Templates.members$row(access, m)).build();
        }
        return Flash.redirect(headers, "/projects/" + slug + "/members", m.username() + " is now a " + m.role().value() + ".");
    }

    @RoleFirst.Owner
    @POST
    @Path("{memberId}/remove")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("memberId") UUID memberId, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.OWNER);
        MemberView m = memberService.view(access, memberId);
        memberService.remove(access, memberId);
        if (m.you()) {
            return Flash.redirect(headers, "/", "You left " + access.project().name + ".");
        }
        return Flash.redirect(headers, "/projects/" + slug + "/members", m.username() + " was removed from " + access.project().name + ".");
    }

    /** The invitation forms live on the members page: a GET of their address (a refused one, reloaded) opens it. */
    @GET
    @Path("invitations/{form: renew|revoke}")
    public Response invitationForms(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/members", slug);
    }

    /** A member's row forms live on the members page; another project's member is 404 like a POST there. */
    @GET
    @Path("{memberId}/{form: role|remove}")
    public Response memberForms(@PathParam("slug") String slug, @PathParam("memberId") UUID memberId) {
        memberService.view(projectAccess.read(slug), memberId);
        return FormAddress.holder("/projects/{slug}/members", slug);
    }
}
