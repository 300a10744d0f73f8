package dev.specboard.design;

import java.util.UUID;

/**
 * A link to what a thought came from: its kind, id, current name and page; a source deleted since keeps the name it was
 * recorded with and has no {@code url}.
 */
public record SourceRef(String kind, UUID id, String name, String url) {
}
