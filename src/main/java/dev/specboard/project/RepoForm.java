package dev.specboard.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** Where a project's code lives: the wizard's repository step (sync comes later). */
public record RepoForm(
        @FormParam("repoUrl") @NotBlank(message = "Enter a git URL or a local path, or skip this step")
        @Size(max = 2000, message = "At most 2000 characters") String repoUrl,
        @FormParam("defaultBranch") @Size(max = 100, message = "At most 100 characters") String defaultBranch) {

    public static RepoForm empty() {
        return new RepoForm("", "main");
    }

    public String branchOrMain() {
        return defaultBranch == null || defaultBranch.isBlank() ? "main" : defaultBranch.trim();
    }
}
