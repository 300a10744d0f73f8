package dev.specboard.design;

import dev.specboard.kernel.TextDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A line diff of two versions of a mockup's source (TextDiff's line diff), as rows for a two-column line-numbered table. */
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

    /**
     * The diff of one source (HTML, CSS or JS) with how many lines it adds and removes; {@code tooLarge} when the
     * versions differ over too many lines to compare (then {@code lines} is empty), {@code hidden} the rows left out
     * after the first {@link #MAX_ROWS}.
     */
    public record Section(String label, List<Line> lines, int added, int removed, boolean tooLarge, int hidden) {
        public boolean changed() {
            return tooLarge || added > 0 || removed > 0;
        }
    }

    /** Rows shown per source: a page of a hundred thousand table rows helps nobody and costs the server its heap. */
    static final int MAX_ROWS = 2_000;

    public static Section section(String label, String before, String after) {
        Optional<List<Line>> diff = lines(before, after);
        if (diff.isEmpty()) {
            return new Section(label, List.of(), 0, 0, true, 0);
        }
        List<Line> lines = diff.get();
        int added = (int) lines.stream().filter(Line::added).count();
        int removed = (int) lines.stream().filter(Line::removed).count();
        int shown = Math.min(lines.size(), MAX_ROWS);
        return new Section(label, lines.subList(0, shown), added, removed, false, lines.size() - shown);
    }

    /** The numbered lines of the diff (TextDiff's guarded line diff), or empty when the versions are too large to compare. */
    public static Optional<List<Line>> lines(String before, String after) {
        Optional<List<TextDiff.Segment>> diff = TextDiff.lines(split(before), split(after));
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (TextDiff.Segment s : diff.get()) {
            switch (s.op()) {
                case EQUAL -> out.add(new Line("same", ++i, ++j, s.text()));
                case DELETE -> out.add(new Line("removed", ++i, null, s.text()));
                case INSERT -> out.add(new Line("added", null, ++j, s.text()));
            }
        }
        return Optional.of(out);
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
