package dev.specboard.repo;

import dev.specboard.kernel.UrlCredentials;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A git repository of a project, mirrored on the server (seed 002 {@code repositories}). */
@Entity
@Table(name = "repositories")
public class Repo extends PanacheEntityBase {

    /** Assigned before persisting because the mirror path is made from it. */
    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    public String name;

    /** The bare mirror directory, relative to {@code specboard.data-dir}. */
    public String path;

    @Column(name = "git_url")
    public String gitUrl;

    @Column(name = "default_branch")
    public String defaultBranch = "main";

    @Column(name = "sync_interval_minutes")
    public Integer syncIntervalMinutes;

    @Version
    public int version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The URL as pages and answers show it: without its password. */
    public String displayUrl() {
        return UrlCredentials.redact(gitUrl);
    }

    public static Optional<Repo> findByName(UUID projectId, String name) {
        return find("projectId = ?1 and name = ?2", projectId, name).firstResultOptional();
    }

    public static List<Repo> listByProject(UUID projectId) {
        return list("projectId = ?1 order by lower(name)", projectId);
    }

    public static String mirrorPath(UUID projectId, UUID repoId) {
        return "repos/" + projectId + "/" + repoId + ".git";
    }
}
