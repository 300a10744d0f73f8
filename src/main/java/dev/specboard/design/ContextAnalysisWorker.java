package dev.specboard.design;

import dev.specboard.kernel.HeavyWork;
import dev.specboard.kernel.LeasedQueue;
import dev.specboard.web.ApiException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Analyses the context items kept with their analysis pending (a screenshot or HTML file added while every analysis turn
 * was taken): claims one ({@code FOR UPDATE SKIP LOCKED} and a lease, so any number of instances share them and a dead
 * worker's claim is taken again), waits for a turn of {@link DesignWork#contextAnalyses()}, analyses the stored file and
 * records what it found. An item whose analysis never finishes (its worker died each time) is given up on with a note.
 */
@ApplicationScoped
public class ContextAnalysisWorker {

    private static final Logger LOG = Logger.getLogger(ContextAnalysisWorker.class);

    /** Claims of one item before its analysis is given up on (each claim that ended without a result was a worker lost). */
    static final int MOST_ATTEMPTS = 3;

    @ConfigProperty(name = "specboard.context.analysis-lease-seconds", defaultValue = "120")
    int leaseSeconds;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ManagedExecutor executor;

    @Inject
    ContextSources sources;

    @Inject
    DesignWork work;

    private final String instanceId = "ca-" + UUID.randomUUID().toString().substring(0, 8);

    /** One drain at a time on an instance: the turns are few, and a drain takes every item waiting. */
    private final AtomicBoolean draining = new AtomicBoolean();

    /** A kept item waits for its analysis (fired by the transaction that stored it). */
    public record Requested(UUID itemId) {
    }

    @Scheduled(every = "${specboard.context.analysis-poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "2s")
    void tick() {
        drain();
    }

    /** Starts right after the transaction that kept the item commits (its file is stored by then). */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested event) {
        executor.runAsync(this::drain);
    }

    /** Analyses every item waiting (until none is left or no turn comes); answers how many. */
    public int drain() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        try {
            return LeasedQueue.drain(LOG, "the context analysis worker", () -> runOnce(instanceId));
        } finally {
            draining.set(false);
        }
    }

    private record Claim(UUID id, String storageKey, String contentType, int attempts) {
    }

    /** Claims one waiting item and analyses it; false when none waits, or when no turn came (the item stays for the next round). */
    boolean runOnce(String workerId) {
        Optional<Claim> claimed = claim(workerId);
        if (claimed.isEmpty()) {
            return false;
        }
        Claim c = claimed.get();
        ContextAnalysis analysis;
        if (c.attempts() > MOST_ATTEMPTS) {
            analysis = ContextAnalysis.note("Not analysed: its analysis was started " + MOST_ATTEMPTS + " times and never finished. The file is kept.");
        } else {
            HeavyWork.Turn turn;
            try {
                turn = work.contextAnalyses().turn();
            } catch (ApiException busy) {
                release(c, workerId);
                return false;
            }
            try (turn) {
                // Read in its turn: the bytes are held only while they are analysed.
                analysis = c.storageKey() == null ? null : sources.stored(c.storageKey()).map(bytes -> analyse(bytes, c.contentType())).orElse(null);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not analyse context item %s", c.id());
                analysis = ContextAnalysis.note("Not analysed: its analysis failed. The file is kept.");
            }
            if (analysis == null) {
                analysis = ContextAnalysis.note("Not analysed: its file is missing from the store.");
            }
        }
        record(c, workerId, analysis);
        return true;
    }

    /** What a stored file's analysis finds: an image's size and palette, an HTML file's elements and colours. */
    static ContextAnalysis analyse(byte[] content, String contentType) {
        if ("text/html".equals(contentType)) {
            String text = ContextContent.utf8(content);
            return text == null ? ContextAnalysis.note("Not analysed: the file is not UTF-8 text.") : ContextContent.htmlAnalysis(text);
        }
        return ImageAnalyzer.format(content).map(f -> ImageAnalyzer.analyze(content, f))
                .orElseGet(() -> ContextAnalysis.note("A binary file that is not a PNG, JPEG or WebP image: stored, not analysed."));
    }

    private Optional<Claim> claim(String workerId) {
        return LeasedQueue.claim(dataSource, "UPDATE user_context_items SET analysis_locked_by = ?, analysis_lease_until = now() + make_interval(secs => ?), "
                        + "analysis_attempts = analysis_attempts + 1 "
                        + "WHERE id = (SELECT id FROM user_context_items WHERE analysis_pending_since IS NOT NULL "
                        + "AND (analysis_lease_until IS NULL OR analysis_lease_until < now()) ORDER BY analysis_pending_since "
                        + "FOR UPDATE SKIP LOCKED LIMIT 1) "
                        + "RETURNING id, storage_key, content_metadata ->> 'content_type', analysis_attempts", workerId, leaseSeconds,
                rs -> new Claim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    /** Gives a claim back untried (no turn came): the next round claims it again, and the attempt does not count. */
    private void release(Claim claim, String workerId) {
        update("UPDATE user_context_items SET analysis_locked_by = NULL, analysis_lease_until = NULL, "
                + "analysis_attempts = analysis_attempts - 1 WHERE id = ? AND analysis_locked_by = ?", null, claim.id(), workerId);
    }

    /** Stores the analysis and ends the wait; an item deleted meanwhile is no more, and nothing is written. */
    private void record(Claim claim, String workerId, ContextAnalysis analysis) {
        update("UPDATE user_context_items SET ai_analysis = CAST(? AS jsonb), analysis_pending_since = NULL, analysis_locked_by = NULL, "
                + "analysis_lease_until = NULL WHERE id = ? AND analysis_locked_by = ?", DesignJson.write(analysis), claim.id(), workerId);
    }

    private void update(String sql, String json, UUID id, String workerId) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (json != null) {
                    ps.setString(i++, json);
                }
                ps.setObject(i++, id);
                ps.setString(i, workerId);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
