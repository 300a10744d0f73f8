package dev.specboard.preview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.UUID;

/** One stage (EXPIRED, SOFT_DELETED, PURGED) the cleanup moved a preview to, and when. */
@Entity
@Table(name = "preview_cleanup_events")
public class PreviewCleanupEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "preview_session_id", nullable = false, updatable = false)
    public UUID previewSessionId;

    public String stage;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
