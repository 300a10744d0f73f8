package dev.specboard.story;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.KeptHtml;
import dev.specboard.web.ReadyHtml;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

/** The story pages: the filtered list, a story with its history, the forms, the diff between versions. */
@Path("/projects/{slug}/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryResource {

    @CheckedTemplate(basePath = "story")
    static class Templates {
        static native TemplateInstance list(Access access, StoryFilter filter, ReadyHtml results, List<ContextRef> contexts, FormErrors filterErrors);

        /** The results' place when a filter was refused: why nothing is listed. */
        static native TemplateInstance refused(FormErrors filterErrors);

        static native TemplateInstance results(Access access, StoryListView page);

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
    StoryListResults listResults;

    @Inject
    StoryViews views;

    @Context
    HttpHeaders headers;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("status") String status, @QueryParam("approval") String approval,
                         @QueryParam("dirty") String dirty, @QueryParam("context") String context, @QueryParam("q") String q,
                         @QueryParam("page") Integer page, RoutingContext request) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        StoryFilter filter = StoryFilter.read(status, approval, dirty, context, q, page, choices);
        if (choices.refused()) {
            // Nothing is listed: the results say which filter to fix, in their place (the htmx target of the filter form).
            TemplateInstance refused = Templates.refused(choices.errors());
            return Htmx.invalid(Htmx.isFragment(headers) ? refused
                    : Templates.list(access, filter, new KeptHtml(refused.render()).ready(), listResults.contexts(access), choices.errors()));
        }
        ReadyHtml results = listResults.get(access, filter, rows -> Templates.results(access, rows));
        if (Htmx.isFragment(headers)) {
            return Htmx.page(results.html());
        }
        return Htmx.readyPage(Templates.list(access, filter, results, listResults.contexts(access), FormErrors.none()), List.of(results), request);
    }

    @GET
    @Path("/new")
    public Response newForm(@PathParam("slug") String slug) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return Htmx.page(Templates.form(access, StoryForm.empty(), FormErrors.none(), null, null));
    }

    @RoleFirst.Member
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

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
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
