package dev.specboard.spec;

import java.util.UUID;

/** CDI event, inside the sweeping transaction: a claim lapsed without a heartbeat and the task is pending again. */
public record TaskLeaseExpired(UUID projectId, String projectSlug, String taskKey, UUID formerClaimerId) {
}
