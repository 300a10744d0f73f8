package dev.specboard.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.UUID;

/** One saved version of a story: never changed once written. */
@Entity
@Table(name = "story_revisions")
public class StoryRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "story_id", nullable = false, updatable = false)
    public UUID storyId;

    public int version;
    public String title;
    public String description = "";

    @Column(name = "acceptance_criteria")
    public String acceptanceCriteria;

    @Column(name = "author_id")
    public UUID authorId;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    static StoryRevision of(Story s, UUID author) {
        StoryRevision r = new StoryRevision();
        r.storyId = s.id;
        r.version = s.version;
        r.title = s.title;
        r.description = s.description;
        r.acceptanceCriteria = s.acceptanceCriteria;
        r.authorId = author;
        return r;
    }

    public static java.util.Optional<StoryRevision> find(UUID storyId, int version) {
        return find("storyId = ?1 and version = ?2", storyId, version).firstResultOptional();
    }
}
