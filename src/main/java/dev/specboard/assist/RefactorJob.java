package dev.specboard.assist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;
import java.util.UUID;

/**
 * A rename of a symbol across a scope of a repository (seed 003 {@code refactor_jobs}): the worker
 * writes a {@code proposal} (per file a unified diff and the occurrences), its starter or a lead applies it as a
 * commit on a new branch, recorded in {@code applied_changes}.
 */
@Entity
@Table(name = "refactor_jobs")
public class RefactorJob extends LeasedJob {

    @Column(name = "repository_id", nullable = false, updatable = false)
    public UUID repositoryId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> proposal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "applied_changes")
    public Map<String, Object> appliedChanges;

    @Override
    protected String noun() {
        return "refactor";
    }

    public boolean applied() {
        return appliedChanges != null;
    }

    /** Runs the rename again (the base moved on, or it failed); an applied proposal stays as it is. */
    public void rerun() {
        if (applied()) {
            throw dev.specboard.web.ApiException.conflict("This refactor was applied on branch " + appliedChanges.get("branch")
                    + "; start a new one instead.");
        }
        refuseWhileStopping();
        if (status.isActive()) {
            throw dev.specboard.web.ApiException.conflict("This refactor is still " + status.label().toLowerCase() + ".");
        }
        proposal = null;
        requeue();
    }
}
