package dev.specboard.spec;

import java.util.List;
import java.util.UUID;

/**
 * CDI event, inside the sweeping transaction: claims of one account in one project lapsed without a heartbeat and
 * their tasks (keys in the order their leases ran out) are pending again.
 */
public record TaskLeaseExpired(UUID projectId, String projectSlug, List<String> taskKeys, UUID formerClaimerId) {
}
