package dev.specboard.api;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.spec.ImplementationTask;
import dev.specboard.spec.TaskEvent;
import dev.specboard.spec.TaskRow;
import dev.specboard.spec.TaskService;
import dev.specboard.spec.TaskStatus;
import dev.specboard.web.ApiException;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The task calls of API v1 for agents: list, claim (one winner), claim-next (oldest ready task),
 * start, complete, fail, and the context of one task's phase only. Every transition is logged as
 * made through a token.
 */
@Path("/api/v1/projects/{slug}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskApi {

    @RegisterForReflection
    public record TaskAnswer(String key, String spec, String scope, String scopeDescription, String status, String claimedBy,
                             String branchName, String commitSha, List<String> assignedFiles, BigDecimal estimatedHours,
                             BigDecimal actualHours, boolean blocked, Instant claimedAt, Instant startedAt, Instant completedAt,
                             Instant mergedAt, String failureReason) {
    }

    @RegisterForReflection
    public record SpecBriefAnswer(String key, String title, String overview) {
    }

    @RegisterForReflection
    public record PhaseAnswer(String name, String description, BigDecimal hours, String content, List<String> assignedFiles) {
    }

    @RegisterForReflection
    public record ContextAnswer(TaskAnswer task, SpecBriefAnswer spec, PhaseAnswer phase) {
    }

    @RegisterForReflection
    public record EventAnswer(String from, String to, String actor, String via, String note, Instant at) {
    }

    @RegisterForReflection
    public record TaskHistoryAnswer(TaskAnswer task, List<EventAnswer> events) {
    }

    @RegisterForReflection
    public record CompleteBody(String commitSha, BigDecimal actualHours) {
    }

    @RegisterForReflection
    public record FailBody(String reason) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TaskService tasks;

    @GET
    public List<TaskAnswer> listTasks(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("spec") String spec) {
        Access access = projectAccess.read(slug);
        TaskStatus s = null;
        if (status != null && !status.isBlank()) {
            s = TaskStatus.parse(status).orElseThrow(() -> ApiException.badRequest(
                    "Unknown status " + status + "; use pending, claimed, in_progress, completed, merged or failed"));
        }
        return tasks.list(access.project(), s, spec).stream().map(TaskApi::answer).toList();
    }

    @POST
    @Path("claim-next")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextAnswer.class)))
    @APIResponse(responseCode = "204", description = "Nothing is ready to be claimed")
    public Response claimNextTask(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return tasks.claimNext(access, actor(access))
                .map(t -> Response.ok(context(access, t.taskKey)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("{key}")
    public TaskHistoryAnswer getTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return new TaskHistoryAnswer(answer(tasks.row(access.project(), key)), tasks.history(access.project(), key).stream()
                .map(e -> new EventAnswer(e.from() == null ? null : e.from().value(), e.to().value(), e.actor(), e.via(), e.note(), e.at()))
                .toList());
    }

    @GET
    @Path("{key}/context")
    public ContextAnswer taskContext(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return context(access, key);
    }

    @POST
    @Path("{key}/claim")
    public TaskAnswer claimTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ImplementationTask t = tasks.claim(access, key, actor(access));
        return answer(tasks.row(access.project(), t.taskKey));
    }

    @POST
    @Path("{key}/start")
    public TaskAnswer startTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ImplementationTask t = tasks.start(access, key, actor(access));
        return answer(tasks.row(access.project(), t.taskKey));
    }

    @POST
    @Path("{key}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer completeTask(@PathParam("slug") String slug, @PathParam("key") String key, CompleteBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ImplementationTask t = tasks.complete(access, key, body == null ? null : body.commitSha(),
                body == null ? null : body.actualHours(), actor(access));
        return answer(tasks.row(access.project(), t.taskKey));
    }

    @POST
    @Path("{key}/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer failTask(@PathParam("slug") String slug, @PathParam("key") String key, FailBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ImplementationTask t = tasks.fail(access, key, body == null ? null : body.reason(), actor(access));
        return answer(tasks.row(access.project(), t.taskKey));
    }

    private ContextAnswer context(Access access, String key) {
        TaskService.TaskContextView c = tasks.context(access.project(), key);
        return new ContextAnswer(answer(c.task()), new SpecBriefAnswer(c.specKey(), c.specTitle(), c.overview()),
                new PhaseAnswer(c.phaseName(), c.phaseDescription(), c.phaseHours(), c.phaseContent(), c.assignedFiles()));
    }

    private static TaskService.Actor actor(Access access) {
        return new TaskService.Actor(access.accountId(), TaskEvent.VIA_TOKEN);
    }

    static TaskAnswer answer(TaskRow t) {
        return new TaskAnswer(t.key(), t.specKey(), t.scope(), t.scopeDescription(), t.status().value(), t.claimedBy(), t.branchName(),
                t.commitSha(), t.assignedFiles(), t.estimatedHours(), t.actualHours(), t.blocked(), t.claimedAt(), t.startedAt(),
                t.completedAt(), t.mergedAt(), t.failureReason());
    }
}
