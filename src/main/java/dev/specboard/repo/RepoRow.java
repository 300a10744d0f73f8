package dev.specboard.repo;

import java.time.Instant;

/** One repository in the project's list, with its last sync and manifest, read in constant queries. */
public record RepoRow(String name, String gitUrl, String defaultBranch, Integer syncIntervalMinutes,
                      SyncStatus lastStatus, Instant lastSyncAt, Integer manifestVersion, String commitSha) {

    public String shortSha() {
        return commitSha == null ? "" : commitSha.substring(0, Math.min(10, commitSha.length()));
    }
}
