package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/** The page tree screen: the tree, the new-page form (kept with its errors), and the page last moved (to keep its focus). */
public record TreePage(Access access, List<PageNode> tree, List<PageRow> pages, PageForm form, FormErrors errors, UUID moved) {

    public int total() {
        return pages.size();
    }

    public List<String> types() {
        return Page.TYPES;
    }

    public List<String> devices() {
        return Page.DEVICES;
    }

    public boolean formOpen() {
        return errors.any();
    }
}
