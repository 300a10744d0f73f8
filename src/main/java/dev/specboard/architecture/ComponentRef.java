package dev.specboard.architecture;

import java.util.UUID;

/** A component as a link or a choice. */
public record ComponentRef(UUID id, String name) {
}
