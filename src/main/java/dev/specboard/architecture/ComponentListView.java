package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.story.ContextRef;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/** The component list: filtered components grouped by context (none when a filter is refused, {@code filterErrors} saying why), and the new-component form. */
public record ComponentListView(Access access, List<GroupView> groups, String type, String completion, String context, int total, int shown,
                             List<ContextRef> contexts, ComponentForm form, FormErrors errors, FormErrors filterErrors) {

    /** The components of one context (or of none). */
    public record GroupView(UUID contextId, String name, List<ComponentRow> rows) {
    }

    public List<String> types() {
        return Component.TYPES;
    }

    public boolean filtered() {
        return !type.isEmpty() || !completion.isEmpty() || !context.isEmpty();
    }
}
