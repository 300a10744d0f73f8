package dev.specboard.review;

import java.time.Instant;
import java.util.UUID;

/** A comment as a page shows it: its author's names read with it and its markdown already rendered. */
public record CommentView(UUID id, UUID authorId, String authorUsername, String authorName, Comment.AuthorType authorType,
                          String body, String bodyHtml, Instant createdAt, boolean edited, int version) {

    public boolean isAi() {
        return authorType == Comment.AuthorType.AI;
    }

    public String author() {
        String who = authorName == null || authorName.isBlank() ? (authorUsername == null ? "a former member" : authorUsername) : authorName;
        return isAi() ? "Assistant (for " + who + ")" : who;
    }
}
