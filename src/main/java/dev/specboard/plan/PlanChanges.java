package dev.specboard.plan;

import dev.specboard.web.Chars;
import dev.specboard.repo.BranchName;
import jakarta.validation.constraints.Pattern;

/**
 * What the next version of a plan changes (the optional body of {@code POST .../plans/{id}/versions}): a field left out
 * stays as the version it comes from has it; an empty description clears it. The name is the plan's identity across its
 * versions, so it does not change.
 */
public record PlanChanges(
        @Chars(max = 20000, message = "At most 20000 characters")
        String description,
        @Chars(max = 100, message = "At most 100 characters")
        @Pattern(regexp = "^\\s*\\S.*$", message = "Name the branch the plan targets, like main")
        @BranchName
        String targetBranch) {

    public static final PlanChanges NONE = new PlanChanges(null, null);
}
