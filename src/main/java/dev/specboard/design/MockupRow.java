package dev.specboard.design;

import java.time.Instant;
import java.util.UUID;

/** One version in a page's mockup history. */
public record MockupRow(UUID id, int version, String changeDescription, String changedBy, String author, Instant createdAt,
                        UUID parentMockupId, boolean current) {
}
