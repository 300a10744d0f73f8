package dev.specboard.review;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.FileView;
import dev.specboard.repo.ManifestFiles;
import dev.specboard.repo.RefFiles;
import dev.specboard.repo.RefView;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoPath;
import dev.specboard.repo.RepoService;
import dev.specboard.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A file page of the file browser: the file with line numbers and permalinks, and the review threads
 * inline at their lines. It lives in review because it shows threads; the browser's folders stay in repo. Read at a
 * branch or commit ({@code ?ref=}) that no manifest holds, it shows the threads above the code as an older version does
 * and offers none: threads anchor to the lines of the synced manifest.
 */
@Path("/projects/{slug}/repos/{name}")
@Produces(MediaType.TEXT_HTML)
public class FilePageResource {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance blob(Access access, Repo repo, FileView file, FileThreadsView threads,
                                            List<CodeRows.Segment> segments, ReviewContext ctx, RefView at);

        static native TemplateInstance newer(ReviewContext ctx, String path, int shown, int latest);
    }

    @Inject
    ManifestFiles manifests;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @Inject
    RefFiles refs;

    @Inject
    ReviewService review;

    @Inject
    CodeRows codeRows;

    @Inject
    RenderBudget budget;

    /** Files with more lines than this go out as they render (see {@link Htmx#largePage}). */
    static final int STREAM_FROM_LINES = 5_000;

    @GET
    @Path("blob/{path:.*}")
    public Response blob(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                         @QueryParam("v") Integer version, @QueryParam("ref") String ref, RoutingContext request) {
        Access access = projectAccess.read(slug);
        RefView at = null;
        FileView file;
        if (ref == null || ref.isBlank()) {
            // The latest version (the usual link) reads its repository and manifest head in one statement.
            file = version == null ? files.latestFile(access.project().id, name, path)
                    : files.file(repos.require(access, name), path, version);
        } else {
            Repo asked = repos.require(access, name);
            at = refs.at(asked, ref, version, path);
            file = refs.fileAt(asked, path, at);
        }
        Repo repo = file.repo();
        budget.take(file.lineCount(), request);
        FileThreadsView threads = FileThreadsView.arrange(review.threadsForFile(repo, file.entry().path()),
                file.latest() ? file.lineCount() : 0);
        List<CodeRows.Segment> segments = codeRows.segments(file, threads);
        // Thread titles stay on the ref where their lines are the ref's (it reads the latest manifest).
        ReviewContext ctx = ReviewContext.of(access, repo.name).at(at, file.manifestVersion());
        TemplateInstance page = Templates.blob(access, repo, file, threads, segments, ctx, at);
        // Streaming saves a large page's copies (8 MB for 10,000 lines) but its many small writes cost a quarter of a
        // 2,000-line page's throughput: only large files stream. Smaller ones join their kept rows as bytes.
        if (file.lineCount() > STREAM_FROM_LINES) {
            return Htmx.largePage(page);
        }
        return Htmx.readyPage(page, segments.stream().map(CodeRows.Segment::ready).toList(), request);
    }

    /** Whether a newer version of the file shown exists: an open file page asks after each sync. */
    @GET
    @Path("newer/{path:.*}")
    public Response newer(@PathParam("slug") String slug, @PathParam("name") String name, @PathParam("path") String path,
                          @QueryParam("v") Integer version) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        int latest = manifests.latest(repo.id).map(ManifestFiles.Head::version).orElse(0);
        return Htmx.page(Templates.newer(ReviewContext.of(access, repo.name), RepoPath.of(path).addressed(),
                version == null ? latest : version, latest));
    }
}
