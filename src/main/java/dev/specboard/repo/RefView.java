package dev.specboard.repo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The branch or commit a file browser page is read at ({@code ?ref=}), as of the repository's last sync: what the page
 * says it shows, and the query its links carry so that browsing stays on the ref.
 *
 * @param name the ref as given (a branch name or a commit SHA)
 * @param commitSha the commit it names now
 * @param branch whether it names a branch (else a commit by its SHA)
 * @param onDefault whether the page's file or folder is also in the synced default branch (its link back goes there)
 */
public record RefView(String name, String commitSha, boolean branch, boolean onDefault) {

    public String shortSha() {
        return commitSha.substring(0, Math.min(10, commitSha.length()));
    }

    /** The query a link to another file or folder at the same ref carries ({@code ?ref=agent/task-12}: a slash reads as it is). */
    public String query() {
        return "?" + param();
    }

    /** The same as a parameter after others ({@code ref=agent/task-12}, joined with {@code &}). */
    public String param() {
        return "ref=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
