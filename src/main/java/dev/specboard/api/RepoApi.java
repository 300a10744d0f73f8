package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.repo.FileView;
import dev.specboard.repo.RawDownloads;
import dev.specboard.repo.RefFiles;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoForm;
import dev.specboard.repo.RepoRow;
import dev.specboard.repo.RepoService;
import dev.specboard.repo.RepoSync;
import dev.specboard.repo.TreeRow;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API v1 for repositories: add, list, sync and follow a sync, read the tree and files of the latest manifest. */
@Path("/api/v1/projects/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepoApi {

    private static final String REF = "A branch name or commit SHA to read at, as of the repository's last sync (default: the latest "
            + "manifest of the default branch)";

    public record RepoBody(String name, String url, String defaultBranch, Integer syncIntervalMinutes) {
    }

    @RegisterForReflection
    public record RepoAnswer(String name, String url, String defaultBranch, Integer syncIntervalMinutes, String lastSyncStatus,
                             Integer manifestVersion, String commitSha, UUID syncId) {
    }

    @RegisterForReflection
    public record SyncStarted(UUID syncId) {
    }

    @RegisterForReflection
    public record SyncAnswer(UUID id, String repo, String status, String error, Integer manifestVersion, String commitSha,
                             int objectsProcessed, int objectsTotal, int filesProcessed, int filesTotal, int percent,
                             java.time.Instant startedAt, java.time.Instant finishedAt) {
    }

    @RegisterForReflection
    public record TreeRowAnswer(String path, String type, long size, Integer lines, String language, String blobSha) {
    }

    /**
     * A file; {@code manifestVersion} is null when it was read at a branch or commit that no manifest holds. A symbolic link
     * ({@code type} "symlink", as in the tree) has no content but its {@code target}.
     */
    @RegisterForReflection
    public record FileAnswer(String path, String content, String blobSha, Integer manifestVersion, String commitSha, String language,
                             Integer lines, boolean binary, String notice, String type, String target) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    RefFiles refs;

    @Inject
    RawDownloads downloads;

    @GET
    @Path("/repos")
    public List<RepoAnswer> list(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        return repos.list(access.project().id).stream().map(RepoApi::answer).toList();
    }

    @RoleFirst.Owner
    @POST
    @Path("/repos")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepoAnswer.class)))
    public Response create(@PathParam("slug") String slug, RepoBody body) {
        Access access = projectAccess.write(slug, Role.OWNER);
        Repo repo = repos.create(access, form(body));
        UUID syncId = RepoSync.latest(repo.id).map(s -> s.id).orElse(null);
        return Response.status(201).entity(new RepoAnswer(repo.name, repo.displayUrl(), repo.defaultBranch, repo.syncIntervalMinutes,
                "PENDING", null, null, syncId)).build();
    }

    /**
     * Replaces a repository's settings (name, url, defaultBranch, syncIntervalMinutes, as on create); a new address or
     * branch queues a sync at once. The url it was answered with (without a password) keeps the one stored.
     */
    @RoleFirst.Owner
    @PUT
    @Path("/repos/{name}")
    public RepoAnswer update(@PathParam("slug") String slug, @PathParam("name") String name, RepoBody body) {
        Access access = projectAccess.write(slug, Role.OWNER);
        Repo repo = repos.update(access, name, form(body));
        return repos.list(access.project().id).stream().filter(r -> r.name().equals(repo.name)).findFirst().map(RepoApi::answer)
                .orElseThrow(() -> ApiException.notFound("No such repository"));
    }

    /** Removes a repository with its syncs, manifests and review threads. */
    @RoleFirst.Owner
    @DELETE
    @Path("/repos/{name}")
    @APIResponse(responseCode = "204", description = "The repository is removed")
    public Response delete(@PathParam("slug") String slug, @PathParam("name") String name) {
        Access access = projectAccess.write(slug, Role.OWNER);
        repos.delete(access, name);
        return Response.noContent().build();
    }

    private static RepoForm form(RepoBody body) {
        RepoBody b = body == null ? new RepoBody(null, null, null, null) : body;
        return new RepoForm(b.name(), b.url(), b.defaultBranch(), b.syncIntervalMinutes() == null ? "" : String.valueOf(b.syncIntervalMinutes()));
    }

    @RoleFirst.Member
    @POST
    @Path("/repos/{name}/sync")
    @APIResponse(responseCode = "202", description = "Accepted: the work runs in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncStarted.class)))
    public Response sync(@PathParam("slug") String slug, @PathParam("name") String name) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return Response.status(202).entity(new SyncStarted(repos.requestSync(access, name).id)).build();
    }

    @GET
    @Path("/syncs/{id}")
    public SyncAnswer syncStatus(@PathParam("slug") String slug, @PathParam("id") UUID id) {
        Access access = projectAccess.read(slug);
        RepoSync s = repos.sync(access, id);
        Repo repo = Repo.findById(s.repositoryId);
        return new SyncAnswer(s.id, repo.name, s.status.name(), s.errorMessage, s.manifestVersion, s.commitSha, s.objectsProcessed,
                s.objectsTotal, s.filesProcessed, s.filesTotal, s.percent(), s.startedAt, s.finishedAt);
    }

    /** A folder of the latest manifest, or with {@code ref} of a branch or commit as of the last sync (an agent's task branch). */
    @GET
    @Path("/repos/{name}/tree")
    public List<TreeRowAnswer> tree(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("path") String path,
                                    @Parameter(description = REF) @QueryParam("ref") String ref) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        return refs.tree(repo, path, ref).items().stream().map(RepoApi::entry).toList();
    }

    /** A file of the latest manifest, or with {@code ref} of a branch or commit as of the last sync (an agent's task branch). */
    @GET
    @Path("/repos/{name}/files/{path:.+}")
    public FileAnswer file(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                           @Parameter(description = REF) @QueryParam("ref") String ref) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        FileView f = refs.file(repo, path, ref);
        return new FileAnswer(f.entry().path(), f.shown() ? f.text() + (f.lines().isEmpty() ? "" : "\n") : null, f.entry().blobSha(),
                f.manifestVersion() == 0 ? null : f.manifestVersion(), f.commitSha(), f.entry().language(), f.entry().lines(),
                f.entry().binary(), f.notice(), f.entry().symlink() ? "symlink" : "file", f.entry().linkTarget());
    }

    /**
     * The file's bytes exactly as committed ({@code content} above is decoded text), for an agent that patches against its
     * blob; with {@code ref} at a branch or commit as of the last sync.
     */
    @GET
    @Path("/repos/{name}/raw/{path:.+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The file's bytes; its blob SHA is the ETag, X-Commit-Sha names the commit read "
            + "and X-Manifest-Version its manifest (absent when read at a ref that no manifest holds)",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response raw(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                        @Parameter(description = REF) @QueryParam("ref") String ref, @Context Request request) {
        Access access = projectAccess.read(slug);
        return downloads.answer(refs.raw(repos.require(access, name), path, null, ref), request);
    }

    private static TreeRowAnswer entry(TreeRow i) {
        return new TreeRowAnswer(i.path(), i.type(), i.size(), i.lines(), i.language(), i.blobSha());
    }

    private static RepoAnswer answer(RepoRow r) {
        return new RepoAnswer(r.name(), r.gitUrl(), r.defaultBranch(), r.syncIntervalMinutes(),
                r.lastStatus() == null ? null : r.lastStatus().name(), r.manifestVersion(), r.commitSha(), null);
    }
}
