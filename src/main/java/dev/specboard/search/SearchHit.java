package dev.specboard.search;

import dev.specboard.repo.GitNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One thing found: its kind, human key, title, link and the highlighted passage. The passage is a
 * list of pieces, marked or not, so a page prints each piece escaped and wraps the marked ones in
 * {@code <mark>}: nothing of the indexed text ever reaches a page as HTML.
 */
public record SearchHit(String kind, String key, String title, String url, double rank, List<Piece> snippet) {

    /** Where ts_headline puts its start and stop markers (control characters no text of ours contains). */
    static final char START = '\u0002';
    static final char STOP = '\u0003';

    public record Piece(String text, boolean mark) {
    }

    /** The kinds whose title and key hold a file's path, as the manifest writes it. */
    private static final Set<String> PATHS = Set.of("file", "thread");

    /**
     * The title as a page shows it: a path's bytes that are no UTF-8 as U+FFFD, as the file browser shows them
     * ({@link GitNames#readable}), not escaped as {@code \377}.
     */
    public String shownTitle() {
        return PATHS.contains(kind) ? GitNames.readable(title) : title;
    }

    /** The key as a page shows it (see {@link #shownTitle}); the key itself stays as written, it names the file. */
    public String shownKey() {
        return PATHS.contains(kind) ? GitNames.readable(key) : key;
    }

    /** The passage as plain text, for the API and the assistant. */
    public String snippetText() {
        StringBuilder b = new StringBuilder();
        snippet.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    /** Cuts ts_headline's output at its markers; stray markers in the text only end or start a mark. */
    static List<Piece> pieces(String headline) {
        List<Piece> out = new ArrayList<>();
        if (headline == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean marked = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            if (c == START || c == STOP) {
                if (!current.isEmpty()) {
                    out.add(new Piece(current.toString(), marked));
                    current.setLength(0);
                }
                marked = c == START;
            } else if (c >= 0x20 || c == '\n' || c == '\t') {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Piece(current.toString(), marked));
        }
        return out;
    }
}
