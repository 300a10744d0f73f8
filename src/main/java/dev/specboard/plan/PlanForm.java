package dev.specboard.plan;

import dev.specboard.repo.BranchName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A new plan as people enter it (and the body of {@code POST .../repos/{name}/plans}, with the repository from the path). */
public record PlanForm(
        @FormParam("repository") @NotBlank(message = "Choose the repository the plan is for")
        String repository,
        @FormParam("name") @NotBlank(message = "Give the plan a name") @Size(max = 255, message = "At most 255 characters")
        String name,
        @FormParam("description") @Size(max = 20000, message = "At most 20000 characters")
        String description,
        @FormParam("targetBranch") @NotBlank(message = "Name the branch the plan targets, like main")
        @Size(max = 100, message = "At most 100 characters")
        @BranchName
        String targetBranch) {

    public static PlanForm empty(String repository, String branch) {
        return new PlanForm(repository, "", "", branch);
    }
}
