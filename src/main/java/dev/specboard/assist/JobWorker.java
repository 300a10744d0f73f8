package dev.specboard.assist;

import dev.specboard.kernel.LeaseLapses;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.web.DatabaseOutage;
import dev.specboard.web.Stopping;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.web.LiveEvent;
import dev.specboard.web.LiveUpdates;
import dev.specboard.repo.GitProblem;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs assistant and refactor jobs: claims a row with {@code FOR UPDATE SKIP LOCKED} and a lease
 * (so any number of app instances run jobs, each once), heartbeats while the job runs, commits its
 * progress step by step as live events, and takes up a job whose worker died once its lease expired.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    static final String LIVE_KIND = "job";

    @ConfigProperty(name = "specboard.jobs.lease-seconds", defaultValue = "120")
    int leaseSeconds;

    @Inject
    EntityManager em;

    @Inject
    LiveUpdates live;

    @Inject
    ManagedExecutor executor;

    @Inject
    ObjectMapper json;

    @Inject
    DocsOutline docs;

    @Inject
    Explanation explanation;

    @Inject
    Renamer renamer;

    @Inject
    RunningJobs running;

    private final String instanceId = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "specboard-job-heartbeat");
        t.setDaemon(true);
        return t;
    });

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "1s")
    void tick() {
        drain(instanceId);
    }

    /** Starts a queued job right after the request that queued it commits. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued event) {
        executor.runAsync(() -> drain(instanceId));
    }

    void stop(@Observes ShutdownEvent ev) {
        heartbeats.shutdownNow();
    }

    /** Runs claimable jobs of both tables until none is left (at most 20 a call); answers how many ran. */
    public int drain(String workerId) {
        int ran = 0;
        try {
            settleAbandoned();
            while (ran < 20 && (runOnce(JobKind.AI, workerId) || runOnce(JobKind.REFACTOR, workerId))) {
                ran++;
            }
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "job worker " + workerId, e);
        }
        return ran;
    }

    /** Claims one job of the kind and runs it; false when there was nothing to claim. */
    public boolean runOnce(JobKind kind, String workerId) {
        Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claimWithin(kind, workerId, leaseSeconds, null));
        claimed.ifPresent(id -> run(kind, id, workerId));
        return claimed.isPresent();
    }

    /**
     * Inside the caller's transaction, takes the oldest queued job (or the given one), or a running one
     * whose worker let its lease expire (each claim counts an attempt, so a running one has lapsed as often as it was
     * claimed: one that lapsed {@link LeaseLapses#MAX} times is failed instead), in one statement: {@code SKIP LOCKED}
     * makes concurrent claimers pass over a row another is taking.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimWithin(JobKind kind, String workerId, int lease, UUID only) {
        jakarta.persistence.Query query = em.createNativeQuery("UPDATE " + kind.table() + " SET status = 'RUNNING', worker_id = ?1, "
                        + "lease_until = now() + make_interval(secs => ?2), attempts = attempts + 1, "
                        + "started_at = coalesce(started_at, now()), updated_at = now() "
                        + "WHERE id = (SELECT id FROM " + kind.table() + " WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < now())) "
                        + "AND attempts < ?3 AND NOT cancel_requested" + (only == null ? "" : " AND id = ?4")
                        + " ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, project_id")
                .setParameter(1, workerId).setParameter(2, lease).setParameter(3, LeaseLapses.MAX);
        if (only != null) {
            query.setParameter(4, only);
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        publish((UUID) rows.get(0)[1]);
        return Optional.of((UUID) rows.get(0)[0]);
    }

    /** Jobs whose lease lapsed too often fail (the next claim would likely stop the server again); cancelled ones end as cancelled. */
    void settleAbandoned() {
        for (JobKind kind : JobKind.values()) {
            QuarkusTransaction.requiringNew().run(() -> {
                QuerySpaces.touching(em.createNativeQuery("UPDATE " + kind.table() + " SET status = 'CANCELLED', finished_at = now(), updated_at = now(), "
                        + "lease_until = NULL WHERE status = 'RUNNING' AND lease_until < now() AND cancel_requested"), kind.table()).executeUpdate();
                QuerySpaces.touching(em.createNativeQuery("UPDATE " + kind.table() + " SET status = 'FAILED', finished_at = now(), updated_at = now(), "
                                + "lease_until = NULL, error = ?2 WHERE status = 'RUNNING' AND lease_until < now() AND attempts >= ?1"),
                                kind.table())
                        .setParameter(1, LeaseLapses.MAX).setParameter(2, LeaseLapses.REASON).executeUpdate();
            });
        }
    }

    private JobRunner runner(JobContext ctx) {
        if (ctx.kind == JobKind.REFACTOR) {
            return renamer;
        }
        return ctx.type == AiJobType.DOCS ? docs : explanation;
    }

    /** Runs a job this worker has claimed, to its end: success, failure, cancel, or a lost lease. */
    void run(JobKind kind, UUID id, String workerId) {
        JobContext ctx = QuarkusTransaction.requiringNew().call(() -> {
            LeasedJob job = find(kind, id);
            return new JobContext(this, kind, id, workerId, job.projectId, job.userId,
                    job instanceof RefactorJob r ? r.repositoryId : null, job instanceof AiJob a ? a.type : null,
                    new HashMap<>(job.params), job.actingRole, job.tokenId);
        });
        JobRunner runner = runner(ctx);
        ctx.labels(runner.steps());
        long period = Math.max(1, leaseSeconds / 3);
        running.add(ctx);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> renew(ctx), period, period, TimeUnit.SECONDS);
        try {
            // The requester may still do what the job does, with no more than the role they queued it with.
            QuarkusTransaction.requiringNew().run(() -> ctx.access().requireWrite(ctx.needed()));
            JobRunner.Outcome outcome = runner.run(ctx);
            finish(ctx, outcome);
        } catch (Cancelled e) {
            end(ctx, job -> {
                job.status = JobStatus.CANCELLED;
                job.finishedAt = Instant.now();
            });
        } catch (LostLease e) {
            dropped(kind, id);
        } catch (RuntimeException e) {
            if (ctx.cancelSignal().fired()) {
                // The cancel ended the wait (on a model): what the run threw then is the cancel, not a failure to log.
                end(ctx, job -> {
                    job.status = JobStatus.CANCELLED;
                    job.finishedAt = Instant.now();
                });
                return;
            }
            if (Stopping.now()) {
                // Not the job's failure: it stays running until its lease runs out, then runs again (settleAbandoned).
                LOG.debugf("Job %s was cut short by the stop: %s", id, e.getMessage());
                return;
            }
            String message = failure(e);
            end(ctx, job -> {
                // A cancel asked for while the run waited (on a model, say) wins over the failure that ended the wait: the
                // user said to stop, and a failed job would offer a retry of work they no longer want.
                job.status = job.cancelRequested ? JobStatus.CANCELLED : JobStatus.FAILED;
                job.error = job.cancelRequested ? null : message.length() > 4000 ? message.substring(0, 4000) : message;
                job.finishedAt = Instant.now();
            });
        } finally {
            beat.cancel(false);
            running.remove(ctx);
        }
    }

    private void finish(JobContext ctx, JobRunner.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            LeasedJob job = owned(ctx);
            if (job == null) {
                throw new LostLease();
            }
            if (job.cancelRequested) {
                throw new Cancelled();
            }
            // Checked again as the result is written: the requester may have left or lost the role while the job ran.
            ctx.access().requireWrite(ctx.needed());
            Map<String, Object> result = new LinkedHashMap<>(outcome.result());
            outcome.onCommit().accept(result);
            if (job instanceof AiJob a) {
                a.result = result;
            } else {
                ((RefactorJob) job).proposal = result;
            }
            job.status = JobStatus.SUCCESS;
            job.progress = JobProgress.json(ctx.labels().size(), ctx.labels(), null);
            job.finishedAt = Instant.now();
            job.leaseUntil = null;
            job.error = null;
            publish(job.projectId);
        });
    }

    /** Records how a run ended, if this worker still holds the job. */
    private void end(JobContext ctx, java.util.function.Consumer<LeasedJob> change) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                LeasedJob job = owned(ctx);
                if (job != null) {
                    change.accept(job);
                    job.leaseUntil = null;
                    publish(job.projectId);
                }
            });
        } catch (RuntimeException again) {
            if (Stopping.now()) {
                LOG.debugf("Job %s: its end was not recorded before the stop (its lease runs out instead)", ctx.jobId);
            } else {
                LOG.error("Could not record how job " + ctx.jobId + " ended", again);
            }
        }
    }

    /** Commits the progress with a renewed lease; stops the run when it was cancelled or taken over. */
    void report(JobContext ctx, Map<String, Object> progress) {
        String encoded;
        try {
            encoded = json.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean cancel = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("UPDATE " + ctx.kind.table() + " SET progress = cast(?1 as jsonb), "
                            + "lease_until = now() + make_interval(secs => ?2), updated_at = now() "
                            + "WHERE id = ?3 AND worker_id = ?4 AND status = 'RUNNING' RETURNING cancel_requested, project_id")
                    .setParameter(1, encoded).setParameter(2, leaseSeconds).setParameter(3, ctx.jobId).setParameter(4, ctx.workerId)
                    .getResultList();
            if (rows.isEmpty()) {
                throw new LostLease();
            }
            publish((UUID) rows.get(0)[1]);
            return Boolean.TRUE.equals(rows.get(0)[0]);
        });
        if (cancel) {
            throw new Cancelled();
        }
    }

    /** Renews the lease; a cancel found here (its event lost on the way) stops the run's wait too. */
    private void renew(JobContext ctx) {
        try {
            List<?> cancelled = QuarkusTransaction.requiringNew().call(() -> QuerySpaces.touching(em.createNativeQuery("UPDATE " + ctx.kind.table()
                            + " SET lease_until = now() + make_interval(secs => ?1) WHERE id = ?2 AND worker_id = ?3 AND status = 'RUNNING' "
                            + "RETURNING cancel_requested"), ctx.kind.table())
                    .setParameter(1, leaseSeconds).setParameter(2, ctx.jobId).setParameter(3, ctx.workerId).getResultList());
            if (cancelled.size() == 1 && Boolean.TRUE.equals(cancelled.get(0))) {
                ctx.cancelSignal().fire();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the lease of job " + ctx.jobId + ": " + e.getMessage());
        }
    }

    /** Says why a run's job is no longer this worker's: deleted meanwhile (by itself or with its project), or taken over. */
    private void dropped(JobKind kind, UUID id) {
        boolean deleted = false;
        try {
            deleted = QuarkusTransaction.requiringNew().call(() -> find(kind, id) == null);
        } catch (RuntimeException e) {
            LOG.debugf("Job %s: whether it still exists could not be read: %s", id, e.getMessage());
        }
        if (deleted) {
            LOG.infof("Job %s was deleted while it ran; dropping this run", id);
        } else {
            LOG.warnf("Job %s was taken over by another worker; dropping this run", id);
        }
    }

    private LeasedJob find(JobKind kind, UUID id) {
        return kind == JobKind.AI ? AiJob.findById(id) : RefactorJob.findById(id);
    }

    /** The job locked for update, if this worker still holds it. */
    private LeasedJob owned(JobContext ctx) {
        Class<? extends LeasedJob> type = ctx.kind == JobKind.AI ? AiJob.class : RefactorJob.class;
        LeasedJob job = em.find(type, ctx.jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status != JobStatus.RUNNING || !ctx.workerId.equals(job.workerId)) {
            return null;
        }
        return job;
    }

    private void publish(UUID projectId) {
        live.publish(LiveEvent.forProject(LIVE_KIND, projectId));
    }

    /** What the job page says when a run fails: the refusal's own words, or the root cause. */
    static String failure(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage() + ": " + String.join("; ", v.errors().asMap().entrySet().stream()
                    .map(x -> x.getKey() + " — " + x.getValue()).toList());
        }
        if (e instanceof dev.specboard.review.LinesRead.Changed) {
            // A sync while the job ran changed the lines it read: a run now reads them as they are.
            return e.getMessage().replace(" Read the file again and comment on its current lines.", " Retry the job to explain them as they are now.");
        }
        if (e instanceof ApiException || e instanceof GitProblem || e instanceof JobProblem) {
            return e.getMessage();
        }
        if (e instanceof AssistantUnavailableException) {
            // Its message says what happened (a timeout, an error, an answer that could not be read): "did not answer"
            // before it was wrong for a model that answered something unreadable.
            return e.getMessage() + " Retry the job.";
        }
        DatabaseOutage.warn(LOG, "a job", e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "The job failed: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    /** The job was cancelled: the run stops where it is. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The job is no longer this worker's (another holds it since this one's lease expired, or it was deleted): this run's result is dropped. */
    static final class LostLease extends RuntimeException {
        LostLease() {
            super("lease lost", null, false, false);
        }
    }
}
