package dev.specboard.design;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two versions of a mockup's source (java-diff-utils), as rows for a two-column line-numbered table. */
public final class SourceDiff {

    private SourceDiff() {
    }

    /** One line: kept ({@code same}), added or removed, with its numbers in the old and new text. */
    public record Line(String kind, Integer oldNumber, Integer newNumber, String text) {
        public boolean added() {
            return kind.equals("added");
        }

        public boolean removed() {
            return kind.equals("removed");
        }

        public String sign() {
            return added() ? "+" : removed() ? "−" : " ";
        }
    }

    /** The diff of one source (HTML, CSS or JS) with how many lines it adds and removes. */
    public record Section(String label, List<Line> lines, int added, int removed) {
        public boolean changed() {
            return added > 0 || removed > 0;
        }
    }

    public static Section section(String label, String before, String after) {
        List<Line> lines = lines(before, after);
        int added = (int) lines.stream().filter(Line::added).count();
        int removed = (int) lines.stream().filter(Line::removed).count();
        return new Section(label, lines, added, removed);
    }

    public static List<Line> lines(String before, String after) {
        List<String> a = split(before);
        List<String> b = split(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            while (i < at) {
                out.add(new Line("same", i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String s : d.getSource().getLines()) {
                out.add(new Line("removed", ++i, null, s));
            }
            for (String s : d.getTarget().getLines()) {
                out.add(new Line("added", null, ++j, s));
            }
        }
        while (i < a.size()) {
            out.add(new Line("same", i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return out;
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
