package dev.specboard.design;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's design system as it emerges from the current mockups: tokens, component patterns and
 * confidence, recomputed by {@link DesignSystemWorker} (never on page view); members' names, merges and
 * confirmations are kept in {@code user_confirmations} and applied on every recompute.
 */
@Entity
@Table(name = "design_systems")
public class DesignSystem extends TimestampedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "generation_method")
    public String generationMethod = "emergent";

    @JdbcTypeCode(SqlTypes.JSON)
    public String tokens = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "component_patterns")
    public String componentPatterns = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "confidence_scores")
    public String confidenceScores = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_confirmations")
    public String userConfirmations = "{}";

    @Column(name = "recompute_requested_at")
    public Instant recomputeRequestedAt;

    @Column(name = "computed_at")
    public Instant computedAt;

    @Column(name = "mockup_count")
    public int mockupCount;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    public static Optional<DesignSystem> forProject(UUID projectId) {
        return find("projectId", projectId).firstResultOptional();
    }

    public DesignTokens.Confirmations confirmations() {
        return DesignJson.read(userConfirmations, DesignTokens.Confirmations.class, DesignTokens.Confirmations.none());
    }
}
