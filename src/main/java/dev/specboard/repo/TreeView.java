package dev.specboard.repo;

import java.util.List;
import java.util.UUID;

/** A folder of a manifest version: breadcrumb and children, folders first. */
public record TreeView(UUID manifestId, int manifestVersion, String commitSha, boolean latest, String path, List<CrumbRef> crumbs,
                       List<TreeRow> items) {

    /** One step of the breadcrumb. */
    public record CrumbRef(String name, String path) {
    }

    public String shortSha() {
        return commitSha.substring(0, Math.min(10, commitSha.length()));
    }
}
