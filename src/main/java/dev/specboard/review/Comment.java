package dev.specboard.review;

import dev.specboard.kernel.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/** One markdown comment in a thread, by a person or by the assistant (seed 003 {@code comments}). */
@Entity
@Table(name = "comments")
public class Comment extends TimestampedEntity {

    /** Who wrote a comment: a person, or the assistant acting for an account. */
    public enum AuthorType { USER, AI }

    @Column(name = "thread_id")
    public UUID threadId;

    @Column(name = "author_id")
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type")
    public AuthorType authorType = AuthorType.USER;

    public String body;

    public boolean edited;

    /** 1 when written, one more per edit: an edit names the version it changed. */
    public int version = 1;
}
