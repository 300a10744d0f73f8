package dev.specboard.api;

import dev.specboard.account.CurrentUser;
import dev.specboard.project.ProjectService;
import dev.specboard.web.ApiException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Supplier;

/**
 * The API's operations as MCP tools, so coding agents can work Specboard directly. Each tool calls
 * the same service as its JSON API twin, with the caller's bearer token and role.
 */
public class McpTools {

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    TaskApi taskApi;

    @Inject
    StoryApi storyApi;

    @Inject
    RepoApi repoApi;

    @Inject
    ReviewApi reviewApi;

    @Tool(name = "list_projects", description = "Lists the projects you belong to, with your role in each.")
    public List<ProjectApi.ProjectRowAnswer> listProjects() {
        return call(() -> projects.listFor(currentUser.requireAccountId(), currentUser.isAdmin()).stream()
                .filter(r -> currentUser.tokenProjectId().map(r.id()::equals).orElse(true))
                .map(r -> new ProjectApi.ProjectRowAnswer(r.slug(), r.name(),
                        currentUser.tokenRole().map(t -> dev.specboard.kernel.Role.lower(t, r.role())).orElse(r.role()).value()))
                .toList());
    }

    @Tool(name = "list_tasks", description = "Lists a project's implementation tasks, optionally by status (pending, claimed, in_progress, completed, merged, failed) and spec key (SPEC-3).")
    public List<TaskApi.TaskAnswer> listTasks(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "status filter", required = false) String status,
                                              @ToolArg(description = "spec key filter", required = false) String spec) {
        return call(() -> taskApi.listTasks(project, status, spec));
    }

    @Tool(name = "claim_next_task", description = "Atomically claims the oldest ready task of a project and returns it with its phase (only that phase). Returns nothing when no task is ready.")
    public Object claimNextTask(@ToolArg(description = "project slug") String project) {
        return call(() -> {
            Object entity = taskApi.claimNextTask(project).getEntity();
            return entity == null ? "No task is ready to be claimed." : entity;
        });
    }

    @Tool(name = "get_task_context", description = "Returns a task with its spec's overview and its own phase content (progressive disclosure).")
    public TaskApi.ContextAnswer getTaskContext(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "task key, e.g. TASK-3-1") String task) {
        return call(() -> taskApi.taskContext(project, task));
    }

    @Tool(name = "claim_task", description = "Claims one task; fails when someone else has it or its spec's dependencies are not complete.")
    public TaskApi.TaskAnswer claimTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.claimTask(project, task));
    }

    @Tool(name = "start_task", description = "Moves a claimed task to in_progress.")
    public TaskApi.TaskAnswer startTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task) {
        return call(() -> taskApi.startTask(project, task));
    }

    @Tool(name = "complete_task", description = "Completes a task with the 40-hex commit SHA of the work; it becomes merged once that commit is on the default branch.")
    public TaskApi.TaskAnswer completeTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                           @ToolArg(description = "commit SHA (40 hex)") String commitSha,
                                           @ToolArg(description = "actual hours spent", required = false) Double actualHours) {
        return call(() -> taskApi.completeTask(project, task, new TaskApi.CompleteBody(commitSha,
                actualHours == null ? null : java.math.BigDecimal.valueOf(actualHours))));
    }

    @Tool(name = "fail_task", description = "Marks a task failed with the reason.")
    public TaskApi.TaskAnswer failTask(@ToolArg(description = "project slug") String project, @ToolArg(description = "task key") String task,
                                       @ToolArg(description = "why it failed") String reason) {
        return call(() -> taskApi.failTask(project, task, new TaskApi.FailBody(reason)));
    }

    @Tool(name = "list_stories", description = "Lists a project's user stories (US-n), optionally by status (draft, ready, implemented).")
    public Object listStories(@ToolArg(description = "project slug") String project,
                              @ToolArg(description = "status filter", required = false) String status) {
        return call(() -> storyApi.list(project, status));
    }

    @Tool(name = "get_story", description = "Returns one story with its acceptance criteria, EARS requirements and revisions.")
    public Object getStory(@ToolArg(description = "project slug") String project, @ToolArg(description = "story number (12 for US-12)") int number) {
        return call(() -> storyApi.get(project, number));
    }

    @Tool(name = "sync_repository", description = "Queues a sync of one of the project's repositories and returns the sync id.")
    public Object syncRepository(@ToolArg(description = "project slug") String project, @ToolArg(description = "repository name") String repository) {
        return call(() -> repoApi.sync(project, repository).getEntity());
    }

    @Tool(name = "list_review_threads", description = "Lists review threads of a repository, optionally for one file and state (open, resolved, outdated).")
    public Object listThreads(@ToolArg(description = "project slug") String project, @ToolArg(description = "repository name") String repository,
                              @ToolArg(description = "file path", required = false) String path,
                              @ToolArg(description = "state", required = false) String state) {
        return call(() -> reviewApi.list(project, repository, path, state, null));
    }

    @Tool(name = "comment_on_thread", description = "Adds a markdown comment to a review thread as the assistant.")
    public Object commentOnThread(@ToolArg(description = "project slug") String project, @ToolArg(description = "thread id") String thread,
                                  @ToolArg(description = "markdown body") String body) {
        return call(() -> reviewApi.comment(project, java.util.UUID.fromString(thread), new ReviewApi.CommentBody(body, "AI")).getEntity());
    }

    /** Refusals become tool errors with the same message the JSON API would give. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new ToolCallException(e.getMessage() + (e.details().isEmpty() ? "" : " " + e.details()));
        } catch (IllegalArgumentException e) {
            throw new ToolCallException("Invalid argument: " + e.getMessage());
        }
    }
}
