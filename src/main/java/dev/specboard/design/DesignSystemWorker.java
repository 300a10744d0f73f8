package dev.specboard.design;

import dev.specboard.kernel.LeasedQueue;
import dev.specboard.web.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recompute job: claims a design system whose recompute was requested ({@code FOR UPDATE SKIP
 * LOCKED} and a lease, so any number of instances share the work and a dead worker's claim is taken
 * again), aggregates the project's current mockups with {@link DesignSystemBuilder} and stores the
 * result. A request that arrives while it runs is kept for the next round.
 */
@ApplicationScoped
public class DesignSystemWorker {

    private static final Logger LOG = Logger.getLogger(DesignSystemWorker.class);

    @ConfigProperty(name = "specboard.design-system.lease-seconds", defaultValue = "120")
    int leaseSeconds;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    @Inject
    EntityService entities;

    @Inject
    ThoughtService thoughts;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private final String instanceId = "ds-" + UUID.randomUUID().toString().substring(0, 8);

    @Scheduled(every = "${specboard.design-system.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "2s")
    void tick() {
        drain();
    }

    /** Starts right after the transaction that asked for a recompute commits. */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) DesignSystemRequested event) {
        executor.runAsync(this::drain);
    }

    /**
     * Recomputes every design system waiting for it; answers how many. Once the instance is stopping (or the thread is
     * interrupted) it claims no more, so a stop does not wait for a round of recomputes: what waits stays for the next start.
     */
    public int drain() {
        return LeasedQueue.drain(LOG, "the design system worker", () -> runOnce(instanceId));
    }

    private record Claim(UUID id, UUID projectId, Instant requestedAt) {
    }

    /** Claims one waiting design system and recomputes it; false when none waits. */
    public boolean runOnce(String workerId) {
        Optional<Claim> claim = claim(workerId);
        claim.ifPresent(c -> compute(c, workerId));
        return claim.isPresent();
    }

    Optional<Claim> claim(String workerId) {
        return LeasedQueue.claim(dataSource, "UPDATE design_systems SET locked_by = ?, lease_until = now() + make_interval(secs => ?) "
                        + "WHERE id = (SELECT id FROM design_systems WHERE recompute_requested_at IS NOT NULL "
                        + "AND (lease_until IS NULL OR lease_until < now()) ORDER BY recompute_requested_at "
                        + "FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, project_id, recompute_requested_at", workerId, leaseSeconds,
                rs -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, OffsetDateTime.class).toInstant()));
    }

    private void compute(Claim claim, String workerId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                DesignSystem ds = em.find(DesignSystem.class, claim.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (ds == null || !workerId.equals(ds.lockedBy)) {
                    return;
                }
                List<DesignSystemBuilder.PageInput> inputs = new ArrayList<>();
                // Tokens name their pages by name; the thoughts about them link the pages (the first of a name).
                java.util.Map<String, ThoughtSource.PageName> pagesByName = new java.util.HashMap<>();
                for (Object[] row : em.createQuery("select p.name, m.extractedPatterns, p.id from Page p join Mockup m on m.id = p.currentMockupId "
                                + "where p.projectId = :p order by p.sortOrder, p.path", Object[].class)
                        .setParameter("p", claim.projectId()).getResultList()) {
                    inputs.add(new DesignSystemBuilder.PageInput((String) row[0],
                            DesignJson.read((String) row[1], MockupAnalysis.class, MockupAnalysis.empty())));
                    pagesByName.putIfAbsent((String) row[0], new ThoughtSource.PageName((UUID) row[2], (String) row[0]));
                }
                DesignTokens.Result r = DesignSystemBuilder.build(inputs, ds.confirmations());
                ds.tokens = DesignJson.write(r.tokens());
                thoughts.recordTokens(claim.projectId(), r.tokens(), pagesByName);
                ds.componentPatterns = DesignJson.write(r.componentPatterns());
                ds.confidenceScores = DesignJson.write(r.confidenceScores());
                ds.generationMethod = r.generationMethod();
                ds.mockupCount = r.mockupCount();
                ds.computedAt = Instant.now();
                ds.lockedBy = null;
                ds.leaseUntil = null;
                // A request made while this ran stays for the next round.
                if (ds.recomputeRequestedAt != null && !ds.recomputeRequestedAt.isAfter(claim.requestedAt())) {
                    ds.recomputeRequestedAt = null;
                }
            });
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "recomputing the design system of project " + claim.projectId(), e);
        }
        // The same change of mockups also changes what they say about the data: infer the entities again.
        try {
            entities.inferInJob(claim.projectId());
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "inferring the entities of project " + claim.projectId(), e);
        }
    }
}
