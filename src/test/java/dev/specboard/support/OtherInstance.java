package dev.specboard.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Plays a second app instance on the same database: changes rows on a connection of its own, then sends the
 * NOTIFY that instance would send, so tests can show what this instance knows before and after it arrives.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    /** Runs one update with one parameter and answers how many rows it changed. */
    public static int update(String sql, Object parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            return s.executeUpdate();
        }
    }

    /** Sends the live event of this kind for an account, as {@code LiveUpdates.publish} would. */
    public static void notifyAccount(String kind, UUID accountId) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select pg_notify('specboard_events', ?)")) {
            s.setString(1, kind + "|" + accountId + "|");
            s.execute();
        }
    }

    /**
     * Asks again (up to 60 s) until the answer is no longer {@code was}; answers the last answer. The notification
     * usually arrives within milliseconds; the minute is for a loaded CI machine, where 10 s was not always enough.
     */
    public static int awaitChange(int was, IntSupplier ask) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        int status = ask.getAsInt();
        while (status == was && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            status = ask.getAsInt();
        }
        return status;
    }

    /** A connection of the "other instance" of its own (the caller closes it). */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }
}
