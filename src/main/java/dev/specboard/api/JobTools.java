package dev.specboard.api;

import dev.specboard.web.QueryValues;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;
import static dev.specboard.api.McpTools.id;

/**
 * Assistant jobs and refactors as MCP tools: each calls its JSON API twin, with the caller's token and role. The jobs page
 * lists, cancels, retries and re-runs them, so an agent can too: otherwise a job it queued by mistake runs to its end.
 */
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
        return created(() -> jobApi.queue(project, new JobApi.NewJob("DOCS", params)));
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
        return created(() -> jobApi.queue(project, new JobApi.NewJob("EXPLANATION", params)));
    }

    /** A queued job; a refusal names the repository {@code repository}, as this tool's argument is called. */
    private static JobApi.JobStarted created(java.util.function.Supplier<jakarta.ws.rs.core.Response> create) {
        return call("repo", "repository", () -> (JobApi.JobStarted) create.get().getEntity());
    }

    @Tool(name = "get_job", description = "Returns an assistant job: status (QUEUED, RUNNING, SUCCESS, FAILED, CANCELLED), progress, result and error.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JobApi.JobAnswer getJob(@ToolArg(description = "project slug") String project, @ToolArg(description = "job id") String job) {
        return call(() -> jobApi.get(project, id(job)));
    }

    @Tool(name = "list_jobs", description = "Lists the project's assistant jobs and refactors, newest first, 25 a page: kind (AI or REFACTOR), "
            + "type (DOCS, EXPLANATION, RENAME), status, subject, who asked, repository, error, cancelRequested and cancelledBy.",
            outputSchema = @Tool.OutputSchema(from = JobApi.JobListItem.class, generator = PagedItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<JobApi.JobListItem> listJobs(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "only this status: QUEUED, RUNNING, SUCCESS, FAILED or CANCELLED", required = false)
                                             String status,
                                             @ToolArg(description = "only this type: DOCS, EXPLANATION or RENAME", required = false) String type,
                                             @ToolArg(description = "page number, from 1 (the default)", required = false) Integer page) {
        return call(() -> jobApi.list(project, blankToNull(status), blankToNull(type), QueryValues.page(page)));
    }

    @Tool(name = "cancel_job", description = "Cancels an assistant job: a queued one at once, a running one at its next step (its status is CANCELLED at once, cancelRequested true until its worker stopped). Only who started it, or a lead, may. Refused once it has ended, or when cancelled already (the error names who cancelled it first).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public JobApi.JobAnswer cancelJob(@ToolArg(description = "project slug") String project, @ToolArg(description = "job id") String job) {
        return call(() -> jobApi.cancel(project, id(job)));
    }

    @Tool(name = "retry_job", description = "Queues a failed or cancelled assistant job again with the same parameters (only who started it, or a lead, may); poll get_job for the result.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JobApi.JobStarted retryJob(@ToolArg(description = "project slug") String project, @ToolArg(description = "job id") String job) {
        return entity(JobApi.JobStarted.class, () -> jobApi.retry(project, id(job)));
    }

    @Tool(name = "create_refactor", description = "Queues a rename of a symbol across a repository (or a folder or file): the proposal lists per file the unified diff and the occurrences. In Java only the references of a type, method or field the repository declares change (never a local of that name, nor strings or comments unless asked); a name it does not declare, like String, is refused.",
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
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public JobApi.RefactorAnswer getRefactor(@ToolArg(description = "project slug") String project,
                                             @ToolArg(description = "repository name") String repository,
                                             @ToolArg(description = "refactor id") String refactor) {
        return call(() -> jobApi.getRefactor(project, repository, id(refactor)));
    }

    @Tool(name = "apply_refactor", description = "Applies a refactor's proposal as a commit on a new branch refactor/<symbol>-to-<newName> of the synced default branch (pushed to the origin when Specboard may write there). Only who started it, or a lead, may. Refused as stale when the default branch changed the files since.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = true))
    public JobApi.AppliedAnswer applyRefactor(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "repository name") String repository,
                                              @ToolArg(description = "refactor id") String refactor) {
        return call(() -> jobApi.apply(project, repository, id(refactor)));
    }

    @Tool(name = "rerun_refactor", description = "Runs a refactor again on the current default branch: for a stale proposal, or one that failed or was cancelled. Only who started it, or a lead, may.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public JobApi.JobStarted rerunRefactor(@ToolArg(description = "project slug") String project,
                                           @ToolArg(description = "repository name") String repository,
                                           @ToolArg(description = "refactor id") String refactor) {
        return entity(JobApi.JobStarted.class, () -> jobApi.rerun(project, repository, id(refactor)));
    }

    @Tool(name = "cancel_refactor", description = "Cancels a refactor: a queued one at once, a running one at its next step (its status is CANCELLED at once). Only who started it, or a lead, may. Refused once it has ended, or when cancelled already (the error names who cancelled it first).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public JobApi.RefactorAnswer cancelRefactor(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "repository name") String repository,
                                                @ToolArg(description = "refactor id") String refactor) {
        return call(() -> jobApi.cancelRefactor(project, repository, id(refactor)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
