package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.InvitationService;
import dev.specboard.project.MemberService;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PublicAddress;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's invitations by email over the API, as on the members page: owners list the open ones, invite an
 * address, give an invitation a fresh link and withdraw it. A link is in the answer once and never again (only its
 * hash is kept); only the account with the invited address may take it (in the browser, at the link).
 */
@Path("/api/v1/projects/{slug}/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationApi {

    @RegisterForReflection
    public record InvitationBody(String email, String role) {
    }

    @RegisterForReflection
    public record InvitationAnswer(UUID id, String email, String role, Instant expiresAt) {
    }

    /** A new link; {@code refreshed} when the address had an open invitation, whose old link stopped working. */
    @RegisterForReflection
    public record InvitedAnswer(UUID id, String email, String role, Instant expiresAt, String link, boolean refreshed) {
        static InvitedAnswer of(InvitationService.Created c) {
            return new InvitedAnswer(c.id(), c.email(), c.role().value(), c.expiresAt(), c.link(), c.again());
        }
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    InvitationService invitations;

    @Inject
    PublicAddress publicAddress;

    /** The invitations not yet used, withdrawn or expired, newest first; owners only. */
    @GET
    public List<InvitationAnswer> list(@PathParam("slug") String slug) {
        Access access = projectAccess.readAs(slug, Role.OWNER);
        return invitations.open(access).stream()
                .map(r -> new InvitationAnswer(r.id(), r.email(), r.role().value(), r.expiresAt())).toList();
    }

    /**
     * Invites the address with the role (an open invitation of the same address is refreshed); the link is mailed when
     * a mail server is configured, and answered here once either way.
     */
    @RoleFirst.Owner
    @POST
    @APIResponse(responseCode = "201", description = "The invitation and its link, shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitedAnswer.class)))
    public Response invite(@PathParam("slug") String slug, InvitationBody body, @Context UriInfo uri) {
        Access access = projectAccess.write(slug, Role.OWNER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        FormErrors errors = FormErrors.none();
        if (body.email() == null || !InvitationService.isEmail(body.email().trim())) {
            errors.add("email", InvitationService.NOT_AN_EMAIL);
        }
        Optional<Role> role = Role.parse(body.role());
        if (role.isEmpty()) {
            errors.add("role", MemberService.ROLE_CHOICES);
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        InvitationService.Created created = invitations.invite(access, body.email(), role.get(), publicAddress.base(uri).toString(), "email");
        return Response.status(201).entity(InvitedAnswer.of(created)).build();
    }

    /** A fresh link for an open invitation (its first one is shown only once); the old link stops working. */
    @RoleFirst.Owner
    @POST
    @Path("{id}/renew")
    @APIResponse(responseCode = "201", description = "The invitation's new link, shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitedAnswer.class)))
    public Response renew(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri) {
        Access access = projectAccess.write(slug, Role.OWNER);
        InvitationService.Created renewed = invitations.renew(access, Ids.parseOr404(id, "No such open invitation"), publicAddress.base(uri).toString());
        return Response.status(201).entity(InvitedAnswer.of(renewed)).build();
    }

    /** Withdraws an invitation: its link stops working (one already used stays used). */
    @RoleFirst.Owner
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.OWNER);
        invitations.revoke(access, Ids.parseOr404(id, "No such invitation"));
        return Response.noContent().build();
    }
}
