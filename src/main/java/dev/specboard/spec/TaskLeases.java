package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.project.Project;
import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps claims alive while their claimer sends heartbeats, and hands tasks whose lease ran out back to pending. */
@ApplicationScoped
public class TaskLeases {

    @Inject
    EntityManager em;

    @Inject
    SpecService specs;

    @Inject
    TaskHistory history;

    @Inject
    Event<SpecCompleted> specCompleted;

    @Inject
    Event<TaskLeaseExpired> leaseExpired;

    /** How long a claim or a heartbeat holds a task of this project. */
    static Duration length(Project project) {
        return Duration.ofMinutes(project.taskLeaseMinutes);
    }

    /** The claimer extends the lease of the task it holds by the project's lease length (409 for anyone else). */
    @Transactional
    public ImplementationTask heartbeat(Access access, String key, TaskService.Actor actor) {
        access.requireWrite(Role.MEMBER);
        ImplementationTask task = ImplementationTask.locked(access.project(), key);
        try {
            task.renewLease(actor.accountId(), Instant.now(), length(access.project()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage(), Map.of("status", task.status.value()));
        }
        return task;
    }

    /**
     * Returns tasks whose lease ran out to pending, at most {@code limit} at a time: each is logged,
     * its former claimer is told, open boards and event streams hear it. Rows another instance is
     * sweeping are skipped ({@code FOR UPDATE SKIP LOCKED}), so any number of instances may sweep.
     */
    @Transactional
    public int expireLeases(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> expired = em.createNativeQuery("""
                        SELECT t.id FROM implementation_tasks t
                        WHERE t.status IN ('claimed', 'in_progress') AND t.lease_expires_at < now()
                        ORDER BY t.lease_expires_at LIMIT ?1
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, limit).getResultList();
        TaskService.Actor system = new TaskService.Actor(null, TaskEvent.VIA_SYSTEM);
        for (UUID id : expired) {
            ImplementationTask task = em.find(ImplementationTask.class, id);
            em.refresh(task);
            TaskStatus from = task.status;
            Account claimer = task.claimedBy;
            Instant lapsed = task.leaseExpiresAt;
            task.moveTo(TaskStatus.PENDING, null, Instant.now());
            task.commitSha = null;
            history.log(task, from, TaskStatus.PENDING, system, "Lease expired: " + claimer.username + " sent no heartbeat before " + lapsed);
            em.flush();
            specs.rollUp(task.spec.id).ifPresent(specCompleted::fire);
            history.announce(task, from, TaskStatus.PENDING, system);
            leaseExpired.fire(new TaskLeaseExpired(task.project.id, task.project.slug, task.taskKey, claimer.id));
        }
        return expired.size();
    }
}
