package dev.specboard.kernel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads the column values of native queries, whose Java type depends on the driver and the dialect's mapping. */
public final class SqlValues {

    private SqlValues() {
    }

    /** The instant of a {@code timestamptz} column, whichever of the driver's types carries it; null for SQL null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
