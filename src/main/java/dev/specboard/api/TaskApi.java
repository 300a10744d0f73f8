package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.spec.ImplementationTask;
import dev.specboard.spec.TaskClaims;
import dev.specboard.spec.TaskEvent;
import dev.specboard.spec.TaskLeases;
import dev.specboard.spec.TaskNotes;
import dev.specboard.spec.TaskNoteRow;
import dev.specboard.spec.TaskRow;
import dev.specboard.spec.TaskQueries;
import dev.specboard.spec.TaskService;
import dev.specboard.spec.WipLimitExceeded;
import dev.specboard.spec.TaskStatus;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The task calls of API v1 for agents: list, claim (one winner), claim-next (best ready task, or
 * 204 with the reason in {@code Specboard-Reason}), start, complete, fail, and the context of one
 * task's phase only; and for an agent at work: heartbeat (extends the claim's lease), release,
 * retry, progress notes and the priority. Every transition is logged as
 * made through a token.
 */
@Path("/api/v1/projects/{slug}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskApi {

    @RegisterForReflection
    public record TaskAnswer(String key, String spec, String scope, String scopeDescription, String status, String claimedBy,
                             String branchName, String commitSha, List<String> assignedFiles, BigDecimal estimatedHours,
                             BigDecimal actualHours, boolean blocked, Instant claimedAt, Instant startedAt, Instant completedAt,
                             Instant mergedAt, String failureReason, String priority, Instant leaseExpiresAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String commitCheck, String worktreePath) {
    }

    @RegisterForReflection
    /** A progress-log entry; {@code kind} tells the claimer's own progress from a comment by anyone else. */
    public record NoteAnswer(UUID id, String author, String via, String body, String html, Instant createdAt,
                             @Schema(enumeration = {"progress", "comment"}, description = "progress: written by the task's claimer while"
                                     + " holding it; comment: by anyone else (the task was free, or held by another)") String kind) {
    }

    @RegisterForReflection
    /** The task's spec; {@code dirty}: its story changed since the spec was last reviewed, so the work may need redoing. */
    public record SpecBriefAnswer(String key, String title, String overview, boolean dirty) {
    }

    @RegisterForReflection
    public record PhaseAnswer(String name, String description, BigDecimal hours, String content, List<String> assignedFiles) {
    }

    @RegisterForReflection
    public record ContextAnswer(TaskAnswer task, SpecBriefAnswer spec, PhaseAnswer phase, List<NoteAnswer> notes) {
    }

    @RegisterForReflection
    public record EventAnswer(String from, String to, String actor, String via, String note, Instant at) {
    }

    @RegisterForReflection
    public record TaskHistoryAnswer(TaskAnswer task, List<EventAnswer> events, List<NoteAnswer> notes) {
    }

    @RegisterForReflection
    public record CompleteBody(String commitSha, BigDecimal actualHours) {
    }

    @RegisterForReflection
    public record FailBody(String reason) {
    }

    @Inject
    ListPaging paging;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TaskService tasks;

    @Inject
    TaskQueries taskQueries;

    @Inject
    TaskClaims claims;

    @Inject
    TaskLeases leases;

    @Inject
    TaskNotes taskNotes;

    /** The header of a 204 from claim-next: why nothing was handed out ({@code none-pending}, {@code blocked}, {@code overlapping}). */
    public static final String REASON_HEADER = "Specboard-Reason";

    @GET
    public List<TaskAnswer> listTasks(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("spec") String spec,
                                      @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        TaskStatus s = QueryParams.oneOf("status", status, TaskStatus.values(), v -> v.name().toLowerCase(java.util.Locale.ROOT));
        String specKey = TechnicalSpec.filterKey(spec);
        List<TaskRow> rows = taskQueries.list(access.project(), s, specKey, page);
        if (page != null) {
            // One count under the same filter: X-Total-Count and the last page, as the stories give them.
            paging.counted(page, taskQueries.count(access.project(), s, specKey), TaskQueries.PAGE_SIZE);
            return rows.stream().map(TaskApi::answer).toList();
        }
        return paging.whole(rows).stream().map(TaskApi::answer).toList();
    }

    @RoleFirst.Member
    @POST
    @Path("claim-next")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContextAnswer.class)))
    @APIResponse(responseCode = "204", description = "Nothing is ready to be claimed")
    public Response claimNextTask(@PathParam("slug") String slug, @QueryParam(WipLimitExceeded.OVERRIDE) Boolean overWipLimit) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return claims.claimNext(access, actor(access, overWipLimit))
                .map(c -> Response.ok(context(c.context(), c.hasNotes() ? notes(access, c.taskKey()) : List.of())).build())
                .orElseGet(() -> Response.noContent().header(REASON_HEADER, claims.whyNothingReady(access.project())).build());
    }

    @GET
    @Path("{key}")
    public TaskHistoryAnswer getTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return new TaskHistoryAnswer(answer(taskQueries.row(access.project(), key)), taskQueries.history(access.project(), key).stream()
                .map(e -> new EventAnswer(e.from() == null ? null : e.from().value(), e.to().value(), e.actor(), e.via(), e.note(), e.at()))
                .toList(), notes(access, key));
    }

    @GET
    @Path("{key}/context")
    public ContextAnswer taskContext(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return context(access, key);
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/claim")
    public TaskAnswer claimTask(@PathParam("slug") String slug, @PathParam("key") String key,
                                @QueryParam(WipLimitExceeded.OVERRIDE) Boolean overWipLimit) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, claims.claim(access, key, actor(access, overWipLimit)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/start")
    public TaskAnswer startTask(@PathParam("slug") String slug, @PathParam("key") String key,
                                @QueryParam(WipLimitExceeded.OVERRIDE) Boolean overWipLimit) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, tasks.start(access, key, actor(access, overWipLimit)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer completeTask(@PathParam("slug") String slug, @PathParam("key") String key,
                                   @QueryParam(WipLimitExceeded.OVERRIDE) Boolean overWipLimit, CompleteBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TaskService.Completion done = tasks.complete(access, key, body == null ? null : body.commitSha(),
                body == null ? null : body.actualHours(), actor(access, overWipLimit));
        return answer(taskQueries.row(access.project(), done.task().taskKey), done.commitChecked() ? "verified"
                : "not checked: no repository of the project has been synced yet, so the commit could not be looked up");
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer failTask(@PathParam("slug") String slug, @PathParam("key") String key, FailBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.task(access, key);
        return answer(access, tasks.fail(access, key, body == null ? null : body.reason(), actor(access)));
    }

    @RegisterForReflection
    public record NoteBody(String body) {
    }

    @RegisterForReflection
    public record PriorityBody(String priority) {
    }

    @RegisterForReflection
    public record WorktreeBody(String worktreePath) {
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/heartbeat")
    public TaskAnswer heartbeatTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, leases.heartbeat(access, key, actor(access)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/release")
    public TaskAnswer releaseTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, tasks.release(access, key, actor(access)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/retry")
    public TaskAnswer retryTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, tasks.retry(access, key, actor(access)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/reopen")
    public TaskAnswer reopenTask(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return answer(access, tasks.reopen(access, key, actor(access)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/worktree")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer recordWorktree(@PathParam("slug") String slug, @PathParam("key") String key, WorktreeBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.task(access, key);
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required: {\"worktreePath\": \"/path\"}, or null to clear it");
        }
        return answer(access, tasks.recordWorktree(access, key, body.worktreePath(), actor(access)));
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The note, added to the progress log", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteAnswer.class)))
    public Response addTaskNote(@PathParam("slug") String slug, @PathParam("key") String key, NoteBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.task(access, key);
        TaskNoteRow n = taskNotes.addNote(access, key, body == null ? null : body.body(), actor(access));
        return Response.status(201).entity(note(n)).build();
    }

    @RoleFirst.Member
    @POST
    @Path("{key}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskAnswer prioritizeTask(@PathParam("slug") String slug, @PathParam("key") String key, PriorityBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Addressed.task(access, key);
        return answer(access, tasks.prioritize(access, key, body == null ? null : body.priority()));
    }

    private ContextAnswer context(Access access, String key) {
        return context(taskQueries.context(access.project(), key), notes(access, key));
    }

    private static ContextAnswer context(TaskQueries.TaskContextView c, List<NoteAnswer> notes) {
        return new ContextAnswer(answer(c.task()), new SpecBriefAnswer(c.specKey(), c.specTitle(), c.overview(), c.specDirty()),
                new PhaseAnswer(c.phaseName(), c.phaseDescription(), c.phaseHours(), c.phaseContent(), c.assignedFiles()), notes);
    }

    private List<NoteAnswer> notes(Access access, String key) {
        return taskNotes.notes(access.project(), key).stream().map(TaskApi::note).toList();
    }

    static NoteAnswer note(TaskNoteRow n) {
        return new NoteAnswer(n.id(), n.author(), n.via(), n.body(), n.html(), n.createdAt(), n.kind());
    }

    static TaskService.Actor actor(Access access) {
        return new TaskService.Actor(access.accountId(), TaskEvent.VIA_TOKEN);
    }

    /** A call's answer about the task it moved or changed, read again as a row (its spec key, blocked flag, claimer's name). */
    private TaskAnswer answer(Access access, ImplementationTask task) {
        return answer(taskQueries.row(access.project(), task.taskKey));
    }

    /** Who acts through the API, and whether the call said to go past a full column's WIP limit. */
    private static TaskService.Actor actor(Access access, Boolean overWipLimit) {
        return actor(access).pastWipLimit(Boolean.TRUE.equals(overWipLimit));
    }

    static TaskAnswer answer(TaskRow t) {
        return answer(t, null);
    }

    private static TaskAnswer answer(TaskRow t, String commitCheck) {
        return new TaskAnswer(t.key(), t.specKey(), t.scope(), t.scopeDescription(), t.status().value(), t.claimedBy(), t.branchName(),
                t.commitSha(), t.assignedFiles(), t.estimatedHours(), t.actualHours(), t.blocked(), t.claimedAt(), t.startedAt(),
                t.completedAt(), t.mergedAt(), t.failureReason(), t.priority().value(), t.leaseExpiresAt(), commitCheck, t.worktreePath());
    }
}
