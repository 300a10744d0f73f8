package dev.specboard.api;

import dev.specboard.project.RoleFirst;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageOrderService;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Ids;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.ProjectAccess;
import dev.specboard.web.ValidationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The order of the page tree over the API, as the design page's drag and keyboard moves set it: one page up or down
 * among its siblings, or a whole level at once. Each answers the level's pages in their new order.
 */
@Path("/api/v1/projects/{slug}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PageOrderApi {

    @RegisterForReflection
    public record MoveBody(String direction) {
    }

    /** One level of the tree: its parent page (null for the top level) and every page on it, in the new order. */
    @RegisterForReflection
    public record OrderBody(String parentId, List<String> ids) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    PageService pages;

    @Inject
    PageOrderService pageOrder;

    /** Moves the page one place {@code up} or {@code down} among its siblings; 409 when it is already the first or last. */
    @RoleFirst.Member
    @POST
    @Path("/pages/{id}/move")
    public List<DesignApi.PageAnswer> move(@PathParam("slug") String slug, @PathParam("id") String id, MoveBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        UUID page = DesignApi.uuid(id);
        Addressed.page(access, page); // an unknown page is 404 whatever the body
        pageOrder.move(access, page, ComponentApi.body(body).direction());
        List<PageRow> rows = pages.rows(access.project().id);
        UUID parent = rows.stream().filter(r -> r.id().equals(page)).findFirst().map(PageRow::parentId).orElse(null);
        return level(rows, parent);
    }

    /**
     * Puts one level in the given order: {@code parentId} (null or absent for the top level) and the id of every page on
     * that level, each once; 422 for an id that is no page of this project, 409 when the level's pages changed meanwhile.
     */
    @RoleFirst.Member
    @PUT
    @Path("/page-order")
    public List<DesignApi.PageAnswer> order(@PathParam("slug") String slug, OrderBody body) {
        Access access = projectAccess.write(slug, Role.MEMBER);
        OrderBody b = ComponentApi.body(body);
        BodyLists.check().list("ids", b.ids(), BodyLists.MAX_ORDERED).refuse();
        List<PageRow> rows = pages.rows(access.project().id);
        UUID parent = null;
        if (b.parentId() != null) {
            parent = Ids.parseOrNull(b.parentId());
            UUID wanted = parent;
            if (wanted == null || rows.stream().noneMatch(r -> r.id().equals(wanted))) {
                throw ValidationException.of("parentId", "No page of this project has the id " + b.parentId());
            }
        }
        UUID level = parent;
        boolean emptyLevel = rows.stream().noneMatch(r -> Objects.equals(r.parentId(), level));
        if ((b.ids() == null || b.ids().isEmpty()) && !emptyLevel) {
            throw ValidationException.of("ids", "Name every page of the level in the new order");
        }
        List<UUID> order = new ArrayList<>();
        for (String raw : b.ids() == null ? List.<String>of() : b.ids()) {
            UUID id = Ids.parseOrNull(raw);
            if (id == null) {
                throw ValidationException.of("ids", "Not a page id: " + raw);
            }
            if (order.contains(id)) {
                // A mistake in the request, not a change by someone else (which is what 409 would say).
                throw ValidationException.of("ids", "Name each page once: " + raw + " comes twice");
            }
            if (rows.stream().noneMatch(r -> r.id().equals(id))) {
                // Not a page of this project at all: a wrong id in the request, not a level someone changed (409).
                throw ValidationException.of("ids", "No page of this project has the id " + raw);
            }
            order.add(id);
        }
        pageOrder.reorder(access, parent, order);
        return level(pages.rows(access.project().id), parent);
    }

    private static List<DesignApi.PageAnswer> level(List<PageRow> rows, UUID parent) {
        return rows.stream().filter(r -> Objects.equals(r.parentId(), parent)).map(r -> DesignApi.answer(r, rows)).toList();
    }
}
