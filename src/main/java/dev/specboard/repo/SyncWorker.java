package dev.specboard.repo;

import dev.specboard.kernel.LeaseLapses;
import dev.specboard.kernel.QuerySpaces;
import dev.specboard.kernel.UrlCredentials;
import dev.specboard.web.DatabaseOutage;
import dev.specboard.web.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs queued syncs: claims a job row with {@code FOR UPDATE SKIP LOCKED} and a lease, clones or
 * fetches the mirror, writes a new manifest version when the commit changed (firing
 * {@link ManifestCreated}) and fires {@link RepoSynced} after every successful sync. Any number of
 * app instances can run it side by side.
 */
@ApplicationScoped
public class SyncWorker {

    private static final Logger LOG = Logger.getLogger(SyncWorker.class);

    @ConfigProperty(name = "specboard.sync.lease-seconds", defaultValue = "300")
    int leaseSeconds;

    @Inject
    ManifestFiles manifests;

    @Inject
    EntityManager em;

    @Inject
    GitMirror mirror;

    @Inject
    Event<ManifestCreated> manifestCreated;

    @Inject
    Event<RepoSynced> repoSynced;

    @Inject
    ManagedExecutor executor;

    private final String instanceId = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "1s")
    void tick() {
        drain(instanceId);
    }

    /** Starts waiting syncs right after the request that queued them commits. */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) SyncRequested event) {
        executor.runAsync(() -> drain(instanceId));
    }

    /** Queues the syncs that repositories with a schedule are due for. */
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "30s")
    void schedule() {
        try {
            queueDue();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            DatabaseOutage.log(LOG, "scheduling repository syncs", e);
        }
    }

    private void queueDue() {
        QuarkusTransaction.requiringNew().run(() -> QuerySpaces.touching(em.createNativeQuery(
                        "INSERT INTO repo_syncs (project_id, repository_id) "
                                + "SELECT r.project_id, r.id FROM repositories r WHERE r.sync_interval_minutes IS NOT NULL "
                                + "AND NOT EXISTS (SELECT 1 FROM repo_syncs s WHERE s.repository_id = r.id "
                                + "AND s.created_at > now() - make_interval(mins => r.sync_interval_minutes)) "
                                + "ON CONFLICT (repository_id) WHERE status IN ('PENDING', 'RUNNING') DO NOTHING"), "repo_syncs")
                .executeUpdate());
    }

    /** Runs claimable syncs until none is left; answers how many ran. */
    public int drain(String workerId) {
        int ran = 0;
        try {
            giveUpOnAbandoned();
            while (ran < 20 && runOnce(workerId)) {
                ran++;
            }
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e) || Stopping.now()) {
                // The next tick tries again; a sync left running is claimed again once its lease expires.
                DatabaseOutage.warn(LOG, "repository sync", e);
            } else {
                LOG.warn("Sync worker " + workerId + " stopped: " + UrlCredentials.redact(e.getMessage()), UrlCredentials.redacted(e));
            }
        }
        return ran;
    }

    /** Claims one sync and runs it; false when there was nothing to claim. */
    public boolean runOnce(String workerId) {
        Optional<UUID> claimed = claim(workerId);
        claimed.ifPresent(id -> run(id, workerId));
        return claimed.isPresent();
    }

    /**
     * Takes the oldest waiting sync, or a running one whose worker let its lease expire (each claim counts an attempt, so a
     * running one has lapsed as often as it was claimed: one that lapsed {@link LeaseLapses#MAX} times is failed instead),
     * in one statement: {@code SKIP LOCKED} makes concurrent claimers pass over a row another is taking.
     */
    public Optional<UUID> claim(String workerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery(
                            "UPDATE repo_syncs SET status = 'RUNNING', locked_by = ?1, lease_until = now() + make_interval(secs => ?2), "
                                    + "attempts = attempts + 1, started_at = now(), updated_at = now() "
                                    + "WHERE id = (SELECT id FROM repo_syncs WHERE (status = 'PENDING' OR (status = 'RUNNING' AND lease_until < now())) "
                                    + "AND attempts < ?3 ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id")
                    .setParameter(1, workerId).setParameter(2, leaseSeconds).setParameter(3, LeaseLapses.MAX)
                    .getResultList();
            return ids.stream().findFirst().map(o -> (UUID) o);
        });
    }

    /** Fails the syncs whose lease lapsed too often: the next claim would likely stop the server again. */
    void giveUpOnAbandoned() {
        QuarkusTransaction.requiringNew().run(() -> QuerySpaces.touching(em.createNativeQuery(
                        "UPDATE repo_syncs SET status = 'FAILED', finished_at = now(), updated_at = now(), lease_until = NULL, "
                                + "error_message = ?2 WHERE status = 'RUNNING' AND lease_until < now() AND attempts >= ?1"), "repo_syncs")
                .setParameter(1, LeaseLapses.MAX).setParameter(2, LeaseLapses.REASON).executeUpdate());
    }

    private record Job(Repo repo, Integer latestVersion, String latestCommit, Map<String, ManifestEntry> knownBlobs) {
    }

    /** Runs a sync this worker has claimed, of at most {@code specboard.repos.max-files} files. */
    void run(UUID syncId, String workerId) {
        run(syncId, workerId, mirror.maxFiles());
    }

    /**
     * Runs a sync this worker has claimed: a new manifest, or the failure recorded (not when the stop cut it short); a
     * commit of more than {@code maxFiles} files fails it, saying so, before the heap has to hold them.
     */
    void run(UUID syncId, String workerId, int maxFiles) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            RepoSync sync = RepoSync.findById(syncId);
            Repo repo = Repo.findById(sync.repositoryId);
            em.detach(repo);
            Optional<ManifestFiles.Head> latest = manifests.latest(repo.id);
            Map<String, ManifestEntry> known = new HashMap<>();
            latest.ifPresent(m -> manifests.files(m).sorted().forEach(f -> known.putIfAbsent(f.blobSha(), f)));
            return new Job(repo, latest.map(ManifestFiles.Head::version).orElse(null), latest.map(ManifestFiles.Head::commitSha).orElse(null), known);
        });
        ProgressWriter progress = new ProgressWriter(syncId, workerId);
        try {
            String commit = mirror.fetch(job.repo(), progress);
            if (commit == null && job.latestVersion() != null) {
                throw new GitProblem(job.repo().gitUrl + " has no branch any more; the files shown are those of manifest v" + job.latestVersion() + ".");
            }
            if (commit == null) {
                // Nothing pushed yet: a sync that worked, with no manifest to make; the page says the repository is empty.
                finish(syncId, workerId, job, null, s -> {
                });
                return;
            }
            if (commit.equals(job.latestCommit())) {
                finish(syncId, workerId, job, commit, s -> {
                    s.manifestVersion = job.latestVersion();
                    s.commitSha = commit;
                });
                return;
            }
            GitMirror.Listing listing = mirror.listFiles(job.repo(), commit, job.knownBlobs(), maxFiles, progress);
            List<ManifestEntry> files = listing.files();
            progress.flush();
            finish(syncId, workerId, job, commit, s -> {
                int version = ((Number) em.createQuery("select coalesce(max(m.version), 0) from ProjectManifest m where m.repositoryId = ?1")
                        .setParameter(1, job.repo().id).getSingleResult()).intValue() + 1;
                ProjectManifest m = new ProjectManifest();
                m.projectId = job.repo().projectId;
                m.repositoryId = job.repo().id;
                m.version = version;
                m.commitSha = commit;
                m.data = ProjectManifest.dataOf(commit, job.repo().defaultBranch, files, listing.submodules());
                m.hash = ManifestHash.of(m.data);
                m.persist();
                s.manifestVersion = version;
                s.commitSha = commit;
                s.filesProcessed = files.size();
                s.filesTotal = files.size();
                em.flush();
                manifestCreated.fire(new ManifestCreated(m.projectId, m.repositoryId, version, commit));
            });
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e) || Stopping.now()) {
                // Nothing can be recorded now; the sync keeps its lease and is claimed again once it expires.
                throw e;
            }
            String message = UrlCredentials.redact(e instanceof GitProblem ? e.getMessage() : "The sync failed: " + GitProblem.rootMessage(e));
            if (!(e instanceof GitProblem)) {
                LOG.warn("Sync " + syncId + " failed", UrlCredentials.redacted(e));
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    RepoSync s = owned(syncId, workerId);
                    if (s != null) {
                        s.status = SyncStatus.FAILED;
                        s.errorMessage = message.length() > 2000 ? message.substring(0, 2000) : message;
                        s.finishedAt = Instant.now();
                        s.leaseUntil = null;
                        followSourceChange(job);
                    }
                });
            } catch (RuntimeException again) {
                if (DatabaseOutage.isCause(again)) {
                    DatabaseOutage.log(LOG, "recording the failure of sync " + syncId, again);
                } else {
                    LOG.error("Could not record the failure of sync " + syncId, UrlCredentials.redacted(again));
                }
            }
        }
    }

    private void finish(UUID syncId, String workerId, Job job, String commit, java.util.function.Consumer<RepoSync> success) {
        QuarkusTransaction.requiringNew().run(() -> {
            RepoSync s = owned(syncId, workerId);
            if (s == null) {
                LOG.warn("Sync " + syncId + " was taken over by another worker; dropping this run's result");
                return;
            }
            success.accept(s);
            s.status = SyncStatus.SUCCESS;
            s.finishedAt = Instant.now();
            s.leaseUntil = null;
            s.errorMessage = null;
            if (commit != null) { // an empty repository holds no commit for the observers to check
                repoSynced.fire(new RepoSynced(job.repo().projectId, job.repo().id, commit));
            }
            followSourceChange(job);
        });
    }

    /**
     * Queues the next sync when the repository's URL or branch changed while this one ran on the old ones: the change
     * found this sync running and queued none, so the repository kept what the old source held, or its failure.
     */
    private void followSourceChange(Job job) {
        Repo now = em.find(Repo.class, job.repo().id);
        if (now != null && (!now.gitUrl.equals(job.repo().gitUrl) || !now.defaultBranch.equals(job.repo().defaultBranch))) {
            QuerySpaces.touching(em.createNativeQuery("INSERT INTO repo_syncs (project_id, repository_id) VALUES (?1, ?2) "
                            + "ON CONFLICT (repository_id) WHERE status IN ('PENDING', 'RUNNING') DO NOTHING"), "repo_syncs")
                    .setParameter(1, now.projectId).setParameter(2, now.id).executeUpdate();
        }
    }

    /** The sync locked for update, if this worker still holds it. */
    private RepoSync owned(UUID syncId, String workerId) {
        RepoSync s = em.find(RepoSync.class, syncId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.status != SyncStatus.RUNNING || !workerId.equals(s.lockedBy)) {
            return null;
        }
        return s;
    }

    /** Writes progress at most twice a second and renews the lease with it. */
    private final class ProgressWriter implements GitMirror.Progress {
        private final UUID syncId;
        private final String workerId;
        private int objectsDone;
        private int objectsTotal;
        private int filesDone;
        private int filesTotal;
        private Instant lastWrite = Instant.EPOCH;

        ProgressWriter(UUID syncId, String workerId) {
            this.syncId = syncId;
            this.workerId = workerId;
        }

        @Override
        public void objects(int done, int total) {
            objectsDone = done;
            objectsTotal = total;
            maybeWrite();
        }

        @Override
        public void files(int done, int total) {
            filesDone = done;
            filesTotal = total;
            maybeWrite();
        }

        private void maybeWrite() {
            if (Duration.between(lastWrite, Instant.now()).toMillis() >= 500) {
                flush();
            }
        }

        void flush() {
            lastWrite = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> QuerySpaces.touching(em.createNativeQuery(
                            "UPDATE repo_syncs SET objects_processed = ?1, objects_total = ?2, files_processed = ?3, files_total = ?4, "
                                    + "lease_until = now() + make_interval(secs => ?5), updated_at = now() "
                                    + "WHERE id = ?6 AND locked_by = ?7 AND status = 'RUNNING'"), "repo_syncs")
                    .setParameter(1, objectsDone).setParameter(2, objectsTotal).setParameter(3, filesDone)
                    .setParameter(4, filesTotal).setParameter(5, leaseSeconds).setParameter(6, syncId).setParameter(7, workerId)
                    .executeUpdate());
        }
    }
}
