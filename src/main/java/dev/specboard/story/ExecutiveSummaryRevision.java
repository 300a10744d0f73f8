package dev.specboard.story;

import dev.specboard.kernel.Revision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** One saved version of a project's executive summary. */
@Entity
@Table(name = "executive_summary_revisions")
public class ExecutiveSummaryRevision extends Revision {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    public String content = "";
}
