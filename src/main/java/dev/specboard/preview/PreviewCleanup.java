package dev.specboard.preview;

import dev.specboard.web.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.jgit.util.FileUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The scheduled cleanup of preview links: expired (or revoked, or made through an API token revoked since) previews
 * become EXPIRED, then SOFT_DELETED after a delay, then PURGED after another, when their bundle's directory is deleted
 * (also one that a failed render left without recording it). Each stage claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} and records a {@code preview_cleanup_events} row in the same
 * transaction, so several instances never move one preview twice.
 */
@ApplicationScoped
public class PreviewCleanup {

    private static final Logger LOG = Logger.getLogger(PreviewCleanup.class);

    /** Plain JDBC (inside JTA transactions): the cleanup's polling stays out of Hibernate's statement statistics of page requests. */
    @Inject
    AgroalDataSource dataSource;

    @Inject
    PreviewService previews;

    @ConfigProperty(name = "specboard.previews.soft-delete-after", defaultValue = "24h")
    Duration softDeleteAfter;

    @ConfigProperty(name = "specboard.previews.purge-after", defaultValue = "168h")
    Duration purgeAfter;

    @Scheduled(every = "${specboard.previews.cleanup-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, delayed = "1s")
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            DatabaseOutage.warn(LOG, "the preview cleanup", e);
        }
    }

    /** Runs every stage once; answers how many previews moved. */
    public int run() {
        // A link made through an API token closed when the token was revoked (see PreviewService.open): it ends like a revoked one.
        int moved = stage(PreviewSession.EXPIRED, "expired_at", "status IN ('PENDING', 'READY') AND (expires_at <= now() OR (token_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.id = preview_sessions.token_id AND t.revoked_at IS NULL)))", 0);
        moved += stage(PreviewSession.SOFT_DELETED, "soft_deleted_at",
                "status = 'EXPIRED' AND expired_at <= now() - make_interval(secs => ?)", softDeleteAfter.toMillis() / 1000.0);
        moved += purge();
        return moved;
    }

    private int stage(String stage, String column, String condition, double delaySeconds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE preview_sessions SET status = ?, " + column + " = now(), updated_at = now() "
                         + "WHERE id IN (SELECT id FROM preview_sessions WHERE " + condition + " ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED) "
                         + "RETURNING id")) {
                ps.setString(1, stage);
                if (condition.contains("?")) {
                    ps.setDouble(2, delaySeconds);
                }
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                for (UUID id : ids) {
                    event(c, id, stage);
                }
                return ids.size();
            }
        });
    }

    /** Deletes the bundles of soft-deleted previews past the purge delay, holding their rows locked meanwhile. */
    private int purge() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT id, bundle_path FROM preview_sessions WHERE status = 'SOFT_DELETED' "
                         + "AND soft_deleted_at <= now() - make_interval(secs => ?) ORDER BY soft_deleted_at LIMIT 20 FOR UPDATE SKIP LOCKED")) {
                ps.setDouble(1, purgeAfter.toMillis() / 1000.0);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2)});
                    }
                }
                for (Object[] r : rows) {
                    UUID id = (UUID) r[0];
                    if (r[1] != null) {
                        delete(Path.of((String) r[1]));
                    }
                    // A render that failed (or whose instance stopped) before the row got its bundle path still left files there.
                    delete(previews.bundle(id));
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE preview_sessions SET status = 'PURGED', purged_at = now(), bundle_path = NULL, updated_at = now() WHERE id = ?")) {
                        up.setObject(1, id);
                        up.executeUpdate();
                    }
                    event(c, id, PreviewSession.PURGED);
                }
                return rows.size();
            }
        });
    }

    private static void event(Connection c, UUID id, String stage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO preview_cleanup_events (preview_session_id, stage) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, id);
            ps.setString(2, stage);
            ps.executeUpdate();
        }
    }

    static void delete(Path dir) {
        // Files another deleter removed meanwhile are skipped, not a failure: a walk over them threw.
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not delete the preview bundle " + dir, e);
        }
    }
}
