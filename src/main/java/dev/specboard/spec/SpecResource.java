package dev.specboard.spec;

import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.Markdown;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The spec pages: list, reading page, and the editor with its phase form. */
@Path("/projects/{slug}/specs")
@Produces(MediaType.TEXT_HTML)
public class SpecResource {

    @CheckedTemplate(basePath = "spec")
    static class Templates {
        static native TemplateInstance list(Access access, List<SpecRow> specs, List<StoryHoursRow> stories);

        static native TemplateInstance show(Access access, SpecDocumentView page);

        static native TemplateInstance diff(Access access, String key, String title, int from, int to, List<Integer> versions,
                                            List<TextDiff.Segment> titleDiff, List<TextDiff.Segment> contentDiff);

        static native TemplateInstance form(Access access, String slug, SpecForm form, FormErrors errors, String specKey,
                                            List<SpecRef> specRefs, String message, SpecConflictView conflict);

        static native TemplateInstance form$phases(String slug, SpecForm form, FormErrors errors);
    }

    /** The version someone else saved, shown next to the editor's own text after a stale save. */
    public record SpecConflictView(int yourVersion, int currentVersion, String currentTitle, String currentHtml) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    SpecService specs;

    @Inject
    SpecQueries specQueries;

    @Inject
    Markdown markdown;

    @GET
    public Response list(@PathParam("slug") String slug) {
        Access access = projectAccess.read(slug);
        List<SpecRow> rows = specQueries.list(access.project());
        return Htmx.page(Templates.list(access, rows, specQueries.hoursByStory(rows)));
    }

    @GET
    @Path("new")
    public Response newForm(@PathParam("slug") String slug, @jakarta.ws.rs.QueryParam("story") String story) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        SpecForm f = SpecForm.empty();
        if (story != null && story.matches("[0-9]{1,9}")) {
            f = new SpecForm(story, f.title(), f.specType(), f.content(), f.overview(), f.architecture(), f.technologyStack(),
                    f.phaseName(), f.phaseDescription(), f.phaseHours(), f.phaseContent(), f.phaseFiles(), f.dependsOn(), null, null);
        }
        return Htmx.page(Templates.form(access, slug, f, FormErrors.none(), null, specQueries.refs(access.project()), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam SpecForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            TechnicalSpec spec = specs.create(access, form.toInput());
            return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(),
                    spec.key() + " created" + (spec.isHierarchical() ? " with " + spec.totalPhases + " tasks" : ""));
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, slug, form, e.errors(), null, specQueries.refs(access.project()),
                    "Nothing was saved: please correct the fields marked below.", null));
        } catch (ApiException e) {
            return Htmx.page(Templates.form(access, slug, form, FormErrors.none(), null, specQueries.refs(access.project()),
                    e.getMessage(), null), e.status());
        }
    }

    /** Adds, removes or reorders a phase in the editor; htmx gets the phase list, a plain form the whole editor. */
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
        SpecQueries.SpecView d = specQueries.detail(access.project(), key);
        return Htmx.page(Templates.show(access, page(d)));
    }

    @GET
    @Path("{key}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("key") String key) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        SpecQueries.SpecView d = specQueries.detail(access.project(), key);
        SpecForm form = SpecForm.of(d.spec(), d.dependsOn().stream().map(SpecRef::key).toList());
        return Htmx.page(Templates.form(access, slug, form, FormErrors.none(), d.key(), otherSpecs(access, d.key()), null, null));
    }

    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("key") String key, @BeanParam SpecForm form,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        TechnicalSpec current = specs.require(access.project(), key);
        String specKey = current.key();
        try {
            specs.update(access, specKey, form.toInput(), form.version() == null ? -1 : form.version());
            return Flash.redirect(headers, "/projects/" + slug + "/specs/" + specKey, specKey + " saved");
        } catch (StaleVersionException c) {
            SpecQueries.SpecView d = specQueries.detail(access.project(), specKey);
            SpecConflictView view = new SpecConflictView(c.yourVersion(), c.currentVersion(), d.spec().title, render(page(d)));
            // The editor's text stays; saving again is based on the current version, on purpose.
            SpecForm rebased = new SpecForm(form.storyNumber(), form.title(), form.specType(), form.content(), form.overview(),
                    form.architecture(), form.technologyStack(), form.phaseName(), form.phaseDescription(), form.phaseHours(),
                    form.phaseContent(), form.phaseFiles(), form.dependsOn(), c.currentVersion(), null);
            return Htmx.page(Templates.form(access, slug, rebased, FormErrors.none(), specKey, otherSpecs(access, specKey),
                    c.getMessage(), view), 409);
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.form(access, slug, form, e.errors(), specKey, otherSpecs(access, specKey),
                    "Nothing was saved: please correct the fields marked below.", null));
        }
    }

    @POST
    @Path("{key}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("key") String key, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        TechnicalSpec spec = specs.approve(access, key);
        return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(), spec.key() + " approved");
    }

    /** Two versions of a spec side by side as a word diff of the readable document (default: the last change). */
    @GET
    @Path("{key}/diff")
    public Response diff(@PathParam("slug") String slug, @PathParam("key") String key,
                         @jakarta.ws.rs.QueryParam("from") Integer from, @jakarta.ws.rs.QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        TechnicalSpec spec = TechnicalSpec.findByKey(access.project(), key)
                .orElseThrow(() -> dev.specboard.web.ApiException.notFound("No spec " + key));
        int newer = to == null ? spec.version : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        SpecRevision a = SpecRevision.find(spec, older).orElseThrow(() -> dev.specboard.web.ApiException.notFound("No version " + older));
        SpecRevision b = SpecRevision.find(spec, newer).orElseThrow(() -> dev.specboard.web.ApiException.notFound("No version " + newer));
        List<Integer> versions = java.util.stream.IntStream.rangeClosed(1, spec.version).boxed().toList();
        return Htmx.page(Templates.diff(access, spec.key(), spec.title, older, newer, versions,
                TextDiff.diff(a.title, b.title), TextDiff.diff(a.readableContent(), b.readableContent())));
    }

    @POST
    @Path("{key}/reviewed")
    public Response reviewed(@PathParam("slug") String slug, @PathParam("key") String key, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        TechnicalSpec spec = specs.markReviewed(access, key);
        return Flash.redirect(headers, "/projects/" + slug + "/specs/" + spec.key(), spec.key() + " marked as reviewed against its story");
    }

    private List<SpecRef> otherSpecs(Access access, String key) {
        return specQueries.refs(access.project()).stream().filter(r -> !r.key().equals(key)).toList();
    }

    private SpecDocumentView page(SpecQueries.SpecView d) {
        SpecContent c = d.content();
        Map<String, TaskRow> byScope = d.tasks().stream().collect(Collectors.toMap(TaskRow::scope, Function.identity(), (a, b) -> a));
        List<SpecDocumentView.PhaseView> phases = c.phaseList().stream().map(p -> new SpecDocumentView.PhaseView(
                p.number() == null ? 0 : p.number(), p.name(), p.description(), p.hoursOrZero(), markdown.render(p.content()), p.files(),
                byScope.get(p.name()))).toList();
        return new SpecDocumentView(d, markdown.render(c.overview()), markdown.render(c.architecture()), markdown.render(c.technologyStack()),
                d.spec().isHierarchical() ? "" : markdown.render(d.spec().content), phases);
    }

    /** A plain-text summary of the current version, for the conflict box (rendered markdown of its parts). */
    private String render(SpecDocumentView p) {
        StringBuilder b = new StringBuilder();
        if (!p.contentHtml().isEmpty()) {
            b.append(p.contentHtml());
        }
        if (!p.overviewHtml().isEmpty()) {
            b.append("<h3>Overview</h3>").append(p.overviewHtml());
        }
        for (SpecDocumentView.PhaseView ph : p.phases()) {
            b.append("<h3>Phase ").append(ph.number()).append(": ").append(escape(ph.name())).append("</h3>").append(ph.html());
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
