package dev.specboard.repo;

/** Where a sync job is: waiting, held by a worker, or finished. */
public enum SyncStatus {
    PENDING, RUNNING, SUCCESS, FAILED;

    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }
}
