package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.story.ContextRef;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.UUID;

/**
 * The project's work sessions with their filters (none listed when one is refused, {@code filterErrors} saying why), and the
 * form that starts one; {@code failing} is the session whose "Fail" or "Complete" was refused, with the {@code note} typed for
 * it and, for a refusal that is no input error (409), the {@code refusal} saying why; a stale design doc keeps the
 * {@code designDoc} typed and shows the {@code savedDoc} text saved meanwhile.
 */
public record WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors,
                               UUID failing, String note, String refusal, String designDoc, String savedDoc) {

    public WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors) {
        this(access, rows, filter, contexts, components, form, errors, filterErrors, null, null, null, null, null);
    }

    /** The same page after the finish of {@code session} was refused ({@code refusal} null for an input error), keeping the note. */
    public WorkSessionListView refused(UUID session, String refusal, String note) {
        return new WorkSessionListView(access, rows, filter, contexts, components, form, errors, filterErrors, session, note, refusal, null, null);
    }

    /** The same with the design doc text typed for the refused completion and the one saved meanwhile (null unless stale). */
    public WorkSessionListView keeping(String typedDoc, String saved) {
        return new WorkSessionListView(access, rows, filter, contexts, components, form, errors, filterErrors, failing, note, refusal, typedDoc, saved);
    }

    /** The row whose finish form opens again with the note typed, when the viewer may still finish it; null when none. */
    public String openRow() {
        if (refusal == null) {
            return errorRow();
        }
        return rows.stream().anyMatch(r -> r.id().equals(failing) && r.inProgress() && r.mayFinish(access.accountId(), access.isLead()))
                ? failing.toString() : null;
    }

    /** The note typed, shown with the refusal when its row offers no form to keep it in. */
    public String keptNote() {
        return refusal != null && openRow() == null && note != null && !note.isBlank() ? note : null;
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
