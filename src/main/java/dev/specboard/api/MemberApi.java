package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.MemberService;
import dev.specboard.project.MemberView;
import dev.specboard.project.Membership;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A project's members over the API; the owner manages them with the same rules as the members page. */
@Path("/api/v1/projects/{slug}/members")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemberApi {

    @RegisterForReflection
    public record MemberBody(String username, String role) {
    }

    @RegisterForReflection
    public record RoleBody(String role) {
    }

    @RegisterForReflection
    public record MemberAnswer(String username, String name, String role) {
        static MemberAnswer of(MemberView v) {
            return new MemberAnswer(v.username(), v.name(), v.role().value());
        }
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    MemberService members;

    @GET
    public List<MemberAnswer> list(@PathParam("slug") String slug) {
        return members.list(projectAccess.read(slug)).stream().map(MemberAnswer::of).toList();
    }

    @RoleFirst.Owner
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberAnswer.class)))
    public Response add(@PathParam("slug") String slug, MemberBody body) {
        Access access = projectAccess.write(slug, Role.OWNER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        Role role = MemberService.parseRole(body.role(), "role");
        // the page calls the person field "who"; the API body calls it "username"
        Membership m = ValidationException.renaming("who", "username", () -> members.add(access, body.username(), role));
        return Response.status(201).entity(MemberAnswer.of(members.view(access, m.id))).build();
    }

    @RoleFirst.Owner
    @PUT
    @Path("{username}")
    public MemberAnswer changeRole(@PathParam("slug") String slug, @PathParam("username") String username, RoleBody body) {
        Access access = projectAccess.write(slug, Role.OWNER);
        UUID membership = membershipOf(access, username); // an unknown member is 404 whatever the body
        Role role = MemberService.parseRole(body == null ? null : body.role(), "role");
        return MemberAnswer.of(members.changeRole(access, membership, role));
    }

    @RoleFirst.Owner
    @DELETE
    @Path("{username}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response remove(@PathParam("slug") String slug, @PathParam("username") String username) {
        Access access = projectAccess.write(slug, Role.OWNER);
        members.remove(access, membershipOf(access, username));
        return Response.noContent().build();
    }

    private UUID membershipOf(Access access, String username) {
        return members.list(access).stream().filter(v -> v.username().equalsIgnoreCase(username)).findFirst()
                .map(MemberView::id).orElseThrow(() -> ApiException.notFound("No member named " + username));
    }
}
