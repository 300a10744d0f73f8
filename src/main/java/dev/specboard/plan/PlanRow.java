package dev.specboard.plan;

import java.time.Instant;
import java.util.UUID;

/** A plan in the project's list: its latest version, with how many versions it has. */
public record PlanRow(UUID id, String name, String repository, String targetBranch, int version, int versions, PlanStatus status,
                      String specKey, Instant updatedAt) {
}
