package dev.specboard.repo;

import java.util.List;

/**
 * A file of a manifest version ready to show: its lines, or a notice saying why they are not shown
 * (binary, too large).
 */
public record FileView(int manifestVersion, String commitSha, boolean latest, ManifestEntry entry,
                          List<TreeView.CrumbRef> crumbs, List<String> lines, String notice) {

    public boolean shown() {
        return notice == null;
    }

    public String shortSha() {
        return commitSha.substring(0, Math.min(10, commitSha.length()));
    }

    public String text() {
        return String.join("\n", lines);
    }
}
