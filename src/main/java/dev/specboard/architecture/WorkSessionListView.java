package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.story.ContextRef;
import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The project's work sessions with their filters (none listed when one is refused, {@code filterErrors} saying why), and the
 * form that starts one; {@code failing} is the session whose "Fail" or "Complete" was refused ({@code outcome} saying which:
 * "Not completed"), with the {@code note} typed for it and, for a refusal that is no input error (409), the {@code refusal}
 * saying why; {@code designDoc} is the design doc text typed for it, and a stale one shows the {@code savedDoc} text saved meanwhile.
 */
public record WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors,
                               UUID failing, String outcome, String note, String refusal, String designDoc, String savedDoc) {

    public WorkSessionListView(Access access, List<WorkSessionRow> rows, WorkSessionFilter filter, List<ContextRef> contexts,
                               List<ComponentRef> components, WorkSessionForm form, FormErrors errors, FormErrors filterErrors) {
        this(access, rows, filter, contexts, components, form, errors, filterErrors, null, null, null, null, null, null);
    }

    /**
     * The same page after the finish of {@code session} was refused, keeping the note: {@code refusal} says why for a refusal
     * that is no input error, else null and {@link #errors} name the fields; {@code outcome} heads the input errors ("Not completed").
     */
    public WorkSessionListView refused(UUID session, String outcome, String refusal, String note) {
        return new WorkSessionListView(access, rows, filter, contexts, components, form, errors, filterErrors, session, outcome, note, refusal,
                null, null);
    }

    /** The same with the design doc text typed for the refused completion and the one saved meanwhile (null unless stale). */
    public WorkSessionListView keeping(String typedDoc, String saved) {
        return new WorkSessionListView(access, rows, filter, contexts, components, form, errors, filterErrors, failing, outcome, note, refusal,
                typedDoc, saved);
    }

    /** The refused session's row, when it is listed with its finish form (in progress, and the viewer may still finish it). */
    private Optional<WorkSessionRow> offered() {
        return rows.stream().filter(r -> r.id().equals(failing) && r.inProgress() && r.mayFinish(access.accountId(), access.isLead())).findFirst();
    }

    /** The row whose finish form opens again with the note typed, when the viewer may still finish it; null when none. */
    public String openRow() {
        return failing == null ? null : offered().map(r -> r.id().toString()).orElse(null);
    }

    /** Whether the finish was refused for its input (a note too long, say): {@link #errors} name the fields. */
    public boolean inputRefused() {
        return failing != null && refusal == null && errors.any();
    }

    /**
     * The refused session's id, whose fields ({@code note-<id>}, {@code designDoc-<id>}) the error summary atop the page links
     * to; null when none was, or when its form is not shown or lacks a field named (a design doc sent on a session that takes none).
     */
    public String errorRow() {
        if (!inputRefused()) {
            return null;
        }
        return offered().filter(r -> errors.list().stream().allMatch(e -> "note".equals(e.field())
                || "designDoc".equals(e.field()) && r.takesDesignDoc())).map(r -> r.id().toString()).orElse(null);
    }

    /** The refused input's problems in words, each with the field it is about, for the box atop the page. */
    public String problems() {
        return errors.list().stream().map(e -> switch (e.field()) {
            case "note" -> e.message() + " in the result note";
            case "designDoc" -> e.message() + " (the new design doc version)";
            default -> e.message();
        }).collect(Collectors.joining("; ")) + ".";
    }

    /** The refused note field's message, shown next to it; null when the note was not the problem. */
    public String noteError() {
        return inputRefused() && errors.has("note") ? errors.get("note") : null;
    }

    /** The refused design doc field's message, shown next to it; null when the design doc was not the problem. */
    public String docError() {
        return inputRefused() && errors.has("designDoc") ? errors.get("designDoc") : null;
    }

    /** The note typed, shown with the refusal when its row offers no form to keep it in. */
    public String keptNote() {
        return failing != null && openRow() == null && note != null && !note.isBlank() ? note : null;
    }

    /** The design doc text typed, shown with the refusal when its row offers no design doc field to keep it in. */
    public String keptDoc() {
        if (failing == null || designDoc == null || designDoc.isBlank()) {
            return null;
        }
        return offered().filter(WorkSessionRow::takesDesignDoc).isPresent() ? null : designDoc;
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
