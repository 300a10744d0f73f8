package dev.specboard.spec;

import java.time.Instant;

/** A saved version in the spec's history. */
public record RevisionRow(int version, String title, String author, Instant createdAt) {
}
