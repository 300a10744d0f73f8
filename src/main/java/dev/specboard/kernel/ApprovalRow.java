package dev.specboard.kernel;

import java.time.Instant;

/** A decision in the approvals history, with the decider's username. */
public record ApprovalRow(int version, String decision, String comment, Instant createdAt, String decidedBy) {

    public boolean isApproved() {
        return Approval.APPROVED.equals(decision);
    }
}
