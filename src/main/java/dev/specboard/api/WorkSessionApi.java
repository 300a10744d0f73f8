package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.architecture.WorkSession;
import dev.specboard.architecture.WorkSessionFilter;
import dev.specboard.architecture.WorkSessionFinishForm;
import dev.specboard.architecture.WorkSessionForm;
import dev.specboard.architecture.WorkSessionRow;
import dev.specboard.architecture.WorkSessionService;
import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for work sessions: list, start, claim the next one atomically, complete or fail, release, retry. */
@Path("/api/v1/projects/{slug}/work-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkSessionApi {

    @RegisterForReflection
    public record SessionAnswer(UUID id, String sessionType, String targetType, UUID targetId, String targetName, String status,
                                String resultNote, String claimedBy, Instant claimedAt, Instant completedAt, Instant createdAt) {
    }

    public record SessionBody(String sessionType, String targetType, String targetId) {
    }

    /**
     * {@code designDoc}: for a design session on a component, a new design doc text saved as the next version;
     * {@code designDocVersion} (optional): the version it is based on, 409 with both texts when another was saved since.
     */
    public record CompleteBody(String note, String designDoc, Integer designDocVersion) {
    }

    public record FailBody(String reason) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    WorkSessionService sessions;

    @GET
    public List<SessionAnswer> list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("type") String type,
                                    @QueryParam("target") String target) {
        Access access = projectAccess.read(slug);
        return sessions.list(access.project().id, WorkSessionFilter.of(
                QueryParams.oneOf("status", status, WorkSession.STATUSES), QueryParams.oneOf("type", type, WorkSession.TYPES),
                QueryParams.oneOf("target", target, WorkSession.TARGET_TYPES))).stream().map(WorkSessionApi::answer).toList();
    }

    @RoleFirst.Member
    @POST
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionAnswer.class)))
    public Response create(@PathParam("slug") String slug, SessionBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        SessionBody b = ComponentApi.body(body);
        WorkSession w = sessions.create(access, new WorkSessionForm(b.sessionType(), b.targetType(), b.targetId()));
        return Response.status(201).entity(answer(access, w.id)).build();
    }

    @GET
    @Path("/{id}")
    public SessionAnswer get(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.read(slug);
        return answer(access, uuid(id));
    }

    @RoleFirst.Member
    @POST
    @Path("/claim-next")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionAnswer.class)))
    @APIResponse(responseCode = "204", description = "Nothing is ready to be claimed")
    public Response claimNext(@PathParam("slug") String slug, @QueryParam("type") String type) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        // An unknown filter is 400 naming the parameter, as on the list (the service's 422 is for the MCP argument).
        return sessions.claimNext(access, QueryParams.oneOf("type", type, WorkSession.TYPES))
                .map(w -> Response.ok(answer(access, w.id)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/claim")
    public SessionAnswer claim(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        sessions.claim(access, uuid(id));
        return answer(access, uuid(id));
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/complete")
    public SessionAnswer complete(@PathParam("slug") String slug, @PathParam("id") String id, CompleteBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        CompleteBody b = body == null ? new CompleteBody(null, null, null) : body;
        sessions.complete(access, uuid(id), new WorkSessionFinishForm(b.note(), b.designDoc(), b.designDocVersion()));
        return answer(access, uuid(id));
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/fail")
    public SessionAnswer fail(@PathParam("slug") String slug, @PathParam("id") String id, FailBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.workSession(access, uuid(id));
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw ValidationException.of("reason", "Say why it failed");
        }
        // The web form's field is the note; the API's (and fail_work_session's) is the reason.
        ValidationException.renaming("note", "reason", () -> sessions.fail(access, uuid(id), body.reason()));
        return answer(access, uuid(id));
    }

    @RoleFirst.Member
    @POST
    @Path("/{id}/release")
    public SessionAnswer release(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        sessions.release(access, uuid(id));
        return answer(access, uuid(id));
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/retry")
    public SessionAnswer retry(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.LEAD);
        sessions.retry(access, uuid(id));
        return answer(access, uuid(id));
    }

    private SessionAnswer answer(Access access, UUID id) {
        return answer(sessions.row(access.project().id, id));
    }

    static SessionAnswer answer(WorkSessionRow r) {
        return new SessionAnswer(r.id(), r.sessionType(), r.targetType(), r.targetId(), r.targetName(), r.status(), r.resultNote(),
                r.claimedBy(), r.claimedAt(), r.completedAt(), r.createdAt());
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such work session in this project");
    }
}
