package dev.specboard.api;

import dev.specboard.web.ValidationException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.RawMessage;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.specboard.spec.ImplementationTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/** Technical specs and their implementation tasks as MCP tools; each calls its JSON API twin ({@link SpecApi}, {@link TaskApi}). */
public class SpecTools {

    /** What claim_next_task gives: the claimed task with its phase, or {@code claimed: false} when none is ready (the API's 204). */
    @RegisterForReflection
    public record NextTaskAnswer(boolean claimed, TaskApi.ContextAnswer task, String reason) {
    }

    private static final String PAST_WIP_LIMIT = "true to go past the column's WIP limit (a call without it is refused with the limit when the column is full)";
    private static final String WORKTREE = "where you work on it: the path of your git worktree, shown with the task while you hold it";

    @Inject
    SpecApi specApi;

    @Inject
    TaskApi taskApi;

    @Inject
    EntityManager em;

    @Inject
    dev.specboard.project.ProjectAccess projectAccess;

    @Inject
    BoardApi boardApi;

    /** One column of the task board and its WIP limit, null for none. */
    @RegisterForReflection
    public record ColumnLimit(String column, Integer wipLimit) {
    }

    @Tool(name = "list_specs", description = "Lists a project's technical specs (SPEC-n), or one story's, or those in one status, with their type, "
            + "status, task counts, hours and current phase.",
            outputSchema = @Tool.OutputSchema(from = SpecApi.SpecRowAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<SpecApi.SpecRowAnswer> listSpecs(@ToolArg(description = "project slug") String project,
                                                 @ToolArg(description = "only the specs of this story (12 for US-12)", required = false)
                                                 Integer storyNumber,
                                                 @ToolArg(description = "only the specs in this status: draft, approved, in_progress or complete",
                                                         required = false) String status) {
        // The API's query parameter is story; a refusal names the argument the agent sent.
        return call("story", "storyNumber", () -> specApi.listSpecs(project, storyNumber == null ? null : storyNumber.toString(), status));
    }

    @Tool(name = "get_board_limits", description = "Returns each column of the task board with its WIP limit (null for none; merged and failed take none), as a lead set "
            + "them: a claim, start or completion into a column that already holds its limit is refused unless overWipLimit is true.",
            outputSchema = @Tool.OutputSchema(from = ColumnLimit.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ColumnLimit> getBoardLimits(@ToolArg(description = "project slug") String project) {
        return call(() -> boardApi.limits(project).entrySet().stream().map(e -> new ColumnLimit(e.getKey(), e.getValue())).toList());
    }

    @Tool(name = "set_wip_limits", description = "Sets the WIP limits of the board's columns named (lead role), as PUT .../board/limits does: "
            + "a number from 1 to 10000, or null for none; the columns not named keep theirs. Answers every column with its limit.",
            outputSchema = @Tool.OutputSchema(from = ColumnLimit.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ColumnLimit> setWipLimits(@ToolArg(description = "project slug") String project,
                                          @ToolArg(description = "the columns to set, e.g. [{\"column\": \"in_progress\", \"wipLimit\": 3}]")
                                          List<ColumnLimit> limits) {
        return call(() -> {
            // A LinkedHashMap, as the API's body is: a null limit (none) is a value here.
            Map<String, Integer> body = limits == null ? null : new LinkedHashMap<>();
            FormErrors errors = FormErrors.none();
            for (int i = 0; limits != null && i < limits.size(); i++) {
                ColumnLimit l = limits.get(i);
                if (l == null) {
                    errors.add("limits[" + i + "]", "A limit is an object with a column and a wipLimit, not null");
                } else if (l.column() == null || l.column().isBlank()) {
                    errors.add("limits[" + i + "].column", "Required: the column whose limit this is, e.g. in_progress");
                } else {
                    body.put(l.column(), l.wipLimit());
                }
            }
            if (errors.any()) {
                throw new ValidationException(errors);
            }
            return boardApi.setLimits(project, body).entrySet().stream().map(e -> new ColumnLimit(e.getKey(), e.getValue())).toList();
        });
    }

    @Tool(name = "get_spec", description = "Returns one spec with its content or phases, dependencies, tasks and revisions.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public SpecApi.SpecAnswer getSpec(@ToolArg(description = "project slug") String project,
                                      @ToolArg(description = "spec key, e.g. SPEC-3") String spec) {
        return call(() -> specApi.getSpec(project, spec));
    }

    @Tool(name = "create_spec", description = "Creates a technical spec. A hierarchical spec has phases (name: lowercase letters, digits and hyphens), "
            + "and each phase becomes one pending task TASK-n-k; a monolithic spec has content and one task.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public SpecApi.SpecCreated createSpec(@ToolArg(description = "project slug") String project,
                                          @ToolArg(description = "title") String title,
                                          @ToolArg(description = "monolithic or hierarchical") String specType,
                                          @ToolArg(description = "number of the story it implements (12 for US-12)", required = false) Integer storyNumber,
                                          @ToolArg(description = "markdown content of a monolithic spec", required = false) String content,
                                          @ToolArg(description = "overview of a hierarchical spec", required = false) String overview,
                                          @ToolArg(description = "phases of a hierarchical spec: name, description, hours, content, assignedFiles, branchName (optional: the git branch its task works on)",
                                                  required = false) List<SpecApi.PhaseBody> phases,
                                          @ToolArg(description = "keys of specs this one depends on, e.g. [\"SPEC-2\"]", required = false)
                                          List<String> dependsOn) {
        return entity(SpecApi.SpecCreated.class, () -> specApi.createSpec(project,
                new SpecApi.SpecBody(java.util.Optional.ofNullable(storyNumber), title, specType, content, overview, null, null, phases, dependsOn, null)));
    }

    @Tool(name = "update_spec", description = "Saves a new version of a spec, based on the version you read (a stale version is refused). "
            + "Send every phase: a new phase adds its task (this is how to add a phase), a changed one updates its pending task, "
            + "a dropped one removes its pending task. Arguments left out keep their value (story, title, content, phases, dependencies); "
            + "storyNumber sent as null unlinks the spec from its story.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public SpecApi.SpecAnswer updateSpec(@ToolArg(description = "project slug") String project,
                                         @ToolArg(description = "spec key, e.g. SPEC-3") String spec,
                                         @ToolArg(description = "the version your edit is based on") int version,
                                         @ToolArg(description = "number of the story it implements (12 for US-12); left out: kept; "
                                                 + "null (\"storyNumber\": null) unlinks the spec from its story", required = false) Integer storyNumber,
                                         @ToolArg(description = "title (none: kept)", required = false) String title,
                                         @ToolArg(description = "monolithic or hierarchical (none: kept; it cannot change)", required = false)
                                         String specType,
                                         @ToolArg(description = "markdown content of a monolithic spec", required = false) String content,
                                         @ToolArg(description = "overview of a hierarchical spec", required = false) String overview,
                                         @ToolArg(description = "all phases of a hierarchical spec (none: kept)", required = false) List<SpecApi.PhaseBody> phases,
                                         @ToolArg(description = "keys of specs this one depends on", required = false) List<String> dependsOn,
                                         RawMessage message) {
        // The library gives null for an argument left out and for one sent as null: only the message tells them apart.
        java.util.Optional<Integer> story = storyNumber != null ? java.util.Optional.of(storyNumber)
                : sentAsNull(message, "storyNumber") ? java.util.Optional.empty() : null;
        return call(() -> specApi.updateSpec(project, spec,
                new SpecApi.SpecBody(story, title, specType, content, overview, null, null, phases, dependsOn, version)));
    }

    @Tool(name = "approve_spec", description = "Approves a spec (lead role). Pass the version you read: if the spec was edited since, nothing is approved.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public SpecApi.SpecAnswer approveSpec(@ToolArg(description = "project slug") String project,
                                          @ToolArg(description = "spec key, e.g. SPEC-3") String spec,
                                          @ToolArg(description = "the version you read (omit: the current one)", required = false) Integer version,
                                          @ToolArg(description = "true: instead, mark a dirty spec (its story changed since) reviewed: it still holds",
                                                  required = false) Boolean reviewed) {
        return call(() -> Boolean.TRUE.equals(reviewed) ? specApi.markSpecReviewed(project, spec)
                : specApi.approveSpec(project, spec, new ApproveBody(version)));
    }

    @Tool(name = "list_tasks", description = "Lists a project's implementation tasks by spec and task number, optionally by status (pending, claimed, "
            + "in_progress, completed, merged, failed) and spec key (SPEC-3): all of them, or 50 a page when a page is given.",
            outputSchema = @Tool.OutputSchema(from = TaskApi.TaskAnswer.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<TaskApi.TaskAnswer> listTasks(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "status filter", required = false) String status,
                                              @ToolArg(description = "spec key filter", required = false) String spec,
                                              @ToolArg(description = "page number from 1, 50 tasks a page (none: every task); a page past the end is empty",
                                                      required = false) Integer page) {
        return call(() -> taskApi.listTasks(project, status, spec, QueryValues.page(page)));
    }

    @Tool(name = "get_task", description = "Returns a task with its history (every status change, who, why) and its progress notes.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public TaskApi.TaskHistoryAnswer getTask(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "task key, e.g. TASK-3-1") String task) {
        return call(() -> taskApi.getTask(project, task));
    }

    @Tool(name = "claim_next_task", description = "Atomically claims the best ready task of a project (by priority, then specs others depend on, then age; never one whose "
            + "files overlap held work) and returns it with its spec's overview, its own phase (only that phase) and its notes; "
            + "claimed is false when none is handed out, and reason says why: none-pending, blocked or overlapping.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public NextTaskAnswer claimNextTask(@ToolArg(description = "project slug") String project,
                                        @ToolArg(description = PAST_WIP_LIMIT, required = false) Boolean overWipLimit,
                                        @ToolArg(description = WORKTREE, required = false) String worktreePath) {
        return call(() -> holding(project, worktreePath, () -> nextTask(taskApi.claimNextTask(project, overWipLimit)),
                next -> next.task() == null ? null : next.task().task(),
                (next, recorded) -> new NextTaskAnswer(true, new TaskApi.ContextAnswer(recorded, next.task().spec(), next.task().phase(),
                        next.task().notes()), null)));
    }

    @Tool(name = "get_task_context", description = "Returns a task with its spec's overview and its own phase content (progressive disclosure).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public TaskApi.ContextAnswer getTaskContext(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "task key, e.g. TASK-3-1") String task) {
        return call(() -> taskApi.taskContext(project, task));
    }

    @Tool(name = "claim_task", description = "Claims one task; refused when someone else has it, a task someone holds shares one of its "
            + "assigned files (the refusal names the files, that task and its claimer), or its spec's dependencies are not complete.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer claimTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                        @ToolArg(description = PAST_WIP_LIMIT, required = false) Boolean overWipLimit,
                                        @ToolArg(description = WORKTREE, required = false) String worktreePath) {
        return call(() -> holding(project, worktreePath, () -> taskApi.claimTask(project, task, overWipLimit),
                claimed -> claimed, (claimed, recorded) -> recorded));
    }

    @Tool(name = "start_task", description = "Moves a task you claimed to in_progress.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer startTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                        @ToolArg(description = PAST_WIP_LIMIT, required = false) Boolean overWipLimit,
                                        @ToolArg(description = WORKTREE, required = false) String worktreePath) {
        return call(() -> holding(project, worktreePath, () -> taskApi.startTask(project, task, overWipLimit),
                started -> started, (started, recorded) -> recorded));
    }

    /**
     * Claims or starts a task through the API and then, when the caller says where it works on it, records that worktree
     * on the task it now holds (none: claim-next handed nothing out); the path is checked before the claim, so that a bad
     * one refuses the call, not half of it.
     */
    private <T> T holding(String project, String worktreePath, Supplier<T> hold, Function<T, TaskApi.TaskAnswer> heldTask,
                          BiFunction<T, TaskApi.TaskAnswer, T> withRecorded) {
        // The project's policy first, as the API answers (non-member 404, role 403, archived 409), then the path.
        projectAccess.write(project, dev.specboard.kernel.Role.MEMBER);
        ImplementationTask.worktreePath(worktreePath);
        T answer = hold.get();
        TaskApi.TaskAnswer held = heldTask.apply(answer);
        if (worktreePath == null || held == null) {
            return answer;
        }
        // Both calls share this request's session, which still holds the task as the claim's answer read it: recording
        // commits in a transaction of its own, and its answer, read through that stale copy, showed no worktree.
        em.clear();
        return withRecorded.apply(answer, taskApi.recordWorktree(project, held.key(), new TaskApi.WorktreeBody(worktreePath)));
    }

    /** Claim-next's answer as the tool gives it: the API's 204 says why nothing was handed out in its reason header. */
    private static NextTaskAnswer nextTask(Response answer) {
        TaskApi.ContextAnswer claimed = (TaskApi.ContextAnswer) answer.getEntity();
        return new NextTaskAnswer(claimed != null, claimed, claimed != null ? null : answer.getHeaderString(TaskApi.REASON_HEADER));
    }

    @Tool(name = "complete_task", description = "Completes a task with the commit SHA of the work (all 40 hex digits, or git's short form once a repository is synced); it becomes merged once that commit is on the default branch.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer completeTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                           @ToolArg(description = "commit SHA: 40 hex digits, or a short form such as abc1234 that names one commit of a synced repository") String commitSha,
                                           @ToolArg(description = "actual hours spent", required = false) Double actualHours,
                                           @ToolArg(description = PAST_WIP_LIMIT, required = false) Boolean overWipLimit) {
        return call(() -> taskApi.completeTask(project, task, overWipLimit, new TaskApi.CompleteBody(commitSha, hours(actualHours))));
    }

    /**
     * Hours as the API reads them. A JSON number beyond a double's range (1e400) arrives infinite, which BigDecimal refused
     * with its own words; as the largest double of its sign it is out of range, and refused naming the field, as the API does.
     */
    private static BigDecimal hours(Double hours) {
        if (hours == null) {
            return null;
        }
        return BigDecimal.valueOf(Double.isInfinite(hours) ? Math.copySign(Double.MAX_VALUE, hours) : hours);
    }

    @Tool(name = "fail_task", description = "Marks a task failed with the reason.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer failTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                       @ToolArg(description = "why it failed") String reason) {
        return call(() -> taskApi.failTask(project, task, new TaskApi.FailBody(reason)));
    }

    /**
     * Whether the tool call sent this argument as JSON null: the library gives a tool null for it, as for one left out,
     * where an edit keeps what is left out and clears what is sent as null.
     */
    private static boolean sentAsNull(RawMessage message, String argument) {
        io.vertx.core.json.JsonObject params = message == null ? null : message.asJsonObject().getJsonObject("params");
        io.vertx.core.json.JsonObject arguments = params == null ? null : params.getJsonObject("arguments");
        return arguments != null && arguments.containsKey(argument) && arguments.getValue(argument) == null;
    }

    /** A tool's optional flag as the API's query text (the API reads its text so that a malformed value is a 400). */
}
