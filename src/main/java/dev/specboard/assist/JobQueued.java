package dev.specboard.assist;

import java.util.UUID;

/** A job was queued (or re-queued); after the commit the worker starts at once instead of at its next tick. */
public record JobQueued(JobKind kind, UUID jobId) {
}
