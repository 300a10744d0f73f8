package dev.specboard.repo;

import java.util.UUID;

/**
 * Fired inside the transaction that records a successful sync, also when the commit did not change:
 * observers mark tasks merged whose commit the synced default branch now contains.
 */
public record RepoSynced(UUID projectId, UUID repoId, String commitSha) {
}
