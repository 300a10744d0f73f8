package dev.specboard.spec;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.ValidationException;
import dev.specboard.kernel.TextDiff;
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

/** The spec pages: list, reading page, and the editor with its phase form. */
@Path("/projects/{slug}/specs")
@Produces(MediaType.TEXT_HTML)
public class SpecResource {

    @CheckedTemplate(basePath = "spec")
    static class Templates {
        static native TemplateInstance list(Access access, SpecQueries.SpecListView list, String story);

        static native TemplateInstance show(Access access, SpecDocumentView page);

        static native TemplateInstance diff(Access access, String key, String title, int from, int to, List<Integer> versions,
                                            List<TextDiff.Segment> titleDiff, List<TextDiff.Segment> contentDiff);

        static native TemplateInstance form(Access access, String slug, SpecForm form, FormErrors errors, String specKey,
                                            List<SpecRef> specRefs, String message, ConflictView conflict);

        static native TemplateInstance form$phases(String slug, SpecForm form, FormErrors errors);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SpecService specs;

    @Inject
    SpecQueries specQueries;

    @Inject
    SpecViews views;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page, @QueryParam("story") String story,
                         @QueryParam("status") String status) {
        Access access = projectAccess.read(slug);
        FilterChoices choices = new FilterChoices();
        String chosen = choices.oneOf("status", "spec status", status, TechnicalSpec.STATUSES);
        var filter = new SpecQueries.SpecFilter(TaskBoardService.BoardFilter.storyNumber(story, choices), chosen.isEmpty() ? null : chosen);
        return choices.answer(Templates.list(access, choices.refused()
                ? SpecQueries.SpecListView.refused(filter, choices.errors()) : specQueries.page(access.project(), page, filter), story));
    }

    @GET
    @Path("new")
    public Response newForm(@PathParam("slug") String slug, @QueryParam("story") String story) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        return Htmx.page(Templates.form(access, slug, SpecForm.forStory(story), FormErrors.none(), null, specQueries.refs(access.project()), null, null));
    }

    @RoleFirst.Member
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam SpecForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            TechnicalSpec spec = specs.create(access, form.toInput(), form.problems());
            return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(),
                    spec.key() + " created" + (spec.isHierarchical() ? " with " + spec.totalPhases + " tasks" : ""));
        } catch (ValidationException e) {
            // The form's error summary ("There is a problem", as on every form) says it: no second heading above it.
            return Htmx.invalid(Templates.form(access, slug, form, e.errors(), null, specQueries.refs(access.project()),
                    null, null));
        } catch (ApiException e) {
            return Htmx.page(Templates.form(access, slug, form, FormErrors.none(), null, specQueries.refs(access.project()),
                    e.getMessage(), null), e.status());
        }
    }

    /** Adds, removes or reorders a phase in the editor; htmx gets the phase list, a plain form the whole editor. */
    @RoleFirst.Member
    @POST
    @Path("form/phases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response phases(@PathParam("slug") String slug, @BeanParam SpecForm form, @FormParam("specKey") String specKey,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        SpecForm changed = form.withOp();
        if (Htmx.isFragment(headers)) {
            return Htmx.page(Templates.form$phases(slug, changed, FormErrors.none()));
        }
        String key = specKey == null || specKey.isBlank() ? null : specKey;
        return Htmx.page(Templates.form(access, slug, changed, FormErrors.none(), key, specQueries.refs(access.project()), null, null));
    }

    @GET
    @Path("{key}")
    public Response show(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.show(access, views.document(access, key)));
    }

    @GET
    @Path("{key}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        SpecQueries.SpecView d = specQueries.detail(access.project(), key);
        SpecForm form = SpecForm.of(d.spec(), d.dependsOn().stream().map(SpecRef::key).toList());
        return Htmx.page(Templates.form(access, slug, form, FormErrors.none(), d.key(), views.otherSpecs(access, d.key()), null, null));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("key") String key, @BeanParam SpecForm form,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TechnicalSpec current = TechnicalSpec.byKey(access.project(), key);
        String specKey = current.key();
        if (form.version() == null) {
            // As for stories: an edit that does not say which version it started from could replace someone else's unseen.
            return Htmx.invalid(Templates.form(access, slug, form, FormErrors.none().add("version", "Say which version you edited"), specKey,
                    views.otherSpecs(access, specKey), "Nothing was saved: say which version you edited (reload the spec and edit it again).", null));
        }
        try {
            specs.update(access, specKey, form.toInput(), form.version(), form.problems());
            return Flash.redirect(headers, "/projects/" + slug + "/specs/" + specKey, specKey + " saved");
        } catch (StaleVersionException c) {
            // The editor's text stays; saving again is based on the current version, on purpose.
            return Htmx.page(Templates.form(access, slug, form.withVersion(c.currentVersion()), FormErrors.none(), specKey,
                    views.otherSpecs(access, specKey), null, views.conflict(access, specKey, c, form)), 409);
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, slug, form, e.errors(), specKey, views.otherSpecs(access, specKey),
                    null, null));
        }
    }
}
