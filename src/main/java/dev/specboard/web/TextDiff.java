package dev.specboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts (stories, design docs, specs...): the segments to keep, insert and
 * delete, rendered by the {@code tags/diff.html} template tag as {@code <ins>}/{@code <del>}.
 */
public final class TextDiff {

    /** Above this many token pairs the exact word diff would cost too much memory; lines are compared instead. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|.", Pattern.DOTALL);

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

    /** The segments that turn {@code before} into {@code after}; null counts as empty. */
    public static List<Segment> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before, TOKEN);
        List<String> b = tokens(after == null ? "" : after, TOKEN);
        List<Segment> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            diffTokens(lines(before), lines(after), out);
        } else {
            diffTokens(a, b, out);
        }
        return merge(out);
    }

    /** True when the two texts differ (null and empty are the same). */
    public static boolean changed(String before, String after) {
        return !(before == null ? "" : before).equals(after == null ? "" : after);
    }

    /** The diff as HTML: escaped text with {@code <ins>} and {@code <del>}, for places without the tag. */
    public static String html(String before, String after) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : diff(before, after)) {
            String text = escape(s.text());
            switch (s.op()) {
                case INSERT -> sb.append("<ins>").append(text).append("</ins>");
                case DELETE -> sb.append("<del>").append(text).append("</del>");
                default -> sb.append(text);
            }
        }
        return sb.toString();
    }

    static List<String> tokens(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Longest common subsequence after trimming the common prefix and suffix. */
    private static void diffTokens(List<String> a, List<String> b, List<Segment> out) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            out.add(new Segment(Op.EQUAL, a.get(i)));
        }
        List<String> x = a.subList(prefix, a.size() - suffix);
        List<String> y = b.subList(prefix, b.size() - suffix);
        if ((long) x.size() * y.size() > MAX_CELLS) {
            x.forEach(t -> out.add(new Segment(Op.DELETE, t)));
            y.forEach(t -> out.add(new Segment(Op.INSERT, t)));
        } else {
            lcs(x, y, out);
        }
        for (int i = a.size() - suffix; i < a.size(); i++) {
            out.add(new Segment(Op.EQUAL, a.get(i)));
        }
    }

    private static void lcs(List<String> x, List<String> y, List<Segment> out) {
        int n = x.size();
        int m = y.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = x.get(i).equals(y.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (x.get(i).equals(y.get(j))) {
                out.add(new Segment(Op.EQUAL, x.get(i)));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                out.add(new Segment(Op.DELETE, x.get(i++)));
            } else {
                out.add(new Segment(Op.INSERT, y.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Segment(Op.DELETE, x.get(i++)));
        }
        while (j < m) {
            out.add(new Segment(Op.INSERT, y.get(j++)));
        }
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
        // Deletions before insertions inside each changed run.
        List<Segment> ordered = new ArrayList<>();
        int k = 0;
        while (k < folded.size()) {
            if (folded.get(k).op() == Op.EQUAL) {
                ordered.add(folded.get(k++));
                continue;
            }
            StringBuilder del = new StringBuilder();
            StringBuilder ins = new StringBuilder();
            while (k < folded.size() && folded.get(k).op() != Op.EQUAL) {
                (folded.get(k).op() == Op.DELETE ? del : ins).append(folded.get(k).text());
                k++;
            }
            if (!del.isEmpty()) {
                ordered.add(new Segment(Op.DELETE, del.toString()));
            }
            if (!ins.isEmpty()) {
                ordered.add(new Segment(Op.INSERT, ins.toString()));
            }
        }
        List<Segment> out = new ArrayList<>();
        for (Segment s : ordered) {
            if (!out.isEmpty() && out.get(out.size() - 1).op() == s.op()) {
                Segment last = out.remove(out.size() - 1);
                out.add(new Segment(s.op(), last.text() + s.text()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
