package dev.specboard.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page in the tree with its children, whether it can move up or down among its siblings, and the siblings it would change
 * places with ({@code above}, {@code below}; null at either end): a move sends that one, so a move made on a stale tree is
 * refused instead of moving the page somewhere its person did not see.
 */
public record PageNode(PageRow page, List<PageNode> children, boolean first, boolean last, int depth, UUID above, UUID below) {

    /** The tree of these pages: roots and their children, each list in sort order (a page whose parent is not among them is a root). */
    static List<PageNode> tree(List<PageRow> rows) {
        Map<UUID, List<PageRow>> byParent = new HashMap<>();
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        for (PageRow r : rows) {
            UUID parent = r.parentId() != null && ids.contains(r.parentId()) ? r.parentId() : null;
            byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
        }
        return nodes(byParent, null, 0, new java.util.HashSet<>());
    }

    private static List<PageNode> nodes(Map<UUID, List<PageRow>> byParent, UUID parent, int depth, java.util.Set<UUID> seen) {
        List<PageRow> siblings = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
        siblings.sort(Comparator.comparingInt(PageRow::sortOrder).thenComparing(PageRow::path));
        List<PageNode> out = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            PageRow r = siblings.get(i);
            if (!seen.add(r.id())) {
                continue;
            }
            out.add(new PageNode(r, nodes(byParent, r.id(), depth + 1, seen), i == 0, i == siblings.size() - 1, depth,
                    i == 0 ? null : siblings.get(i - 1).id(), i == siblings.size() - 1 ? null : siblings.get(i + 1).id()));
        }
        return out;
    }

    static void flatten(List<PageNode> nodes, List<PageRow> out) {
        for (PageNode n : nodes) {
            out.add(n.page());
            flatten(n.children(), out);
        }
    }
}
