package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.architecture.BoundedContext;
import dev.specboard.architecture.ContextForm;
import dev.specboard.architecture.ContextRow;
import dev.specboard.architecture.ContextService;
import dev.specboard.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for bounded contexts: list, write, assign stories, approve. */
@Path("/api/v1/projects/{slug}/contexts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContextApi {

    public record ContextAnswer(UUID id, String name, String type, String purpose, String description, boolean approved, boolean dirty,
                                int version, List<Integer> storyNumbers) {
    }

    public record ContextBody(String name, String type, String purpose, String description, Integer version) {
        ContextForm form() {
            return new ContextForm(name, type, purpose, description, version);
        }
    }

    public record StoryRefBody(Integer storyNumber) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ContextService contexts;

    @Inject
    ListPaging paging;

    /** Every context, as the stories come without {@code page}; with it, that page of 50 and the paging headers (it was ignored). */
    @GET
    public List<ContextAnswer> list(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        List<ContextAnswer> all = contexts.list(access.project().id).stream().map(ContextApi::answer).toList();
        return page == null ? paging.whole(all) : paging.of(all, page);
    }

    @RoleFirst.Member
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextAnswer.class)))
    public Response create(@PathParam("slug") String slug, ContextBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        BoundedContext c = contexts.create(access, body.form());
        return Response.status(201).entity(answer(contexts.row(access.project().id, c.id))).build();
    }

    @GET
    @Path("/{id}")
    public ContextAnswer get(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return answer(contexts.row(access.project().id, uuid(id)));
    }

    @RoleFirst.Member
    @PUT
    @Path("/{id}")
    public ContextAnswer update(@PathParam("slug") String slug, @PathParam("id") String id, ContextBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        contexts.update(access, uuid(id), body.form());
        return answer(contexts.row(access.project().id, uuid(id)));
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/stories")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextAnswer.class)))
    public Response addStory(@PathParam("slug") String slug, @PathParam("id") String id, StoryRefBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.context(access, uuid(id));
        if (body == null || body.storyNumber() == null) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("storyNumber", "Name the story by its number"));
        }
        contexts.addStory(access, uuid(id), body.storyNumber());
        return Response.status(201).entity(answer(contexts.row(access.project().id, uuid(id)))).build();
    }

    @RoleFirst.Member
    @DELETE
    @Path("/{id}/stories/{number}")
    public ContextAnswer removeStory(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contexts.removeStory(access, uuid(id), number);
        return answer(contexts.row(access.project().id, uuid(id)));
    }

    /** Deletes a context made by mistake: its stories stay (unlinked), its components stay without a context. */
    @RoleFirst.Member
    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        contexts.delete(access, uuid(id));
        return Response.noContent().build();
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/approve")
    public ContextAnswer approve(@PathParam("slug") String slug, @PathParam("id") String id, ApproveBody body) {
        Access access = projectAccess.write(slug, Role.LEAD);
        contexts.approve(access, uuid(id), body == null ? null : body.version());
        return answer(contexts.row(access.project().id, uuid(id)));
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such context in this project");
    }

    static ContextAnswer answer(ContextRow r) {
        return new ContextAnswer(r.id(), r.name(), r.type(), r.purpose(), r.description(), r.approved(), r.dirty(), r.version(), r.storyNumbers());
    }
}
