package dev.specboard.kernel;


import java.util.List;
import java.util.Map;

/**
 * What a 409 edit page shows next to the form that keeps your text: the version saved meanwhile
 * and, field by field, how your text differs from it.
 */
public record ConflictView(int currentVersion, String changedBy, List<FieldView> fields) {

    /** One field: their text and the diff from theirs to yours. */
    public record FieldView(String label, String theirs, List<TextDiff.Segment> diff) {
    }

    /**
     * Who saved the version shown, to start a sentence: "You, in another tab or window,", "The assistant", the member's
     * name, or "Someone else" when it is not known.
     */
    public String savedBy() {
        if (changedBy == null) {
            return "Someone else";
        }
        if (changedBy.equals(StaleVersionException.BY_YOU)) {
            return "You, in another tab or window,";
        }
        boolean phrase = changedBy.equals(StaleVersionException.BY_YOU) || changedBy.equals(StaleVersionException.BY_ASSISTANT);
        return phrase ? Character.toUpperCase(changedBy.charAt(0)) + changedBy.substring(1) : changedBy;
    }

    /** The sentence that says who saved which version: "Ann saved version 3.". */
    public String notice() {
        return savedBy() + " saved version " + currentVersion + ".";
    }

    /** The fields of {@code labels}, in their order, with the text the refused save sent as yours. */
    public static ConflictView of(StaleVersionException e, Map<String, String> labels) {
        return of(e, labels, e.yours());
    }

    public static ConflictView of(StaleVersionException e, Map<String, String> labels, Map<String, String> yours) {
        return of(e, labels, e.current(), yours);
    }

    /**
     * The same with their text given as well, for a document whose stored text is not what people read (a hierarchical
     * spec's JSON, shown as its readable document).
     */
    public static ConflictView of(StaleVersionException e, Map<String, String> labels, Map<String, String> theirs, Map<String, String> yours) {
        List<FieldView> fields = labels.entrySet().stream()
                .map(l -> new FieldView(l.getValue(), theirs.getOrDefault(l.getKey(), ""),
                        TextDiff.diff(theirs.getOrDefault(l.getKey(), ""), yours.getOrDefault(l.getKey(), ""))))
                .toList();
        return new ConflictView(e.currentVersion(), e.changedBy(), fields);
    }
}
