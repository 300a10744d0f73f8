package dev.specboard.plan;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import dev.specboard.repo.BranchName;
import jakarta.ws.rs.FormParam;

/** A new plan as people enter it (and the body of {@code POST .../repos/{name}/plans}, with the repository from the path). */
public record PlanForm(
        @FormParam("repository") @Filled(message = "Choose the repository the plan is for")
        String repository,
        @FormParam("name") @Upright @Filled(message = "Give the plan a name") @Chars(max = 255, message = "At most 255 characters")
        String name,
        @FormParam("description") @Chars(max = 20000, message = "At most 20000 characters")
        String description,
        @FormParam("targetBranch") @Filled(message = "Name the branch the plan targets, like main")
        @Chars(max = 100, message = "At most 100 characters")
        @BranchName
        String targetBranch) {

    public static PlanForm empty(String repository, String branch) {
        return new PlanForm(repository, "", "", branch);
    }
}
