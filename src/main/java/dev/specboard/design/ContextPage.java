package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;

import java.util.List;

/** The context items screen: a page of the items with their analysis and usage, and the add form (kept with its errors). */
public record ContextPage(Access access, List<ContextItemRow> items, PageNumbers at, ContextItemInput form, FormErrors errors, String maxUpload) {

    /** A page of the items and where it is in the list. */
    public record Items(List<ContextItemRow> rows, PageNumbers at) {
    }

    public List<String> types() {
        return ContextItem.TYPES;
    }

    public List<String> categories() {
        return ContextItem.CATEGORIES;
    }
}
