package dev.specboard.architecture;

import dev.specboard.project.RoleFirst;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.kernel.ConflictView;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A component's design doc: the edit form (with the 409 page that keeps both texts), approval and the diff of two versions. */
@Path("/projects/{slug}/components/{id}/design-doc")
@Produces(MediaType.TEXT_HTML)
public class DesignDocResource {

    @CheckedTemplate(basePath = "architecture")
    static class Templates {
        static native TemplateInstance designDocEdit(Access access, ComponentRow c, String content, int version, int next, FormErrors errors,
                                                     ConflictView conflict);

        static native TemplateInstance designDocDiff(Access access, ComponentRow c, int from, int to, List<TextDiff.Segment> segments,
                                                     List<DesignDocRevisionRow> revisions);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ComponentService components;

    @Inject
    DesignDocService designDocs;

    @Inject
    ComponentViews views;

    @GET
    @Path("/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") String id) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ComponentRow c = views.row(access, ComponentViews.uuid(id));
        DesignDoc doc = designDocs.find(c.id()).orElse(null);
        int version = doc == null ? 0 : doc.version;
        return Htmx.page(Templates.designDocEdit(access, c, doc == null ? "" : doc.content, version, version + 1, FormErrors.none(), null));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam DesignDocForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        ComponentRow c = views.row(access, ComponentViews.uuid(id));
        String content = form.content() == null ? "" : form.content();
        int based = form.version() == null ? 0 : form.version();
        try {
            // Without a version the save is unchecked, as over the API (DESIGN.md makes it optional there).
            DesignDoc d = designDocs.save(access, c.id(), new DesignDocForm(content, form.version()));
            return Flash.redirect(headers, ComponentViews.link(access, c.id()) + "#design-doc", "Design doc saved as version " + d.version + ".");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.designDocEdit(access, c, content, based, based + 1, e.errors(), null));
        } catch (StaleVersionException e) {
            return Htmx.page(Templates.designDocEdit(access, c, content, e.currentVersion(), e.currentVersion() + 1, FormErrors.none(),
                    ConflictView.of(e, Map.of("content", "Markdown"), Map.of("content", content))), 409);
        }
    }

    /**
     * A GET of the save's address (a refused save, reloaded) opens the edit page that holds its form; of the approval's,
     * the component's page that holds the approve button.
     */
    @GET
    public Response saveForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's component is 404 under this slug, as on every route, not a redirect to a page that 404s
        views.row(projectAccess.read(slug), ComponentViews.uuid(id));
        return FormAddress.holder("/projects/{slug}/components/{id}/design-doc/edit", slug, id);
    }

    @GET
    @Path("/approve")
    public Response approveForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        views.row(projectAccess.read(slug), ComponentViews.uuid(id));
        return FormAddress.holder("/projects/{slug}/components/{id}", slug, id);
    }

    @RoleFirst.Lead
    @POST
    @Path("/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("version") Integer version,
                            @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.LEAD);
        UUID cid = ComponentViews.uuid(id);
        DesignDoc d = designDocs.approve(access, cid, version);
        String message = "Design doc version " + d.version + " approved.";
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(ComponentResource.Templates.component$designDoc(views.page(access, cid)), message);
        }
        return Flash.redirect(headers, ComponentViews.link(access, cid) + "#design-doc", message);
    }

    @GET
    @Path("/diff")
    public Response diff(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("from") Integer from,
                         @QueryParam("to") Integer to) {
        Access access = projectAccess.read(slug);
        ComponentRow c = views.row(access, ComponentViews.uuid(id));
        DesignDoc doc = designDocs.find(c.id()).orElseThrow(() -> ApiException.notFound("The component " + c.name() + " has no design doc yet"));
        int t = to == null ? doc.version : to;
        int f = from == null ? Math.max(1, t - 1) : from;
        return Htmx.page(Templates.designDocDiff(access, c, f, t, designDocs.diff(doc.id, f, t), designDocs.revisions(doc.id)));
    }
}
