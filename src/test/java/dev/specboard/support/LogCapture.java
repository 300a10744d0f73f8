package dev.specboard.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what some classes log while a test runs: Quarkus sends JBoss Logging through java.util.logging, so a
 * handler on a class's logger sees its records. Open it before the requests and close it after, or the handler stays.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<Logger> loggers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(List<Logger> loggers) {
        this.loggers = loggers;
        loggers.forEach(l -> l.addHandler(this));
    }

    /** Starts recording what the given classes log. */
    public static LogCapture of(Class<?>... sources) {
        return new LogCapture(Arrays.stream(sources).map(c -> Logger.getLogger(c.getName())).toList());
    }

    /** The records so far, in the order they were logged. */
    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    /** Stops recording. */
    @Override
    public void close() {
        loggers.forEach(l -> l.removeHandler(this));
    }
}
