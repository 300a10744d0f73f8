package dev.specboard.plan;

import dev.specboard.kernel.TimestampedEntity;
import dev.specboard.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/**
 * One version of a plan for a repository and a target branch (seed 002 {@code plans}): versions of
 * one plan share the repository and the name, and each is its own row.
 */
@Entity
@Table(name = "plans")
public class Plan extends TimestampedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "repository_id", nullable = false, updatable = false)
    public UUID repositoryId;

    public String name;
    public String description;

    @Column(name = "target_branch")
    public String targetBranch;

    public int version = 1;

    @Convert(converter = PlanStatus.Converter.class)
    public PlanStatus status = PlanStatus.DRAFT;

    /** The spec made from this plan version, once. */
    @Column(name = "spec_id")
    public UUID specId;

    @Column(name = "created_by")
    public UUID createdBy;

    /** A new draft version of a plan. */
    static Plan draft(UUID projectId, UUID repositoryId, String name, String description, String targetBranch, int version, UUID by) {
        Plan plan = new Plan();
        plan.projectId = projectId;
        plan.repositoryId = repositoryId;
        plan.name = name;
        plan.description = description;
        plan.targetBranch = targetBranch;
        plan.version = version;
        plan.createdBy = by;
        return plan;
    }

    /** The next version of this plan: the same repository, name, description and branch, a draft again. */
    Plan next(int version, UUID by) {
        return draft(projectId, repositoryId, name, description, targetBranch, version, by);
    }

    public String versionLabel() {
        return "v" + version;
    }

    /** Every version of this plan, oldest first. */
    public List<Plan> family() {
        return list("repositoryId = ?1 and name = ?2 order by version", repositoryId, name);
    }

    /** Moves to another status along {@code draft → active → completed | archived}; 409 otherwise. */
    public void moveTo(PlanStatus next) {
        if (next == status) {
            return;
        }
        if (!status.next().contains(next)) {
            throw ApiException.conflict((status.value().matches("[aeiou].*") ? "An " : "A ") + status.value() + " plan cannot become " + next.value() + "; "
                    + (status.next().isEmpty() ? "it is final." : "it can become " + String.join(" or ",
                    status.next().stream().map(PlanStatus::value).toList()) + "."));
        }
        status = next;
    }

    /** Artifacts change only while the plan is a draft or active. */
    public void requireOpen() {
        if (!status.open()) {
            throw ApiException.conflict(name + " " + versionLabel() + " is " + status.value()
                    + ": its artifacts no longer change. Make a new version to go on.");
        }
        if (specId != null) {
            throw ApiException.conflict(name + " " + versionLabel() + " was turned into a spec, which follows its artifacts as they were"
                    + ": they no longer change. Make a new version to go on.");
        }
    }

    /** Whether its artifacts may still change: an open version that has not been turned into a spec (that spec follows them). */
    public boolean artifactsOpen() {
        return status.open() && specId == null;
    }
}
