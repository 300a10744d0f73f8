package dev.specboard.web;

import java.util.Arrays;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

/**
 * Keeps a database outage from flooding the log: the warnings the connection pool, Hibernate and
 * the transaction manager write for every failed connection (stack traces included) are left out
 * and counted instead; {@link DatabaseOutage}'s rate-limited line reports them. Errors always pass. The console's
 * {@link LogFilter} applies it.
 */
public final class DatabaseOutageLogFilter implements Filter {

    private static final Set<String> CHATTY = Set.of("io.agroal.pool", "io.quarkus.agroal.runtime.DataSources", "org.hibernate.orm.jdbc.error",
            "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "com.arjuna.ats.jta", "com.arjuna.ats.arjuna");
    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() > Level.WARNING.intValue() || !CHATTY.contains(record.getLoggerName())) {
            return true;
        }
        // Hibernate writes a failure's SQLState and its message as two records: the state starts the outage, the message follows it.
        boolean repeat = connectionState(record)
                || (record.getThrown() != null ? DatabaseOutage.isCause(record.getThrown()) : DatabaseOutage.ongoing());
        if (repeat) {
            DatabaseOutage.noted();
        }
        return !repeat;
    }

    /** Whether the record names SQLState class 08 or 57P, in its text or among its parameters. */
    private static boolean connectionState(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        if (!message.contains("SQLState")) {
            return false;
        }
        Stream<String> texts = Stream.concat(Stream.of(message.substring(message.indexOf("SQLState") + 8).replaceAll("^[:\\s]+", "")),
                record.getParameters() == null ? Stream.empty() : Arrays.stream(record.getParameters()).map(String::valueOf));
        return texts.anyMatch(t -> t.startsWith("08") || t.startsWith("57P"));
    }
}
