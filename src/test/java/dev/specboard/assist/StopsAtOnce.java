package dev.specboard.assist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker that stops the moment it is told of a cancel (as one waiting on a model on this instance does), without the
 * race of a real one: for the jobs a test names, the cancel's commit settles the job as cancelled before the cancel's
 * answer is rendered. Jobs no test names are left alone.
 */
@ApplicationScoped
public class StopsAtOnce {

    static final Set<UUID> JOBS = ConcurrentHashMap.newKeySet();

    void onCancel(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobCancelAsked event) {
        if (JOBS.remove(event.id())) {
            QuarkusTransaction.requiringNew().run(() -> {
                AiJob job = AiJob.findById(event.id());
                job.status = JobStatus.CANCELLED;
                job.finishedAt = Instant.now();
            });
        }
    }
}
