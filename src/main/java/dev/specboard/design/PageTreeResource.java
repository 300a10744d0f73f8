package dev.specboard.design;

import dev.specboard.project.RoleFirst;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ApiException;
import dev.specboard.web.Flash;
import dev.specboard.web.FormErrors;
import dev.specboard.web.Htmx;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Orders the page tree: by dragging (a whole level at once) or with the keyboard (one page up or down); htmx gets the tree back. */
@Path("/projects/{slug}")
@Produces(MediaType.TEXT_HTML)
public class PageTreeResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    PageOrderService pageOrder;

    @Inject
    PageViews views;

    @Inject
    Flash flash;

    /** Puts one level of the tree in the order a drag left it: {@code parent} (empty for the top level) and every sibling's id. */
    @RoleFirst.Member
    @POST
    @Path("design/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response order(@PathParam("slug") String slug, @FormParam("parent") String parent, @FormParam("ids") List<String> ids,
                          @FormParam("moved") String moved, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        List<UUID> order = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            UUID u = Ids.parseOrNull(id);
            if (u == null) {
                throw ApiException.badRequest("Unknown page id " + id);
            }
            order.add(u);
        }
        UUID parentId = parent == null || parent.isBlank() ? null : PageResource.uuid(parent);
        try {
            pageOrder.reorder(access, parentId, order);
        } catch (ApiException e) {
            return stale(access, e, Ids.parseOrNull(moved), headers);
        }
        return treeAnswer(access, Ids.parseOrNull(moved), "Page order saved.", headers);
    }

    /** Moves a page up or down among its siblings: the keyboard way of ordering. */
    @RoleFirst.Member
    @POST
    @Path("pages/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("slug") String slug, @PathParam("id") String id, @FormParam("direction") String direction,
                         @FormParam("past") String past, @Context HttpHeaders headers) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID pid = PageResource.uuid(id);
        Page p = pages.get(access.project().id, pid);
        try {
            pageOrder.move(access, pid, direction, Ids.parseOrNull(past));
        } catch (ApiException e) {
            return stale(access, e, pid, headers);
        }
        return treeAnswer(access, pid, p.name + " moved " + ("up".equals(direction) ? "up" : "down") + ".", headers);
    }

    /**
     * A move that met the tree in another order than the page showed (someone moved first): the tree as it is now and why
     * nothing was done (409), the page tried kept as the one moved so that it keeps the focus. htmx gets the tree and the
     * message in the flash; a plain form gets the whole page so (it got a bare error page, and its way back the old order).
     */
    private Response stale(Access access, ApiException e, UUID moved, HttpHeaders headers) {
        if (e.status() != 409 || access.archived()) {
            throw e;
        }
        TreePage tree = views.tree(access, PageForm.empty(), FormErrors.none(), moved);
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(409, PageResource.Templates.tree$tree(tree), e.getMessage());
        }
        flash.now(e.getMessage());
        return Htmx.page(PageResource.Templates.tree(tree), 409);
    }

    private Response treeAnswer(Access access, UUID moved, String message, HttpHeaders headers) {
        if (Htmx.isHtmx(headers)) {
            return Htmx.withFlash(PageResource.Templates.tree$tree(views.tree(access, PageForm.empty(), FormErrors.none(), moved)), message);
        }
        return Flash.redirect(headers, "/projects/" + access.slug() + "/design", message);
    }
}
