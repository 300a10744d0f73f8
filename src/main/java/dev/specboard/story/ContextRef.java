package dev.specboard.story;

import java.util.UUID;

/** A bounded context (owned by architecture) as a choice or a link on the story pages. */
public record ContextRef(UUID id, String name, boolean approved, boolean dirty) {
}
