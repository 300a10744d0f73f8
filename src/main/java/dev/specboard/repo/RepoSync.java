package dev.specboard.repo;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One sync of a repository: a job row a worker claims with a lease (seed 003 {@code repo_syncs}). */
@Entity
@Table(name = "repo_syncs")
public class RepoSync extends TimestampedEntity {

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "repository_id")
    public UUID repositoryId;

    @Enumerated(EnumType.STRING)
    public SyncStatus status = SyncStatus.PENDING;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "requested_by")
    public UUID requestedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "locked_by")
    public String lockedBy;

    public int attempts;

    @Column(name = "objects_processed")
    public int objectsProcessed;

    @Column(name = "objects_total")
    public int objectsTotal;

    @Column(name = "files_processed")
    public int filesProcessed;

    @Column(name = "files_total")
    public int filesTotal;

    @Column(name = "manifest_version")
    public Integer manifestVersion;

    @Column(name = "commit_sha")
    public String commitSha;

    public static Optional<RepoSync> latest(UUID repositoryId) {
        return find("repositoryId = ?1 order by createdAt desc", repositoryId).firstResultOptional();
    }

    public static Optional<RepoSync> active(UUID repositoryId) {
        return find("repositoryId = ?1 and status in ?2", repositoryId,
                java.util.List.of(SyncStatus.PENDING, SyncStatus.RUNNING)).firstResultOptional();
    }

    public String shortSha() {
        return commitSha == null ? "" : commitSha.substring(0, Math.min(10, commitSha.length()));
    }

    /** Progress in percent for the bar: objects count for the first half, files for the second. */
    public int percent() {
        if (status == SyncStatus.SUCCESS) {
            return 100;
        }
        double objects = objectsTotal > 0 ? Math.min(1.0, (double) objectsProcessed / objectsTotal) : 0;
        double files = filesTotal > 0 ? Math.min(1.0, (double) filesProcessed / filesTotal) : 0;
        return (int) Math.round(objects * 50 + files * 50);
    }
}
