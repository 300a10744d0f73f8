package dev.specboard.repo;

import java.util.List;

/**
 * A file of a repository's manifest version ready to show: its lines (read when first asked for), or a notice saying why they are
 * not shown (binary, too large, a symbolic link: then {@code link} says where it leads).
 */
public record FileView(Repo repo, int manifestVersion, String commitSha, boolean latest, ManifestEntry entry,
                          List<TreeView.CrumbRef> crumbs, FileContent content, String notice, Link link) {

    /**
     * Where a symbolic link leads: its target as written, and the file or folder of the same tree it names ({@code path},
     * relative to the link's folder), or null when it leads out of the repository or to nothing in it.
     */
    public record Link(String target, String path, boolean dir) {

        static Link of(ManifestFiles.Files all, String linkPath, String target) {
            java.util.Deque<String> steps = new java.util.ArrayDeque<>();
            int slash = linkPath.lastIndexOf('/');
            if (slash > 0) {
                steps.addAll(List.of(linkPath.substring(0, slash).split("/")));
            }
            for (String step : target.split("/", -1)) {
                if (step.equals("..")) {
                    if (steps.pollLast() == null) {
                        return new Link(target, null, false);
                    }
                } else if (!step.isEmpty() && !step.equals(".")) {
                    steps.addLast(step);
                }
            }
            String path = String.join("/", steps);
            if (target.startsWith("/") || target.isEmpty()) {
                return new Link(target, null, false);
            }
            if (path.isEmpty()) {
                return new Link(target, path, true);
            }
            if (all.get(path).isPresent()) {
                return new Link(target, path, false);
            }
            boolean folder = !all.under(path + "/").isEmpty() || !all.submodulesUnder(path + "/").isEmpty();
            return new Link(target, folder ? path : null, folder);
        }

        /** Whether the target is a file or folder of the same tree (the root's path is empty). */
        public boolean inside() {
            return path != null;
        }
    }

    public boolean shown() {
        return notice == null;
    }

    /** A shown file without a byte: no line to show or to comment on. */
    public boolean empty() {
        return notice == null && entry.size() == 0;
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
