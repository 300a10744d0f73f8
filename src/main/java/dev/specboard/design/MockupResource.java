package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.Flash;
import dev.specboard.web.FilterChoices;
import dev.specboard.web.FormAddress;
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
import jakarta.ws.rs.HeaderParam;
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

/**
 * A page's mockups: saving a new version (409 with both versions when it was based on an older one),
 * one version's view, the sandboxed frame that alone serves mockup HTML, making a version current, and
 * comparing two versions.
 */
@Path("/projects/{slug}/pages/{id}")
@Produces(MediaType.TEXT_HTML)
public class MockupResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance mockup(MockupView view);

        static native TemplateInstance compare(CompareView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    MockupService mockups;

    @Inject
    PageViews pageViews;

    @Inject
    DesignWork work;

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("mockups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam MockupForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID pid = PageResource.uuid(id);
        Page p = pages.get(access.project().id, pid);
        MockupForm typed = new MockupForm(form.html(), form.css(), form.js(), form.changeDescription(), form.basedOn(), "user");
        try {
            Mockup m = mockups.save(access, pid, typed);
            return Flash.redirect(headers, PageResource.link(access, pid) + "#mockup",
                    "Mockup version " + m.version + " saved; the design system is being recomputed.");
        } catch (ValidationException e) {
            // A version never saved cannot be typed again (the field is hidden): the form is now based on the current one.
            MockupForm kept = !e.errors().has("basedOn") ? typed : new MockupForm(typed.html(), typed.css(), typed.js(), typed.changeDescription(),
                    mockups.currentVersion(access.project().id, pid), "user");
            return Htmx.invalid(Templates_page(access, p, kept, e.errors(), null, Map.of()));
        } catch (StaleVersionException e) {
            // Keep what was typed, now based on the current version, and show the current version beside it.
            MockupForm rebased = new MockupForm(typed.html(), typed.css(), typed.js(), typed.changeDescription(), e.currentVersion(), "user");
            return Htmx.page(Templates_page(access, p, rebased, FormErrors.none(), e.getMessage(), e.current()), 409);
        }
    }

    private TemplateInstance Templates_page(Access access, Page p, MockupForm form, FormErrors errors, String conflict, Map<String, String> theirs) {
        return PageResource.Templates.page(pageViews.page(access, pages.get(access.project().id, p.id), null, null, FormErrors.none(), form, errors,
                conflict, theirs));
    }

    @GET
    @Path("mockups/{version}")
    public Response version(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version,
                            @QueryParam("device") String device) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, PageResource.uuid(id));
        FilterChoices choices = new FilterChoices();
        String shown = PageViews.device(device, choices);
        return choices.answer(view(access, p, mockups.get(p.id, version), shown, "", FormErrors.none(), choices.errors()));
    }

    private TemplateInstance view(Access access, Page p, Mockup m, String device, String feedbackText, FormErrors errors, FormErrors deviceErrors) {
        return Templates.mockup(new MockupView(access, p, m, m.analysis(), mockups.versions(p.id, p.currentMockupId),
                PageViews.device(device), m.id.equals(p.currentMockupId), mockups.feedback(m), feedbackText, errors, deviceErrors));
    }

    /** Feedback on one version, below its frames; an empty note re-renders the page with the problem named. */
    @POST
    @Path("mockups/{version}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version,
                             @FormParam("text") String text, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.REVIEWER);
        Page p = pages.get(access.project().id, PageResource.uuid(id));
        try {
            Mockup m = mockups.addFeedback(access, p.id, version, text);
            return Flash.redirect(headers, PageResource.link(access, p.id) + "/mockups/" + m.version + "#feedback", "Your feedback is on version " + m.version + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(view(access, p, mockups.get(p.id, version), null, text == null ? "" : text, e.errors(), FormErrors.none()));
        }
    }

    /**
     * The mockup document itself, only ever under the sandbox CSP and only as a frame (see {@link MockupDocument}); opened
     * on its own it sends the reader to the version's page, which frames it. As a thumbnail ({@code ?thumbnail=true}) its
     * scripts never run.
     */
    @GET
    @Path("mockups/{version}/frame")
    public Response frame(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version,
                          @HeaderParam("Sec-Fetch-Dest") String dest, @QueryParam("thumbnail") boolean thumbnail) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, PageResource.uuid(id));
        Mockup m = mockups.get(p.id, version);
        if (!MockupDocument.framed(dest)) {
            return Response.seeOther(URI.create("/projects/" + access.project().slug + "/pages/" + p.id + "/mockups/" + m.version)).build();
        }
        // Built in its turn (the parsed HTML is the large part): 503 busy when the frames being built leave none.
        return work.renders().run(() -> thumbnail ? MockupDocument.thumbnail(m) : MockupDocument.response(MockupDocument.render(m)));
    }

    @RoleFirst.Member
    @POST
    @Path("mockups/{version}/current")
    public Response makeCurrent(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version,
                                @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID pid = PageResource.uuid(id);
        Mockup m = mockups.makeCurrent(access, pid, version);
        return Flash.redirect(headers, PageResource.link(access, pid) + "#mockup", "Version " + m.version + " is the current mockup again.");
    }

    /** The new-version form lives on the page: a GET of its address (a refused save, reloaded) opens the page. */
    @GET
    @Path("mockups")
    public Response mockupForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's page is 404 under this slug, as on every route, not a redirect to a page that 404s
        pages.get(projectAccess.read(slug).project().id, PageResource.uuid(id));
        return FormAddress.holder("/projects/{slug}/pages/{id}", slug, id);
    }

    /** The feedback and make-current forms live on the version's page: a GET of their address opens it. */
    @GET
    @Path("mockups/{version}/{form: current|feedback}")
    public Response versionForms(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("version") int version) {
        Page p = pages.get(projectAccess.read(slug).project().id, PageResource.uuid(id));
        mockups.get(p.id, version);
        return FormAddress.holder("/projects/{slug}/pages/{id}/mockups/{version}", slug, id, version);
    }

    @GET
    @Path("compare")
    public Response compare(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("from") Integer from,
                            @QueryParam("to") Integer to, @QueryParam("device") String device) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, PageResource.uuid(id));
        List<MockupRow> versions = mockups.versions(p.id, p.currentMockupId);
        int latest = versions.isEmpty() ? 1 : versions.get(0).version();
        int t = to == null ? latest : to;
        int f = from == null ? Math.max(1, t - 1) : from;
        Mockup a = mockups.get(p.id, f);
        Mockup b = mockups.get(p.id, t);
        // The comparison shows one device (mobile unless asked); a device it does not know is refused, not shown as mobile.
        String d = device == null || device.isBlank() ? "mobile" : device.strip().toLowerCase(java.util.Locale.ROOT);
        if (!MockupAnalyzer.DEVICES.containsKey(d)) {
            throw dev.specboard.web.QueryValues.unknownChoice("device", "must be " + FilterChoices.choices(List.copyOf(MockupAnalyzer.DEVICES.keySet())));
        }
        // Diffed in its turn: 503 busy when the compares running leave none.
        List<SourceDiff.Section> sections = work.compares().run(() -> List.of(SourceDiff.section("HTML", a.htmlContent, b.htmlContent),
                SourceDiff.section("CSS", a.cssContent, b.cssContent), SourceDiff.section("JavaScript", a.javascriptContent, b.javascriptContent)));
        return Htmx.page(Templates.compare(new CompareView(access, p, f, t, sections, versions, d)));
    }
}
