package dev.specboard.web;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

/**
 * The console's one log filter: it leaves out a database outage's repeated warnings (see {@link DatabaseOutageLogFilter}),
 * a live-event stream's client going away ({@link #sseClientGone}), and rewrites every other record so that no link
 * secret (see {@link LoggedPath}) reaches the log, whoever wrote it: the framework logs failures before our code runs
 * (Quarkus' error handler, Vert.x) with the request's raw URI.
 */
@LoggingFilter(name = "specboard")
public final class LogFilter implements Filter {

    private final DatabaseOutageLogFilter outage = new DatabaseOutageLogFilter();

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!outage.isLoggable(record) || sseClientGone(record)) {
            return false;
        }
        redact(record);
        return true;
    }

    /** The logger that reports a live-event stream (SSE) whose write failed after its head was sent. */
    static final String SSE_HANDLER = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";

    /**
     * A live-event stream whose browser or agent went away: the stream ends (the library cancels it when the connection
     * closes), but an event or heartbeat written in the moment the connection closed, or to a connection that went away
     * without a word (noticed only by writing to it), fails, and the library logs that as an ERROR "impossible to send it
     * to client". A client leaving is normal and there is nobody to answer, so that record is left out; any other
     * failure of a stream is still logged.
     */
    static boolean sseClientGone(LogRecord record) {
        return SSE_HANDLER.equals(record.getLoggerName()) && record.getThrown() != null && ClientGone.isCause(record.getThrown());
    }

    /**
     * Replaces the record's text by its formatted text without link secrets (parameters included, since they may be the
     * URI) and its exception by a copy without them; a record without a secret is left as it is.
     */
    static void redact(LogRecord record) {
        String formatted = formatted(record);
        String redacted = LoggedPath.text(formatted);
        if (redacted != null && !redacted.equals(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                // Without parameters java.util.logging shows the message as it is.
                record.setMessage(redacted);
            }
            record.setParameters(null);
            record.setResourceBundle(null);
            record.setResourceBundleName(null);
        }
        if (record.getThrown() != null) {
            Throwable thrown = LoggedPath.thrown(record.getThrown());
            if (thrown != record.getThrown()) {
                record.setThrown(thrown);
            }
        }
    }

    /** The text the record shows (printf or MessageFormat parameters filled in); its parameters appended if that fails. */
    static String formatted(LogRecord record) {
        try {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : PLAIN.formatMessage(record);
        } catch (RuntimeException badFormat) {
            Object[] params = record.getParameters();
            return record.getMessage() + (params == null ? "" : Arrays.stream(params).map(String::valueOf).collect(Collectors.joining(" ", " ", "")));
        }
    }

    /** Formats a plain record's MessageFormat parameters the way java.util.logging does. */
    private static final Formatter PLAIN = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };
}
