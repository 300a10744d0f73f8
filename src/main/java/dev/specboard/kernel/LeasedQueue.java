package dev.specboard.kernel;

import dev.specboard.web.DatabaseOutage;
import dev.specboard.web.Stopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A table's waiting rows worked through by leases: a worker claims one row at a time ({@code FOR UPDATE SKIP LOCKED} and a
 * lease, so any number of instances share them and a dead worker's claim is taken again) and drains them in rounds.
 */
public final class LeasedQueue {

    /** The most rows one drain works through: the next round (a tick or another request) takes the rest. */
    static final int ROUND = 50;

    private LeasedQueue() {
    }

    /** Reads what a worker needs of the row it claimed. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a claim statement (its parameters: the worker's id, then the lease in seconds; it returns the row it claimed) in a
     * transaction of its own, with plain JDBC so that polling does not count in the Hibernate statement statistics of page
     * requests. Answers the claimed row read, or empty when none waits.
     */
    public static <T> Optional<T> claim(DataSource dataSource, String sql, String workerId, int leaseSeconds, Row<T> row) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, workerId);
                ps.setInt(2, leaseSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row.read(rs)) : Optional.<T>empty();
                }
            }
        });
    }

    /**
     * Runs {@code runOnce} (claims and works one row; false when none is left) until none is left or {@value #ROUND} are
     * done; once the instance is stopping (or the thread is interrupted) it claims no more, so a stop does not wait for a
     * round: what waits stays for the next start. A failure (the database gone) ends the round, logged as {@code worker}'s.
     * Answers how many rows were worked.
     */
    public static int drain(Logger log, String worker, BooleanSupplier runOnce) {
        int done = 0;
        try {
            while (done < ROUND && !Stopping.now() && !Thread.currentThread().isInterrupted() && runOnce.getAsBoolean()) {
                done++;
            }
        } catch (RuntimeException e) {
            DatabaseOutage.warn(log, worker, e);
        }
        return done;
    }
}
