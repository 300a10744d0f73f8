package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;
import static dev.specboard.api.McpTools.id;

/** Assistant jobs and refactors as MCP tools: each calls its JSON API twin, with the caller's token and role. */
public class JobTools {

    @Inject
    JobApi jobApi;

    @Tool(name = "create_docs_job", description = "Queues a documentation outline (DOCS job) of a file or folder of a repository, or of a component's path; returns the job id. Poll get_job for the result.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JobApi.JobStarted createDocsJob(@ToolArg(description = "project slug") String project,
                                @ToolArg(description = "repository name (optional when the project has one)", required = false) String repository,
                                @ToolArg(description = "file or folder path; empty for the whole repository", required = false) String path,
                                @ToolArg(description = "component id whose path to outline", required = false) String componentId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("repo", repository);
        params.put("path", path);
        params.put("componentId", componentId);
        return entity(JobApi.JobStarted.class, () -> jobApi.create(project, new JobApi.NewJob("DOCS", params)));
    }

    @Tool(name = "create_explanation_job", description = "Queues an EXPLANATION of lines of a file: what they declare and use, where used names are defined, blame, threads and tasks. The answer is posted as the assistant on the given review thread, or on a new thread on those lines.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JobApi.JobStarted createExplanationJob(@ToolArg(description = "project slug") String project,
                                       @ToolArg(description = "repository name", required = false) String repository,
                                       @ToolArg(description = "file path", required = false) String path,
                                       @ToolArg(description = "first line (1-based)", required = false) Integer lineStart,
                                       @ToolArg(description = "last line", required = false) Integer lineEnd,
                                       @ToolArg(description = "review thread id to answer on", required = false) String threadId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("repo", repository);
        params.put("path", path);
        params.put("lineStart", lineStart);
        params.put("lineEnd", lineEnd);
        params.put("threadId", threadId);
        return entity(JobApi.JobStarted.class, () -> jobApi.create(project, new JobApi.NewJob("EXPLANATION", params)));
    }

    @Tool(name = "get_job", description = "Returns an assistant job: status (QUEUED, RUNNING, SUCCESS, FAILED, CANCELLED), progress, result and error.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public JobApi.JobAnswer getJob(@ToolArg(description = "project slug") String project, @ToolArg(description = "job id") String job) {
        return call(() -> jobApi.get(project, id(job)));
    }

    @Tool(name = "create_refactor", description = "Queues a rename of a symbol across a repository (or a folder or file): the proposal lists per file the unified diff and the occurrences. In Java only real references change, never strings or comments unless asked.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JobApi.JobStarted createRefactor(@ToolArg(description = "project slug") String project, @ToolArg(description = "repository name") String repository,
                                 @ToolArg(description = "the symbol to rename") String symbol, @ToolArg(description = "its new name") String newName,
                                 @ToolArg(description = "folder or file to limit the rename to", required = false) String path,
                                 @ToolArg(description = "also rename inside strings, comments and prose files", required = false)
                                 Boolean includeStringsAndComments) {
        return entity(JobApi.JobStarted.class, () -> jobApi.createRefactor(project, repository,
                new JobApi.NewRefactor(symbol, newName, path, includeStringsAndComments)));
    }

    @Tool(name = "get_refactor", description = "Returns a refactor: status, progress, the proposal (files with diff and occurrences) and, once applied, the branch and commit.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public JobApi.RefactorAnswer getRefactor(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "repository name") String repository,
                                             @ToolArg(description = "refactor id") String refactor) {
        return call(() -> jobApi.getRefactor(project, repository, id(refactor)));
    }

    @Tool(name = "apply_refactor", description = "Applies a refactor's proposal as a commit on a new branch refactor/<symbol>-to-<newName> of the synced default branch (pushed to the origin when Specboard may write there). Refused as stale when the default branch changed the files since.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = true))
    public JobApi.AppliedAnswer applyRefactor(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "repository name") String repository,
                                              @ToolArg(description = "refactor id") String refactor) {
        return call(() -> jobApi.apply(project, repository, id(refactor)));
    }
}
