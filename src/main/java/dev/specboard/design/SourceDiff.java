package dev.specboard.design;

import dev.specboard.kernel.TextDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * after the first {@link #MAX_ROWS}, {@code partial} when a version has more than {@link #MAX_LINES} lines, of which
     * only the first are compared (the versions differ then, though maybe only after them).
     */
    public record Section(String label, List<Line> lines, int added, int removed, boolean tooLarge, int hidden, boolean partial) {
        public boolean changed() {
            return tooLarge || partial || added > 0 || removed > 0;
        }

        /** How many lines of each version a compare reads, as the page writes the number. */
        public String maxLines() {
            return String.format(Locale.ROOT, "%,d", MAX_LINES);
        }
    }

    /** Rows shown per source: a page of a hundred thousand table rows helps nobody and costs the server its heap. */
    static final int MAX_ROWS = 2_000;

    /**
     * Lines compared per version of a source: a source of 500,000 characters may be as many lines, each a row of the
     * diff (with its numbers) while it is made, tens of MB for one compare; real mockups have far fewer.
     */
    static final int MAX_LINES = 20_000;

    public static Section section(String label, String before, String after) {
        String a = before == null ? "" : before.replace("\r\n", "\n");
        String b = after == null ? "" : after.replace("\r\n", "\n");
        if (a.equals(b)) {
            // Nothing to diff: the page shows the source unchanged, so no line of it is needed.
            return new Section(label, List.of(), 0, 0, false, 0, false);
        }
        List<String> x = split(a, MAX_LINES + 1);
        List<String> y = split(b, MAX_LINES + 1);
        boolean partial = x.size() > MAX_LINES || y.size() > MAX_LINES;
        Optional<List<TextDiff.Segment>> diff = TextDiff.lines(x.subList(0, Math.min(x.size(), MAX_LINES)), y.subList(0, Math.min(y.size(), MAX_LINES)));
        if (diff.isEmpty()) {
            return new Section(label, List.of(), 0, 0, true, 0, partial);
        }
        // Only the rows shown are made; the others are counted.
        List<Line> shown = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int i = 0;
        int j = 0;
        for (TextDiff.Segment s : diff.get()) {
            Line line = switch (s.op()) {
                case EQUAL -> new Line("same", ++i, ++j, s.text());
                case DELETE -> new Line("removed", ++i, null, s.text());
                case INSERT -> new Line("added", null, ++j, s.text());
            };
            added += line.added() ? 1 : 0;
            removed += line.removed() ? 1 : 0;
            if (shown.size() < MAX_ROWS) {
                shown.add(line);
            }
        }
        return new Section(label, List.copyOf(shown), added, removed, false, diff.get().size() - shown.size(), partial);
    }

    /** The text's lines, at most {@code max} of them ("a\n" is two lines, the second empty, as the line numbers count). */
    private static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int from = 0;
        while (out.size() < max) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                out.add(text.substring(from));
                break;
            }
            out.add(text.substring(from, end));
            from = end + 1;
        }
        return out;
    }
}
