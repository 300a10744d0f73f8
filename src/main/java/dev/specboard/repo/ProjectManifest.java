package dev.specboard.repo;

import dev.specboard.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a repository's file tree at a commit (seed 003 {@code project_manifests}). Its
 * integrity hash is checked every time the data is read.
 */
@Entity
@Table(name = "project_manifests")
public class ProjectManifest extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "repository_id")
    public UUID repositoryId;

    public int version;

    @Column(name = "commit_sha")
    public String commitSha;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;

    public String hash;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    public static Optional<ProjectManifest> latest(UUID repositoryId) {
        return find("repositoryId = ?1 order by version desc", repositoryId).firstResultOptional();
    }

    public static Optional<ProjectManifest> byVersion(UUID repositoryId, int version) {
        return find("repositoryId = ?1 and version = ?2", repositoryId, version).firstResultOptional();
    }

    static Map<String, Object> dataOf(String commitSha, String branch, List<ManifestEntry> files, List<Submodule> submodules) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commitSha", commitSha);
        data.put("branch", branch);
        data.put("files", files.stream().map(ManifestEntry::toJson).toList());
        // Only when there are any, so a manifest without submodules is written (and hashed) as before.
        if (!submodules.isEmpty()) {
            data.put("submodules", submodules.stream().map(Submodule::toJson).toList());
        }
        // Its entries say which files are symbolic links; a manifest written before does not (see ManifestLinks).
        data.put(ManifestLinks.MARKED, true);
        return data;
    }

    /** Refuses to hand out data whose hash does not match: a tampered or corrupt manifest is never served. */
    public void verify() {
        String actual = ManifestHash.of(data);
        if (!actual.equals(hash)) {
            throw new ApiException(409, "Manifest v" + version + " failed its integrity check: its data does not match its hash. "
                    + "Sync the repository again to write a fresh version.",
                    Map.of("manifestVersion", version, "expectedHash", hash, "actualHash", actual));
        }
    }

    /** The files of this manifest, sorted by path, after the integrity check. */
    public List<ManifestEntry> files() {
        verify();
        Object files = data.get("files");
        List<ManifestEntry> out = new ArrayList<>();
        if (files instanceof List<?> list) {
            for (Object o : list) {
                out.add(ManifestEntry.fromJson((Map<?, ?>) o));
            }
        }
        return out;
    }

    /**
     * The submodules of this manifest (none in one written before they were kept); read after {@link #files}, whose
     * integrity check covers them too, so a large manifest is not hashed twice.
     */
    List<Submodule> submodules() {
        List<Submodule> out = new ArrayList<>();
        if (data.get("submodules") instanceof List<?> list) {
            for (Object o : list) {
                out.add(Submodule.fromJson((Map<?, ?>) o));
            }
        }
        return out;
    }
}
