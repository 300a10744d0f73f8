package dev.specboard.story;

import dev.specboard.kernel.ApprovalRow;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.kernel.Approval;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
import dev.specboard.kernel.TextDiff;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** The story pages: the filtered list, a story with its history, the forms, the diff between versions. */
@Path("/projects/{slug}/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryResource {

    @CheckedTemplate(basePath = "story")
    static class Templates {
        static native TemplateInstance list(Access access, StoryListView page, List<ContextRef> contexts);

        static native TemplateInstance list$results(Access access, StoryListView page);

        static native TemplateInstance form(Access access, StoryForm form, FormErrors errors, Integer number, ConflictView conflict);

        static native TemplateInstance show(Access access, Story story, String authorName, String descriptionHtml, String criteriaHtml,
                                            List<Ears.Requirement> ears, List<RevisionRow> revisions, List<ApprovalRow> approvals,
                                            List<ContextRef> storyContexts, List<ContextRef> otherContexts, String approveRefusal,
                                            FormErrors errors, String comment, List<OriginRef> origins);

        static native TemplateInstance show$contexts(Access access, Story story, List<ContextRef> storyContexts, List<ContextRef> otherContexts);

        static native TemplateInstance diff(Access access, Story story, RevisionRow from, RevisionRow to, List<Integer> versions,
                                            List<TextDiff.Segment> titleDiff, List<TextDiff.Segment> descriptionDiff,
                                            List<TextDiff.Segment> criteriaDiff);
    }

    private static final Map<String, String> LABELS = labels();

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StoryService stories;

    @Inject
    StoryContexts contexts;

    @Inject
    StoryOrigins origins;

    @Inject
    Markdown markdown;

    @Context
    HttpHeaders headers;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("approval") String approval,
                         @QueryParam("dirty") String dirty, @QueryParam("context") String context, @QueryParam("q") String q,
                         @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        StoryListView result = stories.list(access.project().id, StoryFilter.of(status, approval, dirty, context, q, page));
        return Htmx.pageOrFragment(headers, () -> Templates.list(access, result, contexts.refs(access.project().id)),
                () -> Templates.list$results(access, result));
    }

    @GET
    @Path("/new")
    public Response newForm(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return Htmx.page(Templates.form(access, StoryForm.empty(), FormErrors.none(), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam StoryForm form) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Story s = stories.create(access, form);
            return Flash.redirect(headers, url(access, s.number), s.key() + " created as a draft.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, form, e.errors(), null, null));
        }
    }

    @GET
    @Path("/{number}")
    public Response show(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.read(slug);
        return Htmx.page(showPage(access, stories.get(access.project().id, number), FormErrors.none(), ""));
    }

    private TemplateInstance showPage(Access access, Story s, FormErrors errors, String comment) {
        List<ContextRef> mine = contexts.forStory(s.id);
        return Templates.show(access, s, stories.username(s.authorId), markdown.render(s.description), markdown.render(s.acceptanceCriteria),
                Ears.recognise(s.acceptanceCriteria), stories.revisions(s.id), Approval.history(Approval.STORY, s.id), mine,
                others(access, mine), stories.approvalRefusal(access, s).orElse(""), errors, comment, origins.forStory(access, s.id));
    }

    private List<ContextRef> others(Access access, List<ContextRef> mine) {
        List<UUID> ids = mine.stream().map(ContextRef::id).toList();
        return contexts.refs(access.project().id).stream().filter(c -> !ids.contains(c.id())).toList();
    }

    @GET
    @Path("/{number}/edit")
    public Response editForm(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Story s = stories.get(access.project().id, number);
        return Htmx.page(Templates.form(access, StoryForm.of(s), FormErrors.none(), number, null));
    }

    @POST
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("number") int number, @BeanParam StoryForm form) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Story s = stories.update(access, number, form);
            return Flash.redirect(headers, url(access, number), s.key() + " saved as version " + s.version + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, form, e.errors(), number, null));
        } catch (StaleVersionException e) {
            ConflictView conflict = ConflictView.of(e, LABELS, Map.of("title", nz(form.title()), "description", nz(form.description()),
                    "acceptanceCriteria", nz(form.acceptanceCriteria())));
            // The form keeps your text and now names the current version: saving again replaces theirs knowingly.
            return Htmx.page(Templates.form(access, form.withVersion(e.currentVersion()), FormErrors.none(), number, conflict), 409);
        }
    }

    @POST
    @Path("/{number}/submit")
    public Response submit(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Story s = stories.submit(access, number);
        return Flash.redirect(headers, url(access, number), s.key() + " was submitted for approval.");
    }

    @POST
    @Path("/{number}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.LEAD);
        Story s = stories.approve(access, number);
        return Flash.redirect(headers, url(access, number), s.key() + " is approved (version " + s.version + ").");
    }

    @POST
    @Path("/{number}/request-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestChanges(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("comment") String comment) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            Story s = stories.requestChanges(access, number, comment);
            return Flash.redirect(headers, url(access, number), s.key() + " was sent back to its author.");
        } catch (ValidationException e) {
            return Htmx.invalid(showPage(access, stories.get(access.project().id, number), e.errors(), nz(comment)));
        }
    }

    @POST
    @Path("/{number}/contexts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addContext(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("contextId") String contextId) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID id = StoryFilter.uuid(contextId);
        if (id == null) {
            throw ValidationException.of("contextId", "Choose a context");
        }
        contexts.addStory(access, id, number);
        return contextsAnswer(access, number);
    }

    @POST
    @Path("/{number}/contexts/{contextId}/remove")
    public Response removeContext(@PathParam("slug") String slug, @PathParam("number") int number, @PathParam("contextId") String contextId) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID id = StoryFilter.uuid(contextId);
        if (id == null) {
            throw dev.specboard.web.ApiException.notFound("No such context in this project");
        }
        contexts.removeStory(access, id, number);
        return contextsAnswer(access, number);
    }

    private Response contextsAnswer(Access access, int number) {
        if (!Htmx.isHtmx(headers)) {
            return Response.seeOther(java.net.URI.create(url(access, number) + "#contexts")).build();
        }
        Story s = stories.get(access.project().id, number);
        List<ContextRef> mine = contexts.forStory(s.id);
        return Htmx.page(Templates.show$contexts(access, s, mine, others(access, mine)));
    }

    @GET
    @Path("/{number}/diff")
    public Response diff(@PathParam("slug") String slug, @PathParam("number") int number, @QueryParam("from") Integer from,
                         @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        Story s = stories.get(access.project().id, number);
        List<RevisionRow> revisions = stories.revisions(s.id);
        int toVersion = to == null ? s.version : to;
        int fromVersion = from == null ? (s.approvedVersion != null && s.approvedVersion < toVersion ? s.approvedVersion : Math.max(1, toVersion - 1)) : from;
        RevisionRow a = find(revisions, fromVersion, s);
        RevisionRow b = find(revisions, toVersion, s);
        List<Integer> versions = IntStream.rangeClosed(1, s.version).boxed().toList();
        return Htmx.page(Templates.diff(access, s, a, b, versions, TextDiff.diff(a.title(), b.title()),
                TextDiff.diff(a.description(), b.description()), TextDiff.diff(a.acceptanceCriteria(), b.acceptanceCriteria())));
    }

    private static RevisionRow find(List<RevisionRow> revisions, int version, Story s) {
        return revisions.stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> dev.specboard.web.ApiException.notFound(s.key() + " has no version " + version));
    }

    static String url(Access access, int number) {
        return "/projects/" + access.project().slug + "/stories/" + number;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", "Title");
        m.put("description", "Description");
        m.put("acceptanceCriteria", "Acceptance criteria");
        return m;
    }
}
