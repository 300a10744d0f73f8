package dev.specboard.review;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.repo.FileBrowserService;
import dev.specboard.repo.FileView;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoService;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Review threads: the repository's review page, opening a thread on lines, replying, resolving, editing. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance list(Access access, Repo repo, List<ThreadView> threads, ReviewContext ctx,
                                            String state, String path, String author, FormErrors filterErrors);

        static native TemplateInstance newThread(Access access, Repo repo, FileView file, NewThreadForm form, FormErrors errors,
                                                 ReviewContext ctx);

        static native TemplateInstance newThread$row(Access access, Repo repo, FileView file, NewThreadForm form, FormErrors errors,
                                                     ReviewContext ctx);

        static native TemplateInstance thread(ThreadView thread, ReviewContext ctx);

        static native TemplateInstance thread$row(ThreadView thread, ReviewContext ctx);

        static native TemplateInstance replyRefused(Access access, ThreadView thread, ReviewContext ctx, String reply, FormErrors errors);

        static native TemplateInstance editRefused(Access access, ThreadView thread, ReviewContext ctx, UUID editing, String edit,
                                                   FormErrors errors, Integer editVersion, ConflictView conflict);

        static native TemplateInstance editRefused$thread(Access access, ThreadView thread, ReviewContext ctx, UUID editing, String edit,
                                                          FormErrors errors, Integer editVersion, ConflictView conflict);

        static native TemplateInstance replyRefused$thread(Access access, ThreadView thread, ReviewContext ctx, String reply,
                                                           FormErrors errors);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    RepoService repos;

    @Inject
    FileBrowserService files;

    @Inject
    ReviewService review;

    @Inject
    ThreadRefs threadRefs;

    @GET
    @Path("/repos/{name}/threads")
    public Response list(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("state") String state,
                         @QueryParam("path") String path, @QueryParam("author") String author, @QueryParam("ref") String ref) {
        Access access = projectAccess.read(slug);
        Repo repo = repos.require(access, name);
        // Read from the repository's page at a branch or commit, the list stays on it (malformed 422, unknown 404, as there).
        ReviewContext ctx = threadRefs.page(ReviewContext.of(access, repo.name), repo, ref);
        FilterChoices choices = new FilterChoices();
        ThreadState s = ThreadState.parse(choices.oneOf("state", "thread state", state,
                java.util.Arrays.stream(ThreadState.values()).map(ThreadState::value).toList())).orElse(null);
        List<ThreadView> threads = choices.listed(() -> review.threads(repo, new ReviewService.Filter(s, path, author)));
        return choices.answer(Templates.list(access, repo, threads, ctx,
                s == null ? "" : s.value(), path == null ? "" : path, author == null ? "" : author, choices.errors()));
    }

    /** The new-thread form: a table row under the selected lines for htmx, a page of its own without JavaScript. */
    @GET
    @Path("/repos/{name}/threads/new")
    public Response newThread(@PathParam("slug") String slug, @PathParam("name") String name, @QueryParam("path") String path,
                              @QueryParam("lineStart") Integer lineStart, @QueryParam("lineEnd") Integer lineEnd,
                              @QueryParam("manifestVersion") Integer manifestVersion, @QueryParam("ref") String ref,
                              @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        Repo repo = repos.require(access, name);
        // The version of the file page the lines were chosen on, whose lines the form shows (the latest without it).
        FileView file = files.file(repo, path, manifestVersion);
        // Whole numbers, as every numeric query value is (?lineStart=abc is 400 naming it, not copied into the form).
        String start = lineStart == null ? null : lineStart.toString();
        // The version the form shows: a sync before it is sent moves the lines with the code, or refuses changed ones.
        NewThreadForm form = new NewThreadForm(file.entry().path(), start, lineEnd == null ? start : lineEnd.toString(), "",
                String.valueOf(file.manifestVersion()));
        ReviewContext ctx = threadRefs.answer(ReviewContext.of(access, repo.name), repo, ref, file.entry().path());
        return Htmx.pageOrFragment(headers, () -> Templates.newThread(access, repo, file, form, FormErrors.none(), ctx),
                () -> Templates.newThread$row(access, repo, file, form, FormErrors.none(), ctx));
    }

    @POST
    @Path("/repos/{name}/threads")
    public Response open(@PathParam("slug") String slug, @PathParam("name") String name, @BeanParam NewThreadForm form,
                         @QueryParam("ref") String ref, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        Repo repo = repos.require(access, name);
        ReviewContext ctx = threadRefs.answer(ReviewContext.of(access, repo.name), repo, ref, form.path());
        try {
            ThreadView t = review.open(access, repo, form, Comment.AuthorType.USER);
            if (Htmx.isHtmx(headers)) {
                return Response.ok(Templates.thread$row(t, ctx)).build();
            }
            return Response.seeOther(ctx.fileLocation(t.filePath(), t.anchor())).build();
        } catch (ValidationException e) {
            FileView file = files.file(repo, form.path(), null);
            return Htmx.invalid(Htmx.isHtmx(headers)
                    ? Templates.newThread$row(access, repo, file, form, e.errors(), ctx)
                    : Templates.newThread(access, repo, file, form, e.errors(), ctx));
        } catch (LinesRead.Changed e) {
            // The lines changed in a sync since the form was shown: the form again, on the latest version, comment kept.
            FileView file = files.file(repo, form.path(), null);
            NewThreadForm again = new NewThreadForm(form.path(), form.lineStart(), form.lineEnd(), form.body(),
                    String.valueOf(file.manifestVersion()));
            FormErrors errors = FormErrors.none();
            errors.add("lineStart", e.getMessage());
            return Htmx.invalid(Htmx.isHtmx(headers)
                    ? Templates.newThread$row(access, repo, file, again, errors, ctx)
                    : Templates.newThread(access, repo, file, again, errors, ctx));
        }
    }

    @DeletedMeanwhile.Editor
    @POST
    @Path("/threads/{id}/comments")
    public Response reply(@PathParam("slug") String slug, @PathParam("id") UUID id, @BeanParam CommentForm form,
                          @QueryParam("ref") String ref, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        try {
            return answer(access, review.reply(access, id, form, Comment.AuthorType.USER), ref, headers);
        } catch (ValidationException e) {
            // the thread comes back with the reply in its form and its message, as every refused form does
            Shown s = shown(access, review.require(access, id), ref);
            return Htmx.invalid(Htmx.isHtmx(headers)
                    ? Templates.replyRefused$thread(access, s.thread(), s.ctx(), form.body(), e.errors())
                    : Templates.replyRefused(access, s.thread(), s.ctx(), form.body(), e.errors()));
        }
    }

    @POST
    @Path("/threads/{id}/resolve")
    public Response resolve(@PathParam("slug") String slug, @PathParam("id") UUID id, @QueryParam("ref") String ref,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer(access, review.resolve(access, id), ref, headers);
    }

    @POST
    @Path("/threads/{id}/reopen")
    public Response reopen(@PathParam("slug") String slug, @PathParam("id") UUID id, @QueryParam("ref") String ref,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        return answer(access, review.reopen(access, id), ref, headers);
    }

    @DeletedMeanwhile.Editor
    @POST
    @Path("/comments/{id}")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") UUID id, @BeanParam CommentForm form,
                         @QueryParam("ref") String ref, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        try {
            return answer(access, review.edit(access, id, form), ref, headers);
        } catch (ValidationException e) {
            return editRefused(access, id, ref, form.body(), e.errors(), form.version(), null, headers);
        } catch (StaleVersionException e) {
            // As every document's stale save: the text saved meanwhile beside yours, which the form keeps, now based on
            // that version, so that saving again replaces it knowingly.
            ConflictView conflict = ConflictView.of(e, Map.of("body", "Comment"), Map.of("body", form.body() == null ? "" : form.body()));
            return editRefused(access, id, ref, form.body(), FormErrors.none(), e.currentVersion(), conflict, headers);
        }
    }

    private Response editRefused(Access access, UUID id, String ref, String body, FormErrors errors, Integer version,
                                 ConflictView conflict, HttpHeaders headers) {
        Shown s = shown(access, review.threadOfComment(access, id), ref);
        return Htmx.page(Htmx.isHtmx(headers)
                ? Templates.editRefused$thread(access, s.thread(), s.ctx(), id, body, errors, version, conflict)
                : Templates.editRefused(access, s.thread(), s.ctx(), id, body, errors, version, conflict), conflict == null ? 422 : 409);
    }

    /** A thread as a refused form shows it again, with what its page needs. */
    private record Shown(ThreadView thread, ReviewContext ctx) {
    }

    private Shown shown(Access access, CommentThread thread, String ref) {
        return new Shown(review.thread(thread.id), threadRefs.of(access, thread, ref));
    }

    @POST
    @Path("/comments/{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") UUID id, @QueryParam("ref") String ref,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        CommentThread thread = review.threadOfComment(access, id);
        URI file = threadRefs.of(access, thread, ref).fileLocation(thread.filePath, null);
        ThreadView t = review.deleteComment(access, id);
        if (t == null) {
            return Htmx.isHtmx(headers) ? Response.ok("").build() : Response.seeOther(file).build();
        }
        return answer(access, t, ref, headers);
    }

    /** htmx gets the updated thread; a plain form goes back to the thread on its file page (on the page's ref, if any). */
    private Response answer(Access access, ThreadView t, String ref, HttpHeaders headers) {
        ReviewContext ctx = threadRefs.of(access, review.require(access, t.id()), ref);
        if (Htmx.isHtmx(headers)) {
            return Response.ok(Templates.thread(t, ctx)).build();
        }
        return Response.seeOther(ctx.fileLocation(t.filePath(), "thread-" + t.id())).build();
    }
}
