package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.kernel.StaleVersionException;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    MockupService mockups;

    @Inject
    ContextItemService contextItems;

    @GET
    @Path("design")
    public Response tree(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Access access = projectAccess.read(slug);
        TreePage page = treePage(access, PageForm.empty(), FormErrors.none(), null);
        return Htmx.pageOrFragment(headers, () -> Templates.tree(page), () -> Templates.tree$tree(page));
    }

    /** Creates a page (and its first mockup when HTML is given) and opens it. */
    @POST
    @Path("pages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("slug") String slug, @BeanParam PageForm form, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        try {
            Page p = pages.create(access, form);
            return Flash.redirect(headers, link(access, p.id), "Page " + p.name + " created" + (form.hasMockup() ? " with its first mockup." : "."));
        } catch (ValidationException e) {
            return Htmx.invalid(Templates.tree(treePage(access, form, e.errors(), null)));
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.tree(treePage(access, form, FormErrors.none().add("path", e.getMessage()), null)), 409);
        }
    }

    /** Puts one level of the tree in the order a drag left it: {@code parent} (empty for the top level) and every sibling's id. */
    @POST
    @Path("design/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response order(@PathParam("slug") String slug, @FormParam("parent") String parent, @FormParam("ids") List<String> ids,
                          @FormParam("moved") String moved, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        List<UUID> order = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            UUID u = PageService.parseUuid(id);
            if (u == null) {
                throw ApiException.badRequest("Unknown page id " + id);
            }
            order.add(u);
        }
        UUID parentId = parent == null || parent.isBlank() ? null : uuid(parent);
        pages.reorder(access, parentId, order);
        return treeAnswer(access, PageService.parseUuid(moved), "Page order saved.", headers);
    }

    /** Moves a page up or down among its siblings: the keyboard way of ordering. */
    @POST
    @Path("pages/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("direction") String direction,
                         @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID pid = uuid(id);
        Page p = pages.get(access.project().id, pid);
        pages.move(access, pid, direction);
        return treeAnswer(access, pid, p.name + " moved " + ("up".equals(direction) ? "up" : "down") + ".", headers);
    }

    private Response treeAnswer(Access access, UUID moved, String message, HttpHeaders headers) {
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(Templates.tree$tree(treePage(access, PageForm.empty(), FormErrors.none(), moved)), message);
        }
        return Flash.redirect(headers, "/projects/" + access.slug() + "/design", message);
    }

    @GET
    @Path("pages/{id}")
    public Response show(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("device") String device) {
        Access access = projectAccess.read(slug);
        Page p = pages.get(access.project().id, uuid(id));
        return Htmx.page(Templates.page(view(access, p, device, null, FormErrors.none(), null, FormErrors.none(), null, Map.of())));
    }

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
            return Htmx.invalid(Templates.page(view(access, pages.get(access.project().id, pid), null, form, e.errors(), null, FormErrors.none(), null, Map.of())));
        } catch (StaleVersionException e) {
            PageForm rebased = new PageForm(form.name(), form.path(), form.parent(), form.type(), form.purpose(), form.primaryDevice(),
                    form.keyElements(), e.currentVersion(), "", "", "");
            return Htmx.page(Templates.page(view(access, pages.get(access.project().id, pid), null, rebased,
                    FormErrors.none().add("version", e.getMessage()), null, FormErrors.none(), null, Map.of())), 409);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Htmx.page(Templates.page(view(access, pages.get(access.project().id, pid), null, form,
                    FormErrors.none().add("path", e.getMessage()), null, FormErrors.none(), null, Map.of())), 409);
        }
    }

    /** Moves the page along draft → designed → approved → built (a lead approves). */
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

    /** Records that this page uses a context item (its usage count goes up). */
    @POST
    @Path("pages/{id}/references")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reference(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("item") String item,
                              @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        Page p = pages.get(access.project().id, uuid(id));
        UUID itemId = PageService.parseUuid(item);
        if (itemId == null) {
            throw ValidationException.of("item", "Choose a context item");
        }
        contextItems.reference(access, itemId, "page", p.id, p.name);
        return Flash.redirect(headers, link(access, p.id) + "#references", "Context item referenced on this page.");
    }

    TreePage treePage(Access access, PageForm form, FormErrors errors, UUID moved) {
        List<PageRow> rows = pages.rows(access.project().id);
        return new TreePage(access, PageService.tree(rows), rows, form, errors, moved);
    }

    PageView view(Access access, Page p, String device, PageForm form, FormErrors errors, MockupForm mockupForm, FormErrors mockupErrors,
                  String conflict, Map<String, String> theirs) {
        List<PageRow> rows = pages.rows(access.project().id);
        PageRow parent = rows.stream().filter(r -> r.id().equals(p.parentId)).findFirst().orElse(null);
        List<PageRow> children = rows.stream().filter(r -> p.id.equals(r.parentId())).toList();
        Mockup current = p.currentMockupId == null ? null : Mockup.findById(p.currentMockupId);
        int currentVersion = current == null ? 0 : current.version;
        return new PageView(access, p, parent, children, rows, current, current == null ? MockupAnalysis.empty() : current.analysis(),
                mockups.versions(p.id, p.currentMockupId), p.nextStatuses(access.role()).stream().filter(s -> access.may(Role.MEMBER)).toList(),
                device(device), form == null ? PageForm.of(p, p.parentId == null ? "" : p.parentId.toString()) : form, errors,
                mockupForm == null ? MockupForm.empty(currentVersion) : mockupForm, mockupErrors, conflict, theirs,
                contextItems.referencedBy(access.project().id, "page", p.id), contextItems.rows(access.project().id));
    }

    static String device(String device) {
        return device != null && MockupAnalyzer.DEVICES.containsKey(device) ? device : "all";
    }

    static String link(Access access, UUID id) {
        return "/projects/" + access.slug() + "/pages/" + id;
    }

    static UUID uuid(String id) {
        UUID u = PageService.parseUuid(id);
        if (u == null) {
            throw ApiException.notFound("No such page in this project");
        }
        return u;
    }
}
