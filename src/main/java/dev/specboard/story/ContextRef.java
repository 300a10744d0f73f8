package dev.specboard.story;

import java.util.UUID;

/** A context as a choice or a link. */
public record ContextRef(UUID id, String name, boolean approved, boolean dirty) {
}
