package dev.specboard.repo;

import java.util.UUID;

/**
 * Fired inside the transaction that writes a new manifest version: observers re-anchor review
 * threads and mark tasks merged whose commit is now reachable from the default branch.
 */
public record ManifestCreated(UUID projectId, UUID repoId, int manifestVersion, String commitSha) {
}
