package dev.specboard.spec;

import dev.specboard.kernel.QuerySpaces;
import dev.specboard.project.MemberDemoted;
import dev.specboard.project.MemberRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Ends the claims of someone removed from a project or demoted below member: their tasks go back to pending at once, logged as ended by the
 * removal and announced as lapsed leases are. They could no longer heartbeat, start or release them, so the tasks sat held until their leases ran out.
 */
@ApplicationScoped
public class ClaimsOfLeavers {

    @Inject
    EntityManager em;

    @Inject
    TaskLeaseSweep sweep;

    @Inject
    TaskLeases leases;

    /**
     * In the removal's transaction: the leases end now (this waits for a heartbeat of theirs in flight, and holds the rows),
     * so no later heartbeat is taken; then the tasks go back, logged as the removal's doing.
     */
    void onRemoved(@Observes MemberRemoved removed) {
        endLeasesNow(removed.projectId(), removed.accountId());
        leases.endClaimsOfRemoved(removed.projectId(), removed.accountId());
    }

    /** The same for someone demoted below member, who may no longer heartbeat, start or release them either. */
    void onDemoted(@Observes MemberDemoted demoted) {
        endLeasesNow(demoted.projectId(), demoted.accountId());
        leases.endClaimsOfDemoted(demoted.projectId(), demoted.accountId(), demoted.role());
    }

    private void endLeasesNow(java.util.UUID projectId, java.util.UUID accountId) {
        QuerySpaces.touching(em.createNativeQuery("""
                UPDATE implementation_tasks SET lease_expires_at = now() - interval '1 millisecond'
                WHERE project_id = ?1 AND claimed_by = ?2 AND status IN ('claimed', 'in_progress')"""), "implementation_tasks")
                .setParameter(1, projectId).setParameter(2, accountId).executeUpdate();
    }

    /** Once the removal is committed, the sweep's own round returns them to pending, instead of waiting for its next one. */
    void afterRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberRemoved removed) {
        sweep.sweep();
    }

    /** Likewise after a demotion below member. */
    void afterDemoted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberDemoted demoted) {
        sweep.sweep();
    }
}
