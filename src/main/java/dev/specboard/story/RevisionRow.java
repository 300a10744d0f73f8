package dev.specboard.story;

import java.time.Instant;

/** A story version with its author's username, for the history and the API. */
public record RevisionRow(int version, String title, String description, String acceptanceCriteria, Instant createdAt, String author) {
}
