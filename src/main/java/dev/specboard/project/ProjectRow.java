package dev.specboard.project;

import dev.specboard.kernel.Role;
import java.time.Instant;

/** One line of the project list: what the list shows, read in one query. */
public record ProjectRow(java.util.UUID id, String slug, String name, String description, String type, String status,
                         boolean setupComplete, String color, Role role, Instant updatedAt) {
}
