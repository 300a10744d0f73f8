package dev.specboard.design;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user story that realises a feature; {@code drafted} when the story was drafted from the feature. */
@Entity
@Table(name = "feature_stories")
public class FeatureStory extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "feature_id") UUID featureId, @Column(name = "story_id") UUID storyId) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    public boolean drafted;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static FeatureStory of(UUID featureId, UUID storyId, boolean drafted) {
        FeatureStory fs = new FeatureStory();
        fs.id = new Key(featureId, storyId);
        fs.drafted = drafted;
        return fs;
    }
}
