package dev.specboard.architecture;

import java.time.Instant;

/** One version of a design doc with its author's username. */
public record DesignDocRevisionRow(int version, String content, Instant createdAt, String author) {
}
