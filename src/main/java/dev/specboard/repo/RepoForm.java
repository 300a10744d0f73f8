package dev.specboard.repo;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;

/** A repository's settings as people enter them (also the body of {@code POST /api/v1/projects/{slug}/repos}). */
public record RepoForm(
        @FormParam("name") @Filled(message = "Give the repository a name")
        @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", message = "Letters, digits, '.', '_' or '-', starting with a letter or digit (at most 100)")
        String name,
        @FormParam("url") @Filled(message = "Enter the git URL or a local path") @Chars(max = 2000, message = "At most 2000 characters")
        String url,
        @FormParam("defaultBranch") @Chars(max = 100, message = "At most 100 characters")
        @Pattern(regexp = "^$|^[A-Za-z0-9._/-]+$", message = "Letters, digits, '.', '_', '/' or '-'")
        String defaultBranch,
        @FormParam("syncIntervalMinutes") @Pattern(regexp = "^\\s*\\d{0,5}\\s*$", message = "A number of minutes, or empty for no schedule")
        String syncIntervalMinutes) {

    public static RepoForm empty() {
        return new RepoForm("", "", "main", "");
    }

    public static RepoForm of(Repo repo) {
        return new RepoForm(repo.name, repo.displayUrl(), repo.defaultBranch,
                repo.syncIntervalMinutes == null ? "" : String.valueOf(repo.syncIntervalMinutes));
    }

    public String branchOrDefault() {
        return defaultBranch == null || defaultBranch.isBlank() ? "main" : defaultBranch.trim();
    }

    public Integer interval() {
        return syncIntervalMinutes == null || syncIntervalMinutes.isBlank() ? null : Integer.valueOf(syncIntervalMinutes.trim());
    }
}
