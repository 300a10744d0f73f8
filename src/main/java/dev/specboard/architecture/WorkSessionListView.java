package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.story.ContextRef;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/**
 * The project's work sessions with their filters (none listed when one is refused, {@code filterErrors} saying why), and the
 * form that starts one; {@code failing} is the session whose "Fail" was refused, with the {@code note} typed for it.
 */
public record WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors,
                               UUID failing, String note) {

    public WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors) {
        this(access, rows, filter, contexts, components, form, errors, filterErrors, null, null);
    }

    /** The refused session's id, whose note field ({@code note-<id>}) the error summary atop the page links to; null when none was. */
    public String errorRow() {
        return failing != null && errors.has("note") && rows.stream().anyMatch(r -> failing.equals(r.id())) ? failing.toString() : null;
    }

    public List<String> statuses() {
        return WorkSession.STATUSES;
    }

    public List<String> types() {
        return WorkSession.TYPES;
    }

    public List<String> targetTypes() {
        return WorkSession.TARGET_TYPES;
    }
}
