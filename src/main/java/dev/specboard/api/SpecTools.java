package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/** Technical specs and their implementation tasks as MCP tools; each calls its JSON API twin ({@link SpecApi}, {@link TaskApi}). */
public class SpecTools {

    /** What claim_next_task gives: the claimed task with its phase, or {@code claimed: false} when none is ready (the API's 204). */
    @RegisterForReflection
    public record NextTaskAnswer(boolean claimed, TaskApi.ContextAnswer task, String reason) {
    }

    @Inject
    SpecApi specApi;

    @Inject
    TaskApi taskApi;

    @Tool(name = "list_specs", description = "Lists a project's technical specs (SPEC-n) with their type, status, task counts and hours.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public List<SpecApi.SpecRowAnswer> listSpecs(@ToolArg(description = "project slug") String project) {
        return call(() -> specApi.listSpecs(project));
    }

    @Tool(name = "get_spec", description = "Returns one spec with its content or phases, dependencies, tasks and revisions.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
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
                                          @ToolArg(description = "phases of a hierarchical spec: name, description, hours, content, assignedFiles",
                                                  required = false) List<SpecApi.PhaseBody> phases,
                                          @ToolArg(description = "keys of specs this one depends on, e.g. [\"SPEC-2\"]", required = false)
                                          List<String> dependsOn) {
        return entity(SpecApi.SpecCreated.class, () -> specApi.createSpec(project,
                new SpecApi.SpecBody(storyNumber, title, specType, content, overview, null, null, phases, dependsOn, null)));
    }

    @Tool(name = "update_spec", description = "Saves a new version of a spec, based on the version you read (a stale version is refused). "
            + "Send every phase: a new phase adds its task (this is how to add a phase), a changed one updates its pending task, "
            + "a dropped one removes its pending task.",
            structuredContent = true, annotations = @Tool.Annotations(openWorldHint = false))
    public SpecApi.SpecAnswer updateSpec(@ToolArg(description = "project slug") String project,
                                         @ToolArg(description = "spec key, e.g. SPEC-3") String spec,
                                         @ToolArg(description = "the version your edit is based on") int version,
                                         @ToolArg(description = "title") String title,
                                         @ToolArg(description = "monolithic or hierarchical") String specType,
                                         @ToolArg(description = "markdown content of a monolithic spec", required = false) String content,
                                         @ToolArg(description = "overview of a hierarchical spec", required = false) String overview,
                                         @ToolArg(description = "all phases of a hierarchical spec", required = false) List<SpecApi.PhaseBody> phases,
                                         @ToolArg(description = "keys of specs this one depends on", required = false) List<String> dependsOn) {
        return call(() -> specApi.updateSpec(project, spec,
                new SpecApi.SpecBody(null, title, specType, content, overview, null, null, phases, dependsOn, version)));
    }

    @Tool(name = "list_tasks", description = "Lists a project's implementation tasks, optionally by status (pending, claimed, in_progress, completed, merged, failed) and spec key (SPEC-3).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public List<TaskApi.TaskAnswer> listTasks(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "status filter", required = false) String status,
                                              @ToolArg(description = "spec key filter", required = false) String spec) {
        return call(() -> taskApi.listTasks(project, status, spec));
    }

    @Tool(name = "get_task", description = "Returns a task with its history (every status change, who, why) and its progress notes.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public TaskApi.TaskHistoryAnswer getTask(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "task key, e.g. TASK-3-1") String task) {
        return call(() -> taskApi.getTask(project, task));
    }

    @Tool(name = "claim_next_task", description = "Atomically claims the best ready task of a project (by priority, then specs others depend on, then age; never one whose "
            + "files overlap held work) and returns it with its spec's overview, its own phase (only that phase) and its notes; "
            + "claimed is false when none is handed out, and reason says why: none-pending, blocked or overlapping.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public NextTaskAnswer claimNextTask(@ToolArg(description = "project slug") String project,
                                        @ToolArg(description = "true to go past the column's WIP limit (a call without it is refused with the limit when the column is full)", required = false) Boolean overWipLimit,
                                        @ToolArg(description = "where you work on it: the path of your git worktree, shown with the task while you hold it", required = false) String worktreePath) {
        return call(() -> {
            dev.specboard.spec.ImplementationTask.worktreePath(worktreePath);
            jakarta.ws.rs.core.Response answer = taskApi.claimNextTask(project, flag(overWipLimit));
            TaskApi.ContextAnswer claimed = (TaskApi.ContextAnswer) answer.getEntity();
            if (claimed != null && worktreePath != null) {
                claimed = new TaskApi.ContextAnswer(worktree(project, claimed.task().key(), worktreePath), claimed.spec(), claimed.phase(), claimed.notes());
            }
            // The API's 204 says why nothing was handed out in its Specboard-Reason header.
            return new NextTaskAnswer(claimed != null, claimed, claimed != null ? null : answer.getHeaderString("Specboard-Reason"));
        });
    }

    @Tool(name = "get_task_context", description = "Returns a task with its spec's overview and its own phase content (progressive disclosure).",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public TaskApi.ContextAnswer getTaskContext(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "task key, e.g. TASK-3-1") String task) {
        return call(() -> taskApi.taskContext(project, task));
    }

    @Tool(name = "claim_task", description = "Claims one task; refused when someone else has it or its spec's dependencies are not complete.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer claimTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                        @ToolArg(description = "true to go past the column's WIP limit (a call without it is refused with the limit when the column is full)", required = false) Boolean overWipLimit,
                                        @ToolArg(description = "where you work on it: the path of your git worktree, shown with the task while you hold it", required = false) String worktreePath) {
        return call(() -> {
            dev.specboard.spec.ImplementationTask.worktreePath(worktreePath);
            TaskApi.TaskAnswer claimed = taskApi.claimTask(project, task, flag(overWipLimit));
            return worktreePath == null ? claimed : worktree(project, claimed.key(), worktreePath);
        });
    }

    @Tool(name = "start_task", description = "Moves a task you claimed to in_progress.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer startTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                        @ToolArg(description = "true to go past the column's WIP limit (a call without it is refused with the limit when the column is full)", required = false) Boolean overWipLimit,
                                        @ToolArg(description = "where you work on it: the path of your git worktree, shown with the task while you hold it", required = false) String worktreePath) {
        return call(() -> {
            dev.specboard.spec.ImplementationTask.worktreePath(worktreePath);
            TaskApi.TaskAnswer started = taskApi.startTask(project, task, flag(overWipLimit));
            return worktreePath == null ? started : worktree(project, started.key(), worktreePath);
        });
    }

    /** Records the claimer's worktree after a claim or start (checked before it, so a bad path refuses the call, not half of it). */
    private TaskApi.TaskAnswer worktree(String project, String task, String worktreePath) {
        return taskApi.recordWorktree(project, task, new TaskApi.WorktreeBody(worktreePath));
    }

    @Tool(name = "complete_task", description = "Completes a task with the commit SHA of the work (all 40 hex digits, or git's short form once a repository is synced); it becomes merged once that commit is on the default branch.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer completeTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                           @ToolArg(description = "commit SHA: 40 hex digits, or a short form such as abc1234 that names one commit of a synced repository") String commitSha,
                                           @ToolArg(description = "actual hours spent", required = false) Double actualHours,
                                           @ToolArg(description = "true to go past the column's WIP limit (a call without it is refused with the limit when the column is full)", required = false) Boolean overWipLimit) {
        return call(() -> taskApi.completeTask(project, task, flag(overWipLimit), new TaskApi.CompleteBody(commitSha,
                actualHours == null ? null : BigDecimal.valueOf(actualHours))));
    }

    @Tool(name = "fail_task", description = "Marks a task failed with the reason.",
            structuredContent = true, annotations = @Tool.Annotations(openWorldHint = false))
    public TaskApi.TaskAnswer failTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                       @ToolArg(description = "why it failed") String reason) {
        return call(() -> taskApi.failTask(project, task, new TaskApi.FailBody(reason)));
    }

    /** A tool's optional flag as the API's query text (the API reads its text so that a malformed value is a 400). */
    private static String flag(Boolean value) {
        return Boolean.TRUE.equals(value) ? "true" : null;
    }
}
