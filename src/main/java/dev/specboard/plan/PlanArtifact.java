package dev.specboard.plan;

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
import java.util.List;
import java.util.UUID;

/**
 * A typed artifact of a plan version (seed 002 {@code plan_artifacts}), its JSON content valid
 * against its type's schema. Rows are kept: the newest of each type is the current one.
 */
@Entity
@Table(name = "plan_artifacts")
public class PlanArtifact extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public UUID planId;

    /** The JSON document, as text. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;

    @Column(name = "artifact_type", nullable = false, updatable = false)
    public String artifactType;

    @Column(name = "created_by")
    public UUID createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public ArtifactType type() {
        return ArtifactType.parse(artifactType).orElseThrow();
    }

    /** The current artifact of each type of a plan version, in the types' order. */
    public static List<PlanArtifact> current(UUID planId) {
        List<PlanArtifact> all = list("planId = ?1 order by createdAt desc, id desc", planId);
        java.util.Map<String, PlanArtifact> newest = new java.util.LinkedHashMap<>();
        all.forEach(a -> newest.putIfAbsent(a.artifactType, a));
        return java.util.Arrays.stream(ArtifactType.values()).map(t -> newest.get(t.value()))
                .filter(java.util.Objects::nonNull).toList();
    }
}
