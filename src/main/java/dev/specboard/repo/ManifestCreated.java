package dev.specboard.repo;

import java.util.UUID;

/**
 * Fired inside the transaction that writes a new manifest version: observers re-anchor review
 * threads and note which components have code.
 */
public record ManifestCreated(UUID projectId, UUID repoId, int manifestVersion, String commitSha) {
}
