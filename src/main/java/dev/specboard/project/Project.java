package dev.specboard.project;

import dev.specboard.kernel.UrlCredentials;
import dev.specboard.account.Account;
import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A product a team builds with Specboard: the union of the seeds' project columns. */
@Entity
@Cacheable
@Table(name = "projects")
public class Project extends TimestampedEntity {

    public static final List<String> TYPES = List.of("web-app", "mobile-app", "pwa", "api", "fullstack");
    public static final String STATUS_ACTIVE = "active";
    public static final String STATUS_ARCHIVED = "archived";
    public static final int DEFAULT_TASK_LEASE_MINUTES = 30;
    public static final int MAX_TASK_LEASE_MINUTES = 1440;

    /** The most reference apps a vision names, each a product's name (Notion, Linear) of at most {@link #MAX_REFERENCE_APP_LENGTH} characters. */
    public static final int MAX_REFERENCE_APPS = 20;
    public static final int MAX_REFERENCE_APP_LENGTH = 100;
    /** The form's comma-separated field holds the most reference apps at their longest, with ", " between them. */
    public static final int MAX_REFERENCE_APPS_TEXT = MAX_REFERENCE_APPS * (MAX_REFERENCE_APP_LENGTH + 2);

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public Account owner;

    public String name;
    public String slug;
    public String description;
    public String type = "web-app";
    public String framework;
    public String status = STATUS_ACTIVE;

    @Column(name = "repo_url")
    public String repoUrl;
    @Column(name = "repo_name")
    public String repoName;
    @Column(name = "repo_default_branch")
    public String repoDefaultBranch;

    @Column(name = "executive_summary")
    public String executiveSummary;
    @Column(name = "executive_summary_approved")
    public boolean executiveSummaryApproved;
    @Column(name = "executive_summary_version")
    public int executiveSummaryVersion;
    @Column(name = "setup_complete")
    public boolean setupComplete;
    @Column(name = "context_mapping_approved")
    public boolean contextMappingApproved;

    @Column(name = "vision_statement")
    public String visionStatement;
    @Column(name = "target_feeling")
    public String targetFeeling;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reference_apps", columnDefinition = "text[]")
    public List<String> referenceApps = new ArrayList<>();
    public String icon;
    public String color;

    /** How long a claim on an implementation task holds without a heartbeat. */
    @Column(name = "task_lease_minutes")
    public int taskLeaseMinutes = DEFAULT_TASK_LEASE_MINUTES;


    @Version
    public int version;

    @Column(name = "last_opened_at")
    public Instant lastOpenedAt = Instant.now();

    public static Optional<Project> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean isArchived() {
        return STATUS_ARCHIVED.equals(status);
    }

    /** Makes the project read-only: it stays readable, and every change is refused until it is unarchived. */
    public void archive() {
        status = STATUS_ARCHIVED;
    }

    /** Makes the project changeable again. */
    public void unarchive() {
        status = STATUS_ACTIVE;
    }

    /** The repository URL as pages and answers show it: without its password. */
    public String repoDisplayUrl() {
        return UrlCredentials.redact(repoUrl);
    }

    /**
     * What a project still needs before its setup is done, in the order the wizard asks for it; whether it has a
     * repository comes from the repositories themselves, which are also added under Code, not from the wizard's answer.
     */
    public List<String> missingSetup(boolean hasRepository) {
        List<String> missing = new ArrayList<>();
        if (!hasVision()) {
            missing.add("a vision statement");
        }
        if (!hasRepository) {
            missing.add("a repository");
        }
        if (!hasSummary()) {
            missing.add("an executive summary");
        } else if (!executiveSummaryApproved) {
            missing.add("a lead's approval of the executive summary");
        }
        if (!contextMappingApproved) {
            missing.add("an approved context mapping");
        }
        return missing;
    }

    public boolean hasVision() {
        return visionStatement != null && !visionStatement.isBlank();
    }

    public boolean hasSummary() {
        return executiveSummary != null && !executiveSummary.isBlank();
    }

    /**
     * Whether the owner is offered the setup wizard: until it has run to its end, and after that while something it asks
     * for (a vision statement, a repository, an executive summary) is still missing, since every step may be skipped.
     */
    public boolean setupToContinue(boolean hasRepository) {
        return !setupComplete || !hasVision() || !hasRepository || !hasSummary();
    }
}
