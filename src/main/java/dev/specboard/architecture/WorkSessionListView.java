package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.story.ContextRef;
import dev.specboard.web.FormErrors;

import java.util.List;

/** The project's work sessions with their filters (none listed when one is refused, {@code filterErrors} saying why), and the form that starts one. */
public record WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors) {

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
