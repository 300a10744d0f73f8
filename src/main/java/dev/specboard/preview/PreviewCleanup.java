package dev.specboard.preview;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The scheduled cleanup of preview links: expired (or revoked) previews become EXPIRED, then
 * SOFT_DELETED after a delay, then PURGED after another, when their bundle's files are deleted. Each
 * stage claims its rows with {@code FOR UPDATE SKIP LOCKED} and records a {@code preview_cleanup_events}
 * row in the same transaction, so several instances never move one preview twice.
 */
@ApplicationScoped
public class PreviewCleanup {

    private static final Logger LOG = Logger.getLogger(PreviewCleanup.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "specboard.previews.soft-delete-after", defaultValue = "24h")
    Duration softDeleteAfter;

    @ConfigProperty(name = "specboard.previews.purge-after", defaultValue = "168h")
    Duration purgeAfter;

    @Scheduled(every = "${specboard.previews.cleanup-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Preview cleanup stopped: " + e.getMessage(), e);
        }
    }

    /** Runs every stage once; answers how many previews moved. */
    public int run() {
        int moved = stage(PreviewSession.EXPIRED, "expired_at", "status IN ('PENDING', 'READY') AND expires_at <= now()", 0);
        moved += stage(PreviewSession.SOFT_DELETED, "soft_deleted_at",
                "status = 'EXPIRED' AND expired_at <= now() - make_interval(secs => ?3)", softDeleteAfter.toMillis() / 1000.0);
        moved += purge();
        return moved;
    }

    private int stage(String stage, String column, String condition, double delaySeconds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery("UPDATE preview_sessions SET status = ?1, " + column + " = now(), updated_at = now() "
                    + "WHERE id IN (SELECT id FROM preview_sessions WHERE " + condition + " ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED) "
                    + "RETURNING id").setParameter(1, stage).setParameter(2, 100);
            if (condition.contains("?3")) {
                q.setParameter(3, delaySeconds);
            }
            @SuppressWarnings("unchecked")
            List<UUID> ids = q.getResultList();
            ids.forEach(id -> event(id, stage));
            return ids.size();
        });
    }

    /** Deletes the bundles of soft-deleted previews past the purge delay, holding their rows locked meanwhile. */
    private int purge() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, bundle_path FROM preview_sessions WHERE status = 'SOFT_DELETED' "
                            + "AND soft_deleted_at <= now() - make_interval(secs => ?1) ORDER BY soft_deleted_at LIMIT 20 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, purgeAfter.toMillis() / 1000.0).getResultList();
            for (Object[] r : rows) {
                UUID id = (UUID) r[0];
                if (r[1] != null) {
                    delete(Path.of((String) r[1]));
                }
                em.createNativeQuery("UPDATE preview_sessions SET status = 'PURGED', purged_at = now(), bundle_path = NULL, updated_at = now() WHERE id = ?1")
                        .setParameter(1, id).executeUpdate();
                event(id, PreviewSession.PURGED);
            }
            return rows.size();
        });
    }

    private void event(UUID id, String stage) {
        em.createNativeQuery("INSERT INTO preview_cleanup_events (preview_session_id, stage) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, stage).executeUpdate();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not delete the preview bundle " + dir, e);
        }
    }
}
