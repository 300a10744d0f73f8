package dev.specboard.design;

import java.util.List;

/** A page in the tree with its children, and whether it can move up or down among its siblings. */
public record PageNode(PageRow page, List<PageNode> children, boolean first, boolean last, int depth) {
}
