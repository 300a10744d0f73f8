package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.DeletedMeanwhile;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The page tree (create, reorder by drag or keyboard) and one page (edit, status, its mockups, context references). */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate(basePath = "design")
    static class Templates {
        static native TemplateInstance tree(TreePage page);

        static native TemplateInstance tree$tree(TreePage page);

        static native TemplateInstance page(PageView view);
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    PageViews views;

    @Inject
    ContextItemService contextItems;

    @GET
    @Path("design")
    public Response tree(@PathParam("slug") String slug, @QueryParam("pattern") String pattern, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        TreePage page = views.tree(access, pattern);
        if (page.filterErrors().any()) {
            return Htmx.invalid(Templates.tree(page));
        }
        return Htmx.pageOrFragment(headers, () -> Templates.tree(page), () -> Templates.tree$tree(page));
    }

    /** Creates a page (and its first mockup when HTML is given) and opens it. */
    /** The new-page form lives on the design page: a reload of its refused answer opens that page. */
    @GET
    @Path("pages")
    public Response pagesForm(@PathParam("slug") String slug) {
        projectAccess.read(slug);
        return FormAddress.holder("/projects/{slug}/design", slug);
    }

    @RoleFirst.Member
    @POST
    @Path("pages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam PageForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Page p = pages.create(access, form);
            return Flash.redirect(headers, link(access, p.id), "Page " + p.name + " created" + (form.hasMockup() ? " with its first mockup." : "."));
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.tree(views.tree(access, form, e.errors(), null)));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.tree(views.tree(access, form, FormErrors.none().add("path", e.getMessage()), null)), 409);
        }
    }

    @GET
    @Path("pages/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("device") String device,
                         @QueryParam("page") Integer page) {
        Access access = projectAccess.read(slug);
        PageView view = views.page(access, uuid(id), device, page);
        return view.deviceErrors().any() ? Htmx.invalid(Templates.page(view)) : Htmx.page(Templates.page(view));
    }

    @RoleFirst.Member
    @DeletedMeanwhile.Editor
    @POST
    @Path("pages/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("id") String id, @BeanParam PageForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID pid = uuid(id);
        try {
            Page p = pages.update(access, pid, form);
            return Flash.redirect(headers, link(access, p.id), "Page saved.");
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.page(views.page(access, pid, form, e.errors())));
        } catch (StaleVersionException e) {
            return Htmx.page(Templates.page(views.page(access, pid, form.withVersion(e.currentVersion()),
                    FormErrors.none().add("version", e.getMessage()), dev.specboard.kernel.ConflictView.of(e,
                            StaleVersionException.texts("name", "Name", "path", "Path", "purpose", "Purpose")))), 409);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.page(views.page(access, pid, form, FormErrors.none().add("path", e.getMessage()))), 409);
        }
    }

    /** The status, references, move and delete forms live on the page: a GET of their address opens it. */
    @GET
    @Path("pages/{id}/{form: status|references|move|delete}")
    public Response pageForms(@PathParam("slug") String slug, @PathParam("id") String id) {
        // another project's page is 404 under this slug, as on every route, not a redirect to a page that 404s
        pages.get(projectAccess.read(slug).project().id, uuid(id));
        return FormAddress.holder("/projects/{slug}/pages/{id}", slug, id);
    }

    /** Moves the page along draft → designed → approved → built (a lead approves). */
    @RoleFirst.Member
    @POST
    @Path("pages/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("status") String status,
                           @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        PageStatus target = PageStatus.parse(status).orElseThrow(() -> ValidationException.of("status", "Choose draft, designed, approved or built"));
        Page p = pages.setStatus(access, uuid(id), target);
        return Flash.redirect(headers, link(access, p.id), "The page is now " + p.status.value() + ".");
    }

    /** Deletes the page with its mockups (confirmed first in the browser) and goes back to the tree; 409 while pages sit under it. */
    @RoleFirst.Member
    @POST
    @Path("pages/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Page p = pages.get(access.project().id, uuid(id));
        String name = p.name;
        pages.delete(access, p.id);
        return Flash.redirect(headers, "/projects/" + access.slug() + "/design", "Page " + name + " deleted.");
    }

    /** Records that this page uses a context item (its usage count goes up). */
    @RoleFirst.Member
    @POST
    @Path("pages/{id}/references")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reference(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("item") String item,
                              @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Page p = pages.get(access.project().id, uuid(id));
        UUID itemId = Ids.parseOrNull(item);
        if (itemId == null) {
            throw ValidationException.of("item", "Choose a context item");
        }
        contextItems.reference(access, itemId, "page", p.id, p.name);
        return Flash.redirect(headers, link(access, p.id) + "#references", "Context item referenced on this page.");
    }

    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/pages/" + id;
    }

    static UUID uuid(String id) {
        return Ids.parseOr404(id, "No such page in this project");
    }
}
