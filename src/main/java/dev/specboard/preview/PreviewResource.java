package dev.specboard.preview;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormAddress;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.PublicAddress;
import dev.specboard.web.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

import java.util.List;

/** The project's preview links: each with its link, expiry and stage history; a lead creates and revokes them. */
@Path("/projects/{slug}/previews")
@Produces(MediaType.TEXT_HTML)
public class PreviewResource {

    /** The previews screen; {@code baseUri} is the public address (else the one the browser reached), for links to share. */
    public record PreviewsPage(Access access, List<PreviewRow> previews, PageNumbers at, List<PageRow> pages, PreviewForm form, FormErrors errors,
                               URI baseUri) {

        /** The whole address of a preview, to paste into a message: a path alone opens nothing there. */
        public String link(PreviewRow preview) {
            return baseUri.resolve(preview.url()).toString();
        }
    }

    @CheckedTemplate(basePath = "preview")
    static class Templates {
        static native TemplateInstance list(PreviewsPage page);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PreviewService previews;

    @Inject
    PageService pages;

    @Inject
    PublicAddress publicAddress;

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("page") Integer page, @Context UriInfo uri) {
        Access access = projectAccess.read(slug);
        return Htmx.page(Templates.list(page(access, page, PreviewForm.empty(), FormErrors.none(), uri)));
    }

    @RoleFirst.Lead
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam PreviewForm form, @Context HttpHeaders headers,
                           @Context UriInfo uri) {
        Access access = projectAccess.write(slug, Role.LEAD);
        try {
            PreviewSession s = previews.create(access, form);
            return Flash.redirect(headers, "/projects/" + slug + "/previews#preview-" + s.id, "Preview link created: anyone with it can open it until it expires.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.list(page(access, null, form, e.errors(), uri)));
        }
    }

    @RoleFirst.Lead
    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.closeAccess(slug, Role.LEAD);
        try {
            previews.revoke(access, PreviewService.uuid(id));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Revoked from another tab, or expired while the page showed the button: the list as it is now says so.
            return Flash.redirect(headers, "/projects/" + slug + "/previews#preview-" + id, e.getMessage());
        }
        return Flash.redirect(headers, "/projects/" + slug + "/previews", "Preview revoked: its link no longer opens.");
    }

    private PreviewsPage page(Access access, Integer page, PreviewForm form, FormErrors errors, UriInfo uri) {
        PreviewService.Listing shown = previews.page(access.project().id, page);
        return new PreviewsPage(access, shown.rows(), shown.at(), pages.rows(access.project().id).stream().filter(PageRow::hasMockup).toList(),
                form, errors, publicAddress.base(uri));
    }

    /** The revoke form lives on the previews page; another project's preview is 404 like a POST there. */
    @GET
    @Path("/{id}/revoke")
    public Response revokeForm(@PathParam("slug") String slug, @PathParam("id") String id) {
        previews.get(projectAccess.read(slug).project().id, PreviewService.uuid(id));
        return FormAddress.holder("/projects/{slug}/previews", slug);
    }
}
