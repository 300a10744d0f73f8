package dev.specboard.story;

import dev.specboard.kernel.Revision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** One saved version of a story: never changed once written. */
@Entity
@Table(name = "story_revisions")
public class StoryRevision extends Revision {

    @Column(name = "story_id", nullable = false, updatable = false)
    public UUID storyId;

    public String title;
    public String description = "";

    @Column(name = "acceptance_criteria")
    public String acceptanceCriteria;

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
