package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The order of pages among their siblings: moving one a place up or down, or putting a whole level in a dragged order. */
@ApplicationScoped
public class PageOrderService {

    @Inject
    PageService pages;

    /** Moves a page one place up or down among its siblings (the keyboard way of ordering the tree). */
    @Transactional
    public void move(Access access, UUID id, String direction) {
        move(access, id, direction, null);
    }

    /**
     * Moves a page one place up or down past {@code past}, the sibling the tree showed there (null: whichever is there now);
     * 409 naming the level's order as it is when another page is there now (someone moved, added or deleted one meanwhile).
     */
    @Transactional
    public void move(Access access, UUID id, String direction, UUID past) {
        access.requireWrite(Role.MEMBER);
        Page p = pages.get(access.project().id, id);
        pages.lockProject(p.projectId);
        List<Page> siblings = pages.siblings(p.projectId, p.parentId);
        int i = indexOf(siblings, p.id);
        int j = "up".equals(direction) ? i - 1 : "down".equals(direction) ? i + 1 : -1;
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw ValidationException.of("direction", "Move a page up or down");
        }
        if (past != null && (j < 0 || j >= siblings.size() || !siblings.get(j).id.equals(past))) {
            throw ApiException.conflict("The pages of this level were reordered since this tree was shown, so " + p.name
                    + " was not moved. Their order now: " + String.join(", ", siblings.stream().map(s -> s.name).toList()) + ".");
        }
        if (j < 0 || j >= siblings.size()) {
            throw ApiException.conflict("The page " + p.name + " is already the " + ("up".equals(direction) ? "first" : "last") + " of its level.");
        }
        siblings.add(j, siblings.remove(i));
        renumber(siblings);
    }

    /** Puts the pages of one level in the given order (after a drag); every sibling must be named once. */
    @Transactional
    public void reorder(Access access, UUID parentId, List<UUID> order) {
        access.requireWrite(Role.MEMBER);
        UUID projectId = access.project().id;
        pages.lockProject(projectId);
        if (parentId != null) {
            pages.get(projectId, parentId);
        }
        List<Page> siblings = pages.siblings(projectId, parentId);
        List<UUID> current = siblings.stream().map(s -> s.id).toList();
        if (order.size() != current.size() || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(current))) {
            throw ApiException.conflict("The pages of this level changed meanwhile (a page was added, moved or"
                    + " deleted), so nothing moved. Their order now: " + String.join(", ", siblings.stream().map(s -> s.name).toList()) + ".");
        }
        Map<UUID, Page> byId = new HashMap<>();
        siblings.forEach(s -> byId.put(s.id, s));
        renumber(order.stream().map(byId::get).toList());
    }

    private static int indexOf(List<Page> pages, UUID id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void renumber(List<Page> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).sortOrder = i;
        }
    }
}
