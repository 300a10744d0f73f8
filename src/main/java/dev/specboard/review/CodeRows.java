package dev.specboard.review;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.specboard.repo.FileView;
import dev.specboard.web.Htmx;
import dev.specboard.web.ReadyHtml;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders the rows of a file page's code table once per blob: a blob never changes, so its escaped lines with
 * their numbers and permalinks are kept by SHA as UTF-8 bytes, and a page only cuts them where its threads go. The
 * rows of a segment (the lines between two threads) are also kept deflated, so a page writes them into its gzipped
 * answer as they are ({@link Htmx#readyPage}).
 */
@ApplicationScoped
public class CodeRows {

    /**
     * Rendered lines kept at most, in bytes: a 10,000-line file takes about a megabyte, so eight such files stay
     * rendered.
     */
    static final long KEPT_BYTES = 8L * 1024 * 1024;

    /** Deflated segments kept at most, in bytes (a 2,000-line file's rows deflate to about 25 KB). */
    static final long KEPT_DEFLATED_BYTES = 2L * 1024 * 1024;

    /** A file's rows as UTF-8, with where each line's row starts ({@code starts[n]} is the end). */
    record Rendered(byte[] html, int[] starts) {
    }

    /** The rows of lines {@code from} to {@code to} of a blob. */
    record Span(String blobSha, int from, int to) {
    }

    /**
     * Rows of code lines, then the threads that end on the last of them (none for the last segment). The rows are
     * taken from the kept rendering when the page reaches them, so a streamed page holds one segment at a time as
     * text, not a copy of the whole file's rows.
     */
    public static final class Segment {

        private final ReadyHtml rows;
        private final List<ThreadView> threads;

        Segment(ReadyHtml rows, List<ThreadView> threads) {
            this.rows = rows;
            this.threads = threads;
        }

        public RawString rows() {
            return rows.html();
        }

        public ReadyHtml ready() {
            return rows;
        }

        public List<ThreadView> threads() {
            return threads;
        }
    }

    private final Cache<String, Rendered> rendered = Caffeine.newBuilder()
            .maximumWeight(KEPT_BYTES).weigher((String sha, Rendered r) -> r.html().length).build();

    private final Cache<Span, ReadyHtml.Deflated> deflated = Caffeine.newBuilder()
            .maximumWeight(KEPT_DEFLATED_BYTES).weigher((Span s, ReadyHtml.Deflated d) -> d.bytes().length).build();

    /** The file's rows cut after each line that has open threads, with those threads. */
    public List<Segment> segments(FileView file, FileThreadsView threads) {
        int count = file.lineCount();
        if (count == 0) {
            return List.of();
        }
        // The blob is read and split only when its rows are not rendered yet.
        String sha = file.entry().blobSha();
        Rendered r = rendered.get(sha, key -> render(file.lines()));
        count = r.starts().length - 1;
        List<Segment> out = new ArrayList<>();
        int from = 1;
        for (int line : new TreeSet<>(threads.byLine().keySet())) {
            if (line >= from && line <= count) {
                out.add(segment(sha, r, from, line, threads.at(line)));
                from = line + 1;
            }
        }
        if (from <= count) {
            out.add(segment(sha, r, from, count, List.of()));
        }
        return out;
    }

    private Segment segment(String sha, Rendered r, int from, int to, List<ThreadView> threads) {
        int start = r.starts()[from - 1];
        int length = r.starts()[to] - start;
        ReadyHtml rows = new ReadyHtml(r.html(), start, length,
                () -> deflated.get(new Span(sha, from, to), s -> ReadyHtml.Deflated.of(r.html(), start, length)));
        return new Segment(rows, threads);
    }

    /**
     * One row per line. Lean markup: no classes (the stylesheet and review.js know the number cell as the first and
     * the code cell as the second of a line's row), attribute values without quotes, the optional end tags of cells
     * and rows left out (the next row closes them), and no whitespace between rows, which a cell's
     * {@code white-space: pre} would show.
     */
    static Rendered render(List<String> lines) {
        int size = 0;
        for (String l : lines) {
            size += l.length() + 48;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        StringBuilder s = new StringBuilder(256);
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = out.size();
            int n = i + 1;
            s.setLength(0);
            s.append("<tr id=L").append(n).append("><td><a href=#L").append(n).append('>').append(n).append("</a><td>");
            escape(lines.get(i), s);
            out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        starts[lines.size()] = out.size();
        return new Rendered(out.toByteArray(), starts);
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
