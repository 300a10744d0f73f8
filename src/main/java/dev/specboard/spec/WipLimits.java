package dev.specboard.spec;

import dev.specboard.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the board's work-in-progress limits and how many tasks a column holds, and holds moves to them. */
@ApplicationScoped
public class WipLimits {

    @Inject
    EntityManager em;

    /** The limit of each column that has one. */
    @SuppressWarnings("unchecked")
    public Map<TaskStatus, Integer> of(Project project) {
        List<Object[]> rows = em.createNativeQuery("SELECT status, wip_limit FROM board_wip_limits WHERE project_id = ?1")
                .setParameter(1, project.id).getResultList();
        Map<TaskStatus, Integer> out = new EnumMap<>(TaskStatus.class);
        rows.forEach(r -> TaskStatus.parse((String) r[0]).ifPresent(s -> out.put(s, ((Number) r[1]).intValue())));
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
        Integer limit = of(project).get(to);
        if (limit == null) {
            return;
        }
        int holding = holding(project, to, taskKey);
        if (holding + 1 > limit) {
            throw new WipLimitExceeded(to, limit, holding);
        }
    }

    /** How many tasks the column holds, not counting the one about to move (null: count all). */
    int holding(Project project, TaskStatus column, String exceptTaskKey) {
        Number count = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM implementation_tasks WHERE project_id = ?1 AND status = ?2 AND task_id <> ?3")
                .setParameter(1, project.id).setParameter(2, column.value()).setParameter(3, exceptTaskKey == null ? "" : exceptTaskKey)
                .getSingleResult();
        return count.intValue();
    }
}
