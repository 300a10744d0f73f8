package dev.specboard.spec;

import dev.specboard.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the board's work-in-progress limits and how many tasks a column holds, and holds moves to them. */
@ApplicationScoped
public class WipLimits {

    /** The first key of the advisory lock that makes a project's claims take turns when its claimed column has a limit. */
    private static final int CLAIM_TURN = 0x5b7a;

    @Inject
    EntityManager em;

    /** The limit of each column that has one. */
    @SuppressWarnings("unchecked")
    public Map<TaskStatus, Integer> of(Project project) {
        List<Object[]> rows = em.createNativeQuery("SELECT status, wip_limit FROM board_wip_limits WHERE project_id = ?1")
                .setParameter(1, project.id).getResultList();
        Map<TaskStatus, Integer> out = new EnumMap<>(TaskStatus.class);
        // A merged or failed limit saved before those columns stopped taking one is ignored: neither may hold a move.
        rows.forEach(r -> TaskStatus.parse((String) r[0]).filter(TaskStatus::takesWipLimit).ifPresent(s -> out.put(s, ((Number) r[1]).intValue())));
        return out;
    }

    /**
     * Refuses a move into a column that already holds its WIP limit unless the mover confirmed going past
     * it; work going back to pending is never held up.
     */
    void hold(Project project, TaskStatus to, String taskKey, boolean confirmed) {
        if (confirmed || to == TaskStatus.PENDING) {
            return;
        }
        refuseIfFull(project, to, Optional.ofNullable(of(project).get(to)), taskKey);
    }

    /**
     * The claimed column's limit, when the project set one; then this transaction's claim waits for the project's
     * earlier claims to commit (a transaction-scoped advisory lock, taken in the same statement), so that counting
     * the column sees every claim before it. Without a limit, claims do not take turns.
     */
    @SuppressWarnings("unchecked")
    Optional<Integer> claimTurn(Project project) {
        // The lock is in the select list: evaluated only for the row the WHERE clause found.
        List<Object[]> limit = em.createNativeQuery("""
                        SELECT wip_limit, pg_advisory_xact_lock(?2, hashtext(?3)) IS NOT NULL FROM board_wip_limits
                        WHERE project_id = ?1 AND status = 'claimed'""")
                .setParameter(1, project.id).setParameter(2, CLAIM_TURN).setParameter(3, project.id.toString()).getResultList();
        return limit.stream().findFirst().map(r -> ((Number) r[0]).intValue());
    }

    /** Refuses a claim into a full claimed column unless the claimer confirmed going past the limit. */
    void holdClaim(Project project, Optional<Integer> limit, String taskKey, boolean confirmed) {
        if (!confirmed) {
            refuseIfFull(project, TaskStatus.CLAIMED, limit, taskKey);
        }
    }

    private void refuseIfFull(Project project, TaskStatus column, Optional<Integer> limit, String taskKey) {
        if (limit.isEmpty()) {
            return;
        }
        int holding = holding(project, column, taskKey);
        if (holding + 1 > limit.get()) {
            throw new WipLimitExceeded(column, limit.get(), holding);
        }
    }

    /**
     * How many tasks the column shows, not counting the one about to move (null: count all). A claim whose lease lapsed
     * counts as pending, as the board shows it: it takes no room in a held column while the sweep has not come yet.
     */
    int holding(Project project, TaskStatus column, String exceptTaskKey) {
        String shown = column.isHeld() ? "status = ?2 AND " + ImplementationTask.notLapsedSql("", "?4")
                : column == TaskStatus.PENDING ? "(status = ?2 OR " + ImplementationTask.lapsedSql("", "?4") + ")"
                : "status = ?2";
        var query = em.createNativeQuery("SELECT count(*) FROM implementation_tasks WHERE project_id = ?1 AND " + shown + " AND task_id <> ?3")
                .setParameter(1, project.id).setParameter(2, column.value()).setParameter(3, exceptTaskKey == null ? "" : exceptTaskKey);
        if (shown.contains("?4")) {
            query.setParameter(4, java.time.Instant.now());
        }
        return ((Number) query.getSingleResult()).intValue();
    }
}
