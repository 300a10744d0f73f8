package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/**
 * An agent at work on a task, as MCP tools: each calls its JSON API twin with the caller's token and
 * role. Creating and revoking tokens stays with people and scripts (the account page, the JSON API).
 */
public class AgentTools {

    @Inject
    TaskApi taskApi;

    @Inject
    AccountApi accountApi;

    @Tool(name = "heartbeat_task", description = "Extends the lease of a task you hold by the project's lease length (30 minutes by default). Once the lease lapses without a heartbeat the task is pending again for anyone at once, and a heartbeat, start or completion of it is refused: claim it again.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public TaskApi.TaskAnswer heartbeatTask(@ToolArg(description = "project slug") String project,
                                            @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.heartbeatTask(project, task));
    }

    @Tool(name = "release_task", description = "Gives a claimed or started task back: it is pending again, for anyone (its claimer or a lead).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer releaseTask(@ToolArg(description = "project slug") String project,
                                          @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.releaseTask(project, task));
    }

    @Tool(name = "retry_task", description = "Returns a failed task to pending for another try; its failure stays in the history.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer retryTask(@ToolArg(description = "project slug") String project,
                                        @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.retryTask(project, task));
    }

    @Tool(name = "reopen_task", description = "Moves a completed task back to in progress, to finish what it lacks (its claimer or a lead).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.TaskAnswer reopenTask(@ToolArg(description = "project slug") String project,
                                         @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.reopenTask(project, task));
    }

    @Tool(name = "record_task_worktree", description = "Records where you work on a task you hold (the path of your git worktree), shown with the task "
            + "until the claim ends; without a path it clears it. Only the task's claimer may, while holding it.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public TaskApi.TaskAnswer recordTaskWorktree(@ToolArg(description = "project slug") String project,
                                                 @ToolArg(description = "task key") String task,
                                                 @ToolArg(description = "absolute path of your git worktree; leave out to clear it", required = false)
                                                 String worktreePath) {
        return call(() -> taskApi.recordWorktree(project, task, new TaskApi.WorktreeBody(worktreePath)));
    }

    @Tool(name = "add_task_note", description = "Adds an entry (markdown) to a task's progress log, shown on the task page and returned with the task and its context;"
            + " kind is progress when you hold the task, comment otherwise (it moves nothing and extends no lease).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public TaskApi.NoteAnswer addTaskNote(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                              @ToolArg(description = "the note, markdown") String body) {
        return entity(TaskApi.NoteAnswer.class, () -> taskApi.addTaskNote(project, task, new TaskApi.NoteBody(body)));
    }

    @Tool(name = "set_task_priority", description = "Sets a task's priority: urgent, high, normal or low. claim_next_task hands out urgent tasks first.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public TaskApi.TaskAnswer setTaskPriority(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "task key") String task,
                                              @ToolArg(description = "urgent, high, normal or low") String priority) {
        return call(() -> taskApi.prioritizeTask(project, task, new TaskApi.PriorityBody(priority)));
    }

    @Tool(name = "revoke_api_token", description = "Revokes one of your API tokens (a token limited to a project: that project's only).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, idempotentHint = true, openWorldHint = false))
    public DesignTools.Deleted revokeApiToken(@ToolArg(description = "token id (id of list_api_tokens)") String token) {
        return call(() -> {
            accountApi.revokeToken(token);
            return new DesignTools.Deleted("token", token);
        });
    }

    @Tool(name = "list_api_tokens", description = "Lists your API tokens (never their secret): name, prefix, project and role they are limited to, last use, revocation.",
            outputSchema = @Tool.OutputSchema(from = AccountApi.TokenRowAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<AccountApi.TokenRowAnswer> listApiTokens() {
        return call(() -> accountApi.listTokens());
    }
}
