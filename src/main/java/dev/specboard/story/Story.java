package dev.specboard.story;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A user story {@code US-n} of a project, with its workflow state and current version. */
@Entity
@Table(name = "stories")
public class Story extends TimestampedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false, updatable = false)
    public int number;

    public String title;
    public String description = "";

    @Column(name = "acceptance_criteria")
    public String acceptanceCriteria;

    public String status = "draft";
    public String review = "none";

    @Column(name = "review_comment")
    public String reviewComment;

    public boolean dirty;
    public boolean approved;

    /** The content version: the number of the latest {@link StoryRevision}. */
    public int version = 1;

    @Column(name = "approved_version")
    public Integer approvedVersion;

    @Column(name = "author_id")
    public UUID authorId;

    public String key() {
        return key(number);
    }

    public static String key(int number) {
        return "US-" + number;
    }

    /** A story as a refusal names it: {@code US-12}; a number below 1, which no story has, as itself (not {@code US--1}). */
    public static String named(int number) {
        return number > 0 ? key(number) : "number " + number;
    }

    public StoryStage stage() {
        return StoryStage.of(status, review);
    }

    /** Moves to a stage, keeping status, review state and the approved flag consistent. */
    void moveTo(StoryStage stage) {
        status = stage.status;
        review = stage.review;
        approved = stage.isApproved();
        if (stage != StoryStage.CHANGES_REQUESTED) {
            reviewComment = null;
        }
    }
}
