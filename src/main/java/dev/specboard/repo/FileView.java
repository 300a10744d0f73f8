package dev.specboard.repo;

import java.util.List;

/**
 * A file of a repository's manifest version ready to show: its lines (read when first asked for), or a notice saying why they are
 * not shown (binary, too large).
 */
public record FileView(Repo repo, int manifestVersion, String commitSha, boolean latest, ManifestEntry entry,
                          List<TreeView.CrumbRef> crumbs, FileContent content, String notice) {

    public boolean shown() {
        return notice == null;
    }

    public String shortSha() {
        return commitSha.substring(0, Math.min(10, commitSha.length()));
    }

    /** The lines of a shown file; none otherwise. */
    public List<String> lines() {
        return content == null ? List.of() : content.lines();
    }

    public int lineCount() {
        return content == null ? 0 : content.lineCount();
    }

    public String text() {
        return String.join("\n", lines());
    }

    /** One line of a shown file with its number. */
    public record NumberedLine(int number, String text) {
    }

    /** The most lines an excerpt shows: a thread on more names them, the file page shows them all. */
    static final int EXCERPT_LINES = 50;

    /**
     * Lines {@code from} to {@code to} (1-based, as typed in a form or a URL), at most {@link #EXCERPT_LINES}; none
     * when the range is not a range of this file's lines, which the form's validation then names.
     */
    public List<NumberedLine> excerpt(String from, String to) {
        int start;
        int end;
        try {
            start = Integer.parseInt(from == null ? "" : from.strip());
            end = to == null || to.isBlank() ? start : Integer.parseInt(to.strip());
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<String> lines = lines();
        if (start < 1 || end < start || end > lines.size()) {
            return List.of();
        }
        int last = Math.min(end, start + EXCERPT_LINES - 1);
        return java.util.stream.IntStream.rangeClosed(start, last).mapToObj(n -> new NumberedLine(n, lines.get(n - 1))).toList();
    }
}
