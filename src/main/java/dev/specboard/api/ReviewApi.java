package dev.specboard.api;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoService;
import dev.specboard.review.Comment;
import dev.specboard.review.CommentForm;
import dev.specboard.review.CommentView;
import dev.specboard.review.NewThreadForm;
import dev.specboard.review.ReviewService;
import dev.specboard.review.ThreadState;
import dev.specboard.review.ThreadView;
import dev.specboard.web.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** API v1 for review threads on file lines: open, list, comment (as a person or as the assistant), resolve, reopen. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewApi {

    /**
     * A new thread; {@code manifestVersion} is the version of the file the lines were read from (as get_file answered):
     * older lines are carried to the latest version, or refused (409) when they changed. Without it, the latest version.
     */
    public record ThreadBody(String path, Integer lineStart, Integer lineEnd, String body, String authorType,
                             @Schema(description = "The manifest version the lines were read from (the file's manifestVersion); "
                                     + "lines of an older version are moved to the latest, or refused with 409 when they changed")
                             Integer manifestVersion) {
    }

    /** A comment's new text and the version of the comment it changed (required: a stale one is refused, 409). */
    public record EditBody(String body, Integer version) {
    }

    public record CommentBody(String body, String authorType) {
    }

    @RegisterForReflection
    public record CommentAnswer(UUID id, String author, String authorType, String body, Instant createdAt, boolean edited,
                                int version) {
    }

    @RegisterForReflection
    public record ThreadAnswer(UUID id, String path, int lineStart, int lineEnd, String state, int manifestVersion, String snippet,
                               String originalPath, int originalLineStart, int originalLineEnd, int originalManifestVersion,
                               Instant createdAt, List<CommentAnswer> comments) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    ReviewService review;

    @POST
    @Path("/repos/{name}/threads")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThreadAnswer.class)))
    public Response open(@PathParam("slug") String slug, @PathParam("name") String name, ThreadBody body) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        Repo repo = repos.require(access, name);
        if (body == null) {
            // No body (or JSON null) is the client's mistake, as on every create: it was read as "path missing" and
            // answered 404 "No file  in app", as if the file were gone.
            throw ApiException.badRequest("A JSON body is required");
        }
        ThreadView t = review.open(access, repo, new NewThreadForm(body.path(), str(body.lineStart()), str(body.lineEnd()), body.body(),
                str(body.manifestVersion())),
                authorType(body.authorType()));
        return Response.status(201).entity(answer(t)).build();
    }

    @GET
    @Path("/repos/{name}/threads")
    public List<ThreadAnswer> list(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("path") String path,
                                   @QueryParam("state") String state, @QueryParam("author") String author) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        ThreadState s = QueryParams.oneOf("state", state, ThreadState.values(), ThreadState::value);
        return review.threads(repo, new ReviewService.Filter(s, path, author)).stream().map(ReviewApi::answer).toList();
    }

    @POST
    @Path("/threads/{id}/comments")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThreadAnswer.class)))
    public Response comment(@PathParam("slug") String slug, @PathParam("id") UUID id, CommentBody body) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        CommentBody b = body == null ? new CommentBody(null, null) : body;
        return Response.status(201).entity(answer(review.reply(access, id, CommentForm.reply(b.body()), authorType(b.authorType())))).build();
    }

    @POST
    @Path("/threads/{id}/resolve")
    public ThreadAnswer resolve(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer(review.resolve(access, id));
    }

    @POST
    @Path("/threads/{id}/reopen")
    public ThreadAnswer reopen(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer(review.reopen(access, id));
    }

    /** Changes one's own comment (marked edited); answers its thread. */
    @PUT
    @Path("/comments/{id}")
    public ThreadAnswer editComment(@PathParam("slug") String slug, @PathParam("id") UUID id, EditBody body) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer(review.edit(access, id, new CommentForm(body == null ? null : body.body(), body == null ? null : body.version())));
    }

    /** Deletes one's own comment: answers its thread, or 204 when it was the thread's last comment and the thread went too. */
    @DELETE
    @Path("/comments/{id}")
    @APIResponse(responseCode = "204", description = "The comment was the thread's last: the thread is gone too")
    public Response deleteComment(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        ThreadView t = review.deleteComment(access, id);
        return t == null ? Response.noContent().build() : Response.ok(answer(t)).build();
    }

    private static Comment.AuthorType authorType(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("USER")) {
            return Comment.AuthorType.USER;
        }
        // AI is the assistant's alone (DESIGN.md): its answers come from an EXPLANATION job. A token comments as its own
        // account, person or agent, over the API as over MCP; letting it choose AI labelled one account's comments two ways.
        if (value.equalsIgnoreCase("AI")) {
            throw new ApiException(422, "Validation failed", java.util.Map.of("authorType",
                    "AI is the assistant's, whose answers an EXPLANATION job writes; a token comments as its account: USER or leave it out"));
        }
        throw new ApiException(422, "Validation failed", java.util.Map.of("authorType", "USER, or leave it out"));
    }

    private static String str(Integer i) {
        return i == null ? null : String.valueOf(i);
    }

    static ThreadAnswer answer(ThreadView t) {
        return new ThreadAnswer(t.id(), t.filePath(), t.lineStart(), t.lineEnd(), t.state().value(), t.manifestVersion(), t.snippet(),
                t.originalFilePath(), t.originalLineStart(), t.originalLineEnd(), t.originalManifestVersion(), t.createdAt(),
                t.comments().stream().map(ReviewApi::comment).toList());
    }

    private static CommentAnswer comment(CommentView c) {
        return new CommentAnswer(c.id(), c.authorUsername(), c.authorType().name(), c.body(), c.createdAt(), c.edited(), c.version());
    }
}
