package dev.specboard.design;

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
import java.util.List;
import java.util.UUID;

/** Something a member adds for context (text, a URL, a file, a screenshot) with what parsing found in it and where it was used. */
@Entity
@Table(name = "user_context_items")
public class ContextItem extends PanacheEntityBase {

    public static final List<String> TYPES = List.of("text", "url", "file", "screenshot");
    public static final List<String> CATEGORIES = List.of("inspiration", "competitor", "style-guide", "reference", "requirement", "brand");

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "item_type")
    public String itemType;

    @Column(name = "content_url")
    public String contentUrl;

    @Column(name = "content_text")
    public String contentText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_metadata")
    public String contentMetadata = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ai_analysis")
    public String aiAnalysis = "{}";

    @Column(columnDefinition = "text[]")
    public List<String> categories = new ArrayList<>();

    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "relevance_scores")
    public String relevanceScores = "{}";

    @Column(name = "times_referenced")
    public int timesReferenced;

    @Column(name = "last_referenced_at")
    public Instant lastReferencedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "referenced_in")
    public String referencedIn = "[]";

    @Column(name = "submitted_at")
    public Instant submittedAt = Instant.now();

    @Column(name = "submitted_context")
    public String submittedContext;

    @Column(name = "submitted_by")
    public UUID submittedBy;

    @Column(name = "storage_key")
    public String storageKey;

    /**
     * Since when the item waits for its analysis (a screenshot or HTML file added while every analysis turn was taken:
     * kept at once, analysed by {@link ContextAnalysisWorker}); null once analysed, or when there was nothing to wait for.
     */
    @Column(name = "analysis_pending_since")
    public Instant analysisPendingSince;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public ContextAnalysis analysis() {
        return DesignJson.read(aiAnalysis, ContextAnalysis.class, ContextAnalysis.none());
    }

    public ContextMetadata metadata() {
        return DesignJson.read(contentMetadata, ContextMetadata.class, ContextMetadata.none());
    }
}
