package dev.specboard.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what some classes log while a test runs: Quarkus sends JBoss Logging through java.util.logging, so a
 * handler on a class's logger sees its records. Open it before the requests and close it after, or the handler stays.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<Logger> loggers;
    private final List<Level> levelsBefore = new ArrayList<>();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(List<Logger> loggers, Level level) {
        this.loggers = loggers;
        for (Logger l : loggers) {
            levelsBefore.add(l.getLevel());
            if (level != null) {
                l.setLevel(level);
            }
            l.addHandler(this);
        }
    }

    /** Starts recording what the given classes log. */
    public static LogCapture of(Class<?>... sources) {
        return new LogCapture(Arrays.stream(sources).map(c -> Logger.getLogger(c.getName())).toList(), null);
    }

    /**
     * Starts recording everything logged anywhere, for tests that prove something (a secret, say) is logged nowhere:
     * the class that would log it is not known beforehand.
     */
    public static LogCapture everything() {
        return new LogCapture(List.of(Logger.getLogger("")), null);
    }

    /** Starts recording the named logger at every level, debug included, until closed. */
    public static LogCapture everyLevelOf(String loggerName) {
        return new LogCapture(List.of(Logger.getLogger(loggerName)), Level.ALL);
    }

    /** The records so far, in the order they were logged. */
    public List<LogRecord> records() {
        return records;
    }

    /**
     * Each record as one line of text: its message, its parameters and every exception in its cause chain, so that a
     * search of the lines finds a value wherever a log line could carry it.
     */
    public List<String> lines() {
        return records.stream().map(LogCapture::line).toList();
    }

    private static String line(LogRecord r) {
        StringBuilder s = new StringBuilder(String.valueOf(r.getMessage()));
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                s.append(' ').append(p);
            }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            s.append(' ').append(t);
        }
        return s.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    /** Stops recording, and gives back the levels it changed. */
    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            if (loggers.get(i).getLevel() != levelsBefore.get(i)) {
                loggers.get(i).setLevel(levelsBefore.get(i));
            }
        }
    }
}
