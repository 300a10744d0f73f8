package dev.specboard.review;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.repo.FileView;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders the rows of a file page's code table once per blob: a blob never changes, so its escaped lines with
 * their numbers and permalinks are kept by SHA, and a page only cuts them where its threads go.
 */
@ApplicationScoped
public class CodeRows {

    /**
     * Rendered lines kept at most, in characters: a 10,000-line file takes about a megabyte (two when a line holds
     * a character beyond Latin-1), so eight such files stay rendered.
     */
    static final long KEPT_CHARS = 8L * 1024 * 1024;

    /** A file's rows, with where each line's row starts ({@code starts[n]} is the end). */
    record Rendered(String html, int[] starts) {

        /** The rows of lines {@code from} to {@code to}, both counted from 1 and included. */
        RawString rows(int from, int to) {
            return new RawString(html.substring(starts[from - 1], starts[to]));
        }
    }

    /**
     * Rows of code lines, then the threads that end on the last of them (none for the last segment). The rows are
     * cut from the kept rendering when the page reaches them, so a streamed page holds one segment at a time, not a
     * copy of the whole file's rows.
     */
    public static final class Segment {

        private final Rendered rendered;
        private final int from;
        private final int to;
        private final List<ThreadView> threads;

        Segment(Rendered rendered, int from, int to, List<ThreadView> threads) {
            this.rendered = rendered;
            this.from = from;
            this.to = to;
            this.threads = threads;
        }

        public RawString rows() {
            return rendered.rows(from, to);
        }

        public List<ThreadView> threads() {
            return threads;
        }
    }

    private final Cache<String, Rendered> rendered = Caffeine.newBuilder()
            .maximumWeight(KEPT_CHARS).weigher((String sha, Rendered r) -> r.html().length()).build();

    /** The file's rows cut after each line that has open threads, with those threads. */
    public List<Segment> segments(FileView file, FileThreadsView threads) {
        int count = file.lineCount();
        if (count == 0) {
            return List.of();
        }
        // The blob is read and split only when its rows are not rendered yet.
        Rendered r = rendered.get(file.entry().blobSha(), sha -> render(file.lines()));
        count = r.starts().length - 1;
        List<Segment> out = new ArrayList<>();
        int from = 1;
        for (int line : new TreeSet<>(threads.byLine().keySet())) {
            if (line >= from && line <= count) {
                out.add(new Segment(r, from, line, threads.at(line)));
                from = line + 1;
            }
        }
        if (from <= count) {
            out.add(new Segment(r, from, count, List.of()));
        }
        return out;
    }

    /**
     * One row per line. Lean markup: the optional end tags of cells and rows are left out (the next row closes
     * them), and no whitespace separates rows, which a cell's {@code white-space: pre} would show.
     */
    static Rendered render(List<String> lines) {
        int size = 0;
        for (String l : lines) {
            size += l.length() + 64;
        }
        StringBuilder s = new StringBuilder(size);
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = s.length();
            int n = i + 1;
            s.append("<tr id=\"L").append(n).append("\"><td class=\"ln\"><a href=\"#L").append(n).append("\">").append(n)
                    .append("</a><td class=\"lc\">");
            escape(lines.get(i), s);
        }
        starts[lines.size()] = s.length();
        return new Rendered(s.toString(), starts);
    }

    /** Escapes text for an element's content. */
    static void escape(String text, StringBuilder s) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                default -> s.append(c);
            }
        }
    }
}
