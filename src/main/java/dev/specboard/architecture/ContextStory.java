package dev.specboard.architecture;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A story assigned to a bounded context (many-to-many). */
@Entity
@Table(name = "context_stories")
public class ContextStory extends TimestampedEntity {

    @Column(name = "context_id", nullable = false, updatable = false)
    public UUID contextId;

    @Column(name = "story_id", nullable = false, updatable = false)
    public UUID storyId;
}
