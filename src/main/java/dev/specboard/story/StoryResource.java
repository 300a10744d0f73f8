package dev.specboard.story;

import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
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

import java.util.List;
import java.util.UUID;

/** The story pages: the filtered list, a story with its history, the forms, the diff between versions. */
@Path("/projects/{slug}/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryResource {

    @CheckedTemplate(basePath = "story")
    static class Templates {
        static native TemplateInstance list(Access access, StoryListView page, List<ContextRef> contexts);

        static native TemplateInstance list$results(Access access, StoryListView page);

        static native TemplateInstance form(Access access, StoryForm form, FormErrors errors, Integer number, ConflictView conflict);

        static native TemplateInstance show(StoryView view);

        static native TemplateInstance show$approval(Access access, Story story, String approveRefusal, FormErrors errors, String comment);

        static native TemplateInstance show$contexts(Access access, Story story, List<ContextRef> storyContexts, List<ContextRef> otherContexts);

        static native TemplateInstance diff(Access access, StoryDiffView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    StoryService stories;

    @Inject
    StoryContexts contexts;

    @Inject
    StoryViews views;

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
        return Htmx.page(Templates.show(views.show(access, number, FormErrors.none(), "")));
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
            // The form keeps your text and now names the current version: saving again replaces theirs knowingly.
            return Htmx.page(Templates.form(access, form.withVersion(e.currentVersion()), FormErrors.none(), number, StoryViews.conflict(e, form)), 409);
        }
    }

    @POST
    @Path("/{number}/submit")
    public Response submit(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Story s = stories.submit(access, number);
        return decided(access, number, s.key() + " was submitted for approval.");
    }

    @POST
    @Path("/{number}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("number") int number) {
        Access access = projectAccess.write(slug, Role.LEAD);
        Story s = stories.approve(access, number);
        return decided(access, number, s.key() + " is approved (version " + s.version + ").");
    }

    @POST
    @Path("/{number}/request-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestChanges(@PathParam("slug") String slug, @PathParam("number") int number, @FormParam("comment") String comment) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            Story s = stories.requestChanges(access, number, comment);
            return decided(access, number, s.key() + " was sent back to its author.");
        } catch (ValidationException e) {
            StoryView v = views.show(access, number, e.errors(), comment);
            return Htmx.invalid(Htmx.isHtmx(headers) ? approval(v) : Templates.show(v));
        }
    }

    /** After a decision: htmx gets the approval panel with the message out of band, a plain form the story page with a flash. */
    private Response decided(Access access, int number, String message) {
        if (!Htmx.isHtmx(headers)) {
            return Flash.redirect(headers, url(access, number), message);
        }
        return Htmx.withFlash(approval(views.show(access, number, FormErrors.none(), "")), message);
    }

    private static TemplateInstance approval(StoryView v) {
        return Templates.show$approval(v.access(), v.story(), v.approveRefusal(), v.errors(), v.comment());
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
        StoryView v = views.contexts(access, number);
        return Htmx.page(Templates.show$contexts(access, v.story(), v.storyContexts(), v.otherContexts()));
    }

    @GET
    @Path("/{number}/diff")
    public Response diff(@PathParam("slug") String slug, @PathParam("number") int number, @QueryParam("from") Integer from,
                         @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.diff(access, views.diff(access, number, from, to)));
    }

    static String url(Access access, int number) {
        return "/projects/" + access.project().slug + "/stories/" + number;
    }
}
