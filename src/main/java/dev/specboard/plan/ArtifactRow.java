package dev.specboard.plan;

import java.time.Instant;
import java.util.UUID;

/** One saved artifact of a plan version in its type's history: the {@code number}th of its type, when and by whom. */
public record ArtifactRow(UUID id, ArtifactType type, int number, Instant createdAt, String author) {
}
