package dev.specboard.spec;

import dev.specboard.web.FormErrors;

import java.util.List;
import java.util.Map;

/** The board's column-limits form: what a lead sent and what was wrong with it, or nothing sent yet. */
public record WipLimitsForm(Map<String, List<String>> sent, FormErrors errors) {

    public static WipLimitsForm none() {
        return new WipLimitsForm(Map.of(), FormErrors.none());
    }

    /** The field of a column, as the board's form names it. */
    static String field(TaskStatus column) {
        return "wip-" + column.value();
    }

    /** What the column's field shows: what was sent, kept after a mistake, else the limit as saved. */
    public String value(TaskStatus column, Integer saved) {
        List<String> values = sent.get(field(column));
        if (values != null && !values.isEmpty()) {
            return values.get(0);
        }
        return saved == null ? "" : saved.toString();
    }

    public boolean hasError(TaskStatus column) {
        return errors.has(field(column));
    }

    public String error(TaskStatus column) {
        return errors.get(field(column));
    }
}
