package dev.specboard.repo;

import java.util.UUID;

/** A sync was queued; after the commit the worker starts at once instead of at its next tick. */
public record SyncRequested(UUID syncId) {
}
