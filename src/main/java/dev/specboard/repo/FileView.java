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
}
