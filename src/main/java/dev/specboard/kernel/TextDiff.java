package dev.specboard.kernel;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts (stories, design docs, specs...) computed by java-diff-utils: the
 * segments to keep, insert and delete, rendered by the {@code tags/diff.html} template tag as
 * {@code <ins>}/{@code <del>}.
 */
public final class TextDiff {

    /** Above this many token pairs a word diff reads poorly and costs too much; lines are compared instead. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern WORD = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|.", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("[^\\n]*\\n|[^\\n]+");

    public enum Op { EQUAL, INSERT, DELETE }

    /** One run of text that is unchanged, inserted or deleted. */
    public record Segment(Op op, String text) {
        public boolean isInsert() {
            return op == Op.INSERT;
        }

        public boolean isDelete() {
            return op == Op.DELETE;
        }

        public boolean isEqual() {
            return op == Op.EQUAL;
        }
    }

    private TextDiff() {
    }

    /**
     * The segments that turn {@code before} into {@code after}; null counts as empty. Words are compared, or lines when
     * the words make more than {@link #MAX_CELLS} pairs; when the lines between the common head and tail do as well,
     * those lines are shown deleted and inserted whole (coarse, but a diff of them would take seconds of CPU).
     */
    public static List<Segment> diff(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        List<String> x = tokens(a, WORD);
        List<String> y = tokens(b, WORD);
        if ((long) x.size() * y.size() > MAX_CELLS) {
            Trimmed t = Trimmed.of(tokens(a, LINE), tokens(b, LINE));
            return merge(t.tooLarge() ? t.replaced() : t.diffed());
        }
        List<Segment> raw = new ArrayList<>();
        addDiff(raw, x, y);
        return merge(raw);
    }

    /**
     * One segment per line kept, deleted or inserted, deletions before insertions; empty when the lines between the
     * common head and tail make more than {@link #MAX_CELLS} pairs, because a line diff is quadratic in the lines
     * that differ (two 20,000-line texts that differ throughout took 16 s).
     */
    public static Optional<List<Segment>> lines(List<String> before, List<String> after) {
        Trimmed t = Trimmed.of(before, after);
        return t.tooLarge() ? Optional.empty() : Optional.of(t.diffed());
    }

    /** Two token lists split into the common head, the differing middles and the common tail. */
    private record Trimmed(List<String> head, List<String> before, List<String> after, List<String> tail) {

        static Trimmed of(List<String> before, List<String> after) {
            int head = 0;
            while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < before.size() - head && tail < after.size() - head
                    && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
                tail++;
            }
            return new Trimmed(before.subList(0, head), before.subList(head, before.size() - tail), after.subList(head, after.size() - tail),
                    before.subList(before.size() - tail, before.size()));
        }

        /** True when the middles make more than {@link #MAX_CELLS} pairs, too many to diff. */
        boolean tooLarge() {
            return (long) before.size() * after.size() > MAX_CELLS;
        }

        /** The head kept, the middles diffed (deletions before insertions in each changed run), the tail kept. */
        List<Segment> diffed() {
            List<Segment> middle = new ArrayList<>();
            addDiff(middle, before, after);
            List<Segment> out = new ArrayList<>();
            head.forEach(t -> out.add(new Segment(Op.EQUAL, t)));
            // Myers may emit an insertion before the deletion it replaces; a reader expects the old lines first.
            int k = 0;
            while (k < middle.size()) {
                if (middle.get(k).op() == Op.EQUAL) {
                    out.add(middle.get(k++));
                    continue;
                }
                int end = k;
                while (end < middle.size() && middle.get(end).op() != Op.EQUAL) {
                    end++;
                }
                List<Segment> run = middle.subList(k, end);
                run.stream().filter(Segment::isDelete).forEach(out::add);
                run.stream().filter(Segment::isInsert).forEach(out::add);
                k = end;
            }
            tail.forEach(t -> out.add(new Segment(Op.EQUAL, t)));
            return out;
        }

        /** The head kept, the whole old middle deleted and the whole new one inserted, the tail kept: coarse, but exact. */
        List<Segment> replaced() {
            List<Segment> out = new ArrayList<>();
            head.forEach(t -> out.add(new Segment(Op.EQUAL, t)));
            before.forEach(t -> out.add(new Segment(Op.DELETE, t)));
            after.forEach(t -> out.add(new Segment(Op.INSERT, t)));
            tail.forEach(t -> out.add(new Segment(Op.EQUAL, t)));
            return out;
        }
    }

    private static void addDiff(List<Segment> out, List<String> x, List<String> y) {
        for (AbstractDelta<String> d : DiffUtils.diff(x, y, MyersDiffWithLinearSpace.<String>factory().create(), null, true).getDeltas()) {
            if (d.getType() == DeltaType.EQUAL) {
                d.getSource().getLines().forEach(t -> out.add(new Segment(Op.EQUAL, t)));
            } else {
                d.getSource().getLines().forEach(t -> out.add(new Segment(Op.DELETE, t)));
                d.getTarget().getLines().forEach(t -> out.add(new Segment(Op.INSERT, t)));
            }
        }
    }

    /** True when the two texts differ (null and empty are the same). */
    public static boolean changed(String before, String after) {
        return !(before == null ? "" : before).equals(after == null ? "" : after);
    }

    private static List<String> tokens(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Joins neighbouring segments of the same kind, and folds a lone space between two changes into
     * them, so a rewritten phrase reads as one deletion and one insertion.
     */
    private static List<Segment> merge(List<Segment> raw) {
        List<Segment> folded = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Segment s = raw.get(k);
            if (s.op() == Op.EQUAL && s.text().isBlank() && k > 0 && k < raw.size() - 1
                    && raw.get(k - 1).op() != Op.EQUAL && raw.get(k + 1).op() != Op.EQUAL) {
                folded.add(new Segment(Op.DELETE, s.text()));
                folded.add(new Segment(Op.INSERT, s.text()));
            } else {
                folded.add(s);
            }
        }
        // Deletions before insertions inside each changed run, each run joined into one segment.
        List<Segment> out = new ArrayList<>();
        int k = 0;
        while (k < folded.size()) {
            if (folded.get(k).op() == Op.EQUAL) {
                StringBuilder same = new StringBuilder();
                while (k < folded.size() && folded.get(k).op() == Op.EQUAL) {
                    same.append(folded.get(k++).text());
                }
                out.add(new Segment(Op.EQUAL, same.toString()));
                continue;
            }
            StringBuilder del = new StringBuilder();
            StringBuilder ins = new StringBuilder();
            while (k < folded.size() && folded.get(k).op() != Op.EQUAL) {
                (folded.get(k).op() == Op.DELETE ? del : ins).append(folded.get(k).text());
                k++;
            }
            if (!del.isEmpty()) {
                out.add(new Segment(Op.DELETE, del.toString()));
            }
            if (!ins.isEmpty()) {
                out.add(new Segment(Op.INSERT, ins.toString()));
            }
        }
        return startAtWords(out);
    }

    /** A lone insertion or deletion that starts with a space slides right onto the next word: "a b {+new +}c", not "a b{+ new+} c". */
    private static List<Segment> startAtWords(List<Segment> segments) {
        List<Segment> out = new ArrayList<>(segments);
        for (int k = 1; k < out.size() - 1; k++) {
            Segment before = out.get(k - 1);
            Segment change = out.get(k);
            Segment after = out.get(k + 1);
            if (before.op() != Op.EQUAL || change.op() == Op.EQUAL || after.op() != Op.EQUAL) {
                continue;
            }
            String b = before.text();
            String c = change.text();
            String a = after.text();
            while (!c.isEmpty() && Character.isWhitespace(c.charAt(0)) && a.length() > 1 && a.charAt(0) == c.charAt(0)) {
                b = b + c.charAt(0);
                c = c.substring(1) + c.charAt(0);
                a = a.substring(1);
            }
            out.set(k - 1, new Segment(Op.EQUAL, b));
            out.set(k, new Segment(change.op(), c));
            out.set(k + 1, new Segment(Op.EQUAL, a));
        }
        return out;
    }
}
