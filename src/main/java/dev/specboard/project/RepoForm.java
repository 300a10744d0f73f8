package dev.specboard.project;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import jakarta.ws.rs.FormParam;

/** Where a project's code lives: the wizard's repository step (sync comes later). */
public record RepoForm(
        @FormParam("repoUrl") @Filled(message = "Enter a git URL or a local path, or skip this step")
        @Chars(max = 2000, message = "At most 2000 characters") String repoUrl,
        @FormParam("defaultBranch") @Chars(max = 100, message = "At most 100 characters") String defaultBranch) {

    public static RepoForm empty() {
        return new RepoForm("", "main");
    }

    public String branchOrMain() {
        return defaultBranch == null || defaultBranch.isBlank() ? "main" : defaultBranch.trim();
    }
}
