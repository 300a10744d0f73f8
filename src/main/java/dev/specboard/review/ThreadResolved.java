package dev.specboard.review;

import java.util.Set;
import java.util.UUID;

/** Fired inside the transaction that resolves a thread: its participants (resolver excluded) hear of it. */
public record ThreadResolved(UUID projectId, UUID threadId, UUID resolvedBy, Set<UUID> participantIds) {
}
