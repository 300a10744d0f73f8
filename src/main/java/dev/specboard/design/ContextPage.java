package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/** The context items screen: the items with their analysis and usage, and the add form (kept with its errors). */
public record ContextPage(Access access, List<ContextItemRow> items, ContextItemInput form, FormErrors errors, String maxUpload) {

    public List<String> types() {
        return ContextItem.TYPES;
    }

    public List<String> categories() {
        return ContextItem.CATEGORIES;
    }
}
