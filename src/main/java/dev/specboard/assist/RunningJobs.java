package dev.specboard.assist;

import dev.specboard.web.LiveUpdates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this instance runs now, so that a cancel reaches the run at once rather than at its next step: a cancel asked on
 * this instance fires the run's {@link CancelSignal} after its commit; one asked on another instance arrives as the
 * project's job event (LISTEN/NOTIFY), after which the runs of that project waiting here look their cancel up.
 */
@ApplicationScoped
public class RunningJobs {

    private static final Logger LOG = Logger.getLogger(RunningJobs.class);

    private final Map<UUID, JobContext> running = new ConcurrentHashMap<>();

    @Inject
    LiveUpdates live;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    void add(JobContext ctx) {
        running.put(ctx.jobId, ctx);
    }

    void remove(JobContext ctx) {
        running.remove(ctx.jobId, ctx);
    }

    /** A cancel asked on this instance, once committed. */
    void onCancel(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobCancelAsked event) {
        JobContext ctx = running.get(event.id());
        if (ctx != null && ctx.kind == event.kind()) {
            ctx.cancelSignal().fire();
        }
    }

    void subscribe(@Observes StartupEvent ev) {
        live.stream().subscribe().with(e -> {
            boolean all = LiveUpdates.RECONNECTED.equals(e.kind());
            if (!all && !(JobWorker.LIVE_KIND.equals(e.kind()) && e.projectId() != null)) {
                return;
            }
            // Only runs that wait (on a model) need the look-up: the others see the cancel at their next step anyway. Every
            // progress report sends this event too, so this keeps the look-ups to the few runs that wait.
            List<JobContext> waiting = running.values().stream()
                    .filter(c -> (all || c.projectId.equals(e.projectId())) && c.cancelSignal().waiting()).toList();
            if (!waiting.isEmpty()) {
                executor.runAsync(() -> fireCancelled(waiting));
            }
        });
    }

    /** Fires the signal of the runs whose job was asked to cancel. */
    void fireCancelled(List<JobContext> runs) {
        try {
            for (JobContext ctx : runs) {
                boolean cancelled = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("SELECT 1 FROM " + ctx.kind.table()
                                + " WHERE id = ?1 AND cancel_requested")
                        .setParameter(1, ctx.jobId).getResultList().isEmpty());
                if (cancelled) {
                    ctx.cancelSignal().fire();
                }
            }
        } catch (RuntimeException e) {
            // The heartbeat looks again (JobWorker.renew), and the run's next step sees the cancel.
            LOG.debugf("Could not look up the cancel of running jobs: %s", e.getMessage());
        }
    }
}
