package dev.specboard.spec;

import dev.specboard.web.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Every {@code specboard.tasks.lease-sweep-every} (30 s by default), returns tasks whose claim
 * lapsed to pending, in batches; every instance sweeps, none takes a row another one holds.
 */
@ApplicationScoped
public class TaskLeaseSweep {

    private static final Logger LOG = Logger.getLogger(TaskLeaseSweep.class);
    static final int BATCH = 100;

    @Inject
    TaskLeases leases;

    @Scheduled(every = "${specboard.tasks.lease-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "5s")
    void sweep() {
        try {
            int n;
            do {
                // Each batch in a transaction of its own: a caller's transaction may have ended already (an after-commit
                // observer runs while the committed one is still bound to its thread, and joining that one fails).
                n = QuarkusTransaction.requiringNew().call(() -> leases.expireLeases(BATCH));
                if (n > 0) {
                    LOG.infof("%d task lease(s) expired: the tasks are pending again", n);
                }
            } while (n == BATCH);
        } catch (RuntimeException e) {
            // The next sweep tries again.
            DatabaseOutage.warn(LOG, "task lease sweep", e);
        }
    }
}
