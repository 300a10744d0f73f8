package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;

import java.util.List;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;
import static dev.specboard.api.McpTools.id;

/** Repositories (sync, tree, files) and review threads on line ranges as MCP tools; each calls its JSON API twin ({@link RepoApi}, {@link ReviewApi}). */
public class RepoTools {

    /** Where get_tree and get_file read: your pushed task branch, once synced. */
    private static final String REF = "branch or commit SHA to read (synced; default: latest manifest)";

    /** What delete_review_comment gives: the comment's thread, or {@code threadDeleted} when the comment was its last. */
    @RegisterForReflection
    public record CommentDeleted(String commentId, boolean threadDeleted, ReviewApi.ThreadAnswer thread) {
    }

    @Inject
    RepoApi repoApi;

    @Inject
    ReviewApi reviewApi;

    @Tool(name = "list_repositories", description = "Lists a project's git repositories with their default branch and last sync.",
            outputSchema = @Tool.OutputSchema(from = RepoApi.RepoAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<RepoApi.RepoAnswer> listRepositories(@ToolArg(description = "project slug") String project) {
        return call(() -> repoApi.list(project));
    }

    @Tool(name = "sync_repository", description = "Queues a sync of one of the project's repositories and returns the sync id; poll get_sync for its outcome.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = true))
    public RepoApi.SyncStarted syncRepository(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "repository name") String repository) {
        return entity(RepoApi.SyncStarted.class, () -> repoApi.sync(project, repository));
    }

    @Tool(name = "get_sync", description = "Returns a repository sync: status (PENDING, RUNNING, SUCCESS, FAILED), error, manifest version and commit.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public RepoApi.SyncAnswer getSync(@ToolArg(description = "project slug") String project, @ToolArg(description = "sync id") String syncId) {
        return call(() -> repoApi.syncStatus(project, id(syncId)));
    }

    @Tool(name = "get_tree", description = "Lists the files and folders of a repository's latest manifest (or a branch or commit), optionally under a folder: path, "
            + "type (dir, file or submodule), size, lines, language, blob SHA (a submodule's: the commit it pins).",
            outputSchema = @Tool.OutputSchema(from = RepoApi.TreeRowAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<RepoApi.TreeRowAnswer> getTree(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "repository name") String repository,
                                               @ToolArg(description = "folder path", required = false) String path,
                                               @ToolArg(description = REF, required = false) String ref) {
        return call(() -> repoApi.tree(project, repository, path, ref));
    }

    @Tool(name = "get_file", description = "Returns one file of a repository's latest manifest (or a branch or commit) with its content, blob SHA and manifest version.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public RepoApi.FileAnswer getFile(@ToolArg(description = "project slug") String project,
                                      @ToolArg(description = "repository name") String repository,
                                      @ToolArg(description = "file path, like src/main/App.java") String path,
                                      @ToolArg(description = REF, required = false) String ref) {
        return call(() -> repoApi.file(project, repository, path, ref));
    }

    @Tool(name = "list_review_threads", description = "Lists review threads of a repository with their comments and current lines, optionally for one file and state (open, resolved, outdated).",
            outputSchema = @Tool.OutputSchema(from = ReviewApi.ThreadAnswer.class, generator = ItemsSchema.class),
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    @ToolGuardrails(output = ItemsContent.class)
    public List<ReviewApi.ThreadAnswer> listReviewThreads(@ToolArg(description = "project slug") String project,
                                                          @ToolArg(description = "repository name") String repository,
                                                          @ToolArg(description = "file path", required = false) String path,
                                                          @ToolArg(description = "state", required = false) String state) {
        return call(() -> reviewApi.list(project, repository, path, state, null));
    }

    @Tool(name = "open_review_thread", description = "Opens a review thread on lines of a file of the latest manifest, with a first markdown comment as your account. "
            + "Give the manifestVersion you read the file at: lines that moved since are carried, changed ones refused.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ReviewApi.ThreadAnswer openReviewThread(@ToolArg(description = "project slug") String project,
                                                   @ToolArg(description = "repository name") String repository,
                                                   @ToolArg(description = "file path") String path,
                                                   @ToolArg(description = "first line (1-based)") int lineStart,
                                                   @ToolArg(description = "last line") int lineEnd,
                                                   @ToolArg(description = "markdown comment") String body,
                                                   @ToolArg(description = "manifest version the lines were read at", required = false)
                                                   Integer manifestVersion) {
        return entity(ReviewApi.ThreadAnswer.class, () -> reviewApi.open(project, repository,
                new ReviewApi.ThreadBody(path, lineStart, lineEnd, body, null, manifestVersion)));
    }

    @Tool(name = "comment_on_thread", description = "Adds a markdown comment to a review thread as your account (as the API does) and returns the thread.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ReviewApi.ThreadAnswer commentOnThread(@ToolArg(description = "project slug") String project,
                                                  @ToolArg(description = "thread id") String thread,
                                                  @ToolArg(description = "markdown body") String body) {
        return entity(ReviewApi.ThreadAnswer.class, () -> reviewApi.comment(project, id(thread), new ReviewApi.CommentBody(body, null)));
    }

    @Tool(name = "edit_review_comment", description = "Changes your own review comment on the version you read (stale: refused with the current text); returns its thread.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ReviewApi.ThreadAnswer editReviewComment(@ToolArg(description = "project slug") String project,
                                                    @ToolArg(description = "comment id") String comment,
                                                    @ToolArg(description = "markdown body") String body,
                                                    @ToolArg(description = "the comment's version you read") int version) {
        return call(() -> reviewApi.editComment(project, id(comment), new ReviewApi.EditBody(body, version)));
    }

    @Tool(name = "delete_review_comment", description = "Deletes your own review comment; returns its thread, or threadDeleted when it was the last.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public CommentDeleted deleteReviewComment(@ToolArg(description = "project slug") String project,
                                              @ToolArg(description = "comment id") String comment) {
        return call(() -> {
            Object thread = reviewApi.deleteComment(project, id(comment)).getEntity();
            return new CommentDeleted(comment, thread == null, (ReviewApi.ThreadAnswer) thread);
        });
    }

    @Tool(name = "resolve_thread", description = "Resolves a review thread.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ReviewApi.ThreadAnswer resolveThread(@ToolArg(description = "project slug") String project,
                                                @ToolArg(description = "thread id") String thread) {
        return call(() -> reviewApi.resolve(project, id(thread)));
    }

    @Tool(name = "reopen_thread", description = "Reopens a resolved review thread.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public ReviewApi.ThreadAnswer reopenThread(@ToolArg(description = "project slug") String project,
                                               @ToolArg(description = "thread id") String thread) {
        return call(() -> reviewApi.reopen(project, id(thread)));
    }
}
