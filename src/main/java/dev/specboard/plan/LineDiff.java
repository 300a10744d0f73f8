package dev.specboard.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dev.specboard.repo.FileBrowserService;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff of two texts with java-diff-utils, as rows a page shows with their old and new
 * line numbers: changed lines with a few lines of context, hunks separated by a gap row.
 */
public final class LineDiff {

    static final int CONTEXT = 3;

    /** One row of a diff: {@code kind} is {@code same}, {@code add}, {@code del} or {@code gap} (skipped unchanged lines). */
    public record Row(String kind, Integer oldLine, Integer newLine, String text) {
        public boolean isAdd() {
            return "add".equals(kind);
        }

        public boolean isDel() {
            return "del".equals(kind);
        }

        public boolean isGap() {
            return "gap".equals(kind);
        }

        /** The diff sign a screen reader and a copy of the text keep. */
        public String sign() {
            return isAdd() ? "+" : isDel() ? "−" : " ";
        }
    }

    private LineDiff() {
    }

    /** The rows turning {@code before} into {@code after}; empty when they are the same. */
    public static List<Row> rows(List<String> before, List<String> after) {
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Row> rows = new ArrayList<>();
        int oldPos = 0;
        int newPos = 0;
        int lastShownOld = 0;
        List<AbstractDelta<String>> deltas = patch.getDeltas();
        for (int d = 0; d < deltas.size(); d++) {
            AbstractDelta<String> delta = deltas.get(d);
            int start = delta.getSource().getPosition();
            int contextFrom = Math.max(lastShownOld, start - CONTEXT);
            if (contextFrom > lastShownOld || (d == 0 && contextFrom > 0)) {
                rows.add(new Row("gap", null, null, "…"));
            }
            newPos += contextFrom - oldPos;
            oldPos = contextFrom;
            while (oldPos < start) {
                rows.add(new Row("same", oldPos + 1, newPos + 1, before.get(oldPos)));
                oldPos++;
                newPos++;
            }
            for (String line : delta.getSource().getLines()) {
                rows.add(new Row("del", ++oldPos, null, line));
            }
            for (String line : delta.getTarget().getLines()) {
                rows.add(new Row("add", null, ++newPos, line));
            }
            int nextStart = d + 1 < deltas.size() ? deltas.get(d + 1).getSource().getPosition() : before.size();
            int contextTo = Math.min(nextStart, oldPos + CONTEXT);
            while (oldPos < contextTo) {
                rows.add(new Row("same", oldPos + 1, newPos + 1, before.get(oldPos)));
                oldPos++;
                newPos++;
            }
            lastShownOld = oldPos;
        }
        if (!deltas.isEmpty() && lastShownOld < before.size()) {
            rows.add(new Row("gap", null, null, "…"));
        }
        return rows;
    }

    /** Lines of a text without terminators (a final newline makes no extra line); null has none. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : FileBrowserService.splitLines(text);
    }
}
