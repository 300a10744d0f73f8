package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/**
 * The page tree screen: the tree, the new-page form (kept with its errors), the page last moved (to keep its focus), and
 * the component pattern it is filtered by ("" for none), which lists the pages using that pattern in place of the tree.
 */
public record TreePage(Access access, List<PageNode> tree, List<PageRow> pages, PageForm form, FormErrors errors, UUID moved,
                       String pattern, FormErrors filterErrors) {

    public int total() {
        return pages.size();
    }

    public List<String> types() {
        return Page.TYPES;
    }

    public List<String> devices() {
        return Page.DEVICES;
    }

    public List<String> patterns() {
        return MockupAnalyzer.COMPONENT_KINDS;
    }

    public boolean filtered() {
        return !pattern.isEmpty() || filterErrors.any();
    }

    /** The pages whose current mockup uses the chosen pattern, in tree order. */
    public List<PageRow> usingPattern() {
        return pattern.isEmpty() ? List.of() : pages.stream().filter(r -> r.relatedPatterns().contains(pattern)).toList();
    }

    public boolean formOpen() {
        return errors.any();
    }
}
