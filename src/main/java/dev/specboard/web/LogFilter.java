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
 * a live-event stream's client going away ({@link #sseClientGone}), shortens a model's unreadable stream chunk
 * ({@link #modelStreamUnreadable}) to one line, and rewrites every other record so that no link
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
        if (modelStreamUnreadable(record)) {
            shortenModelStreamError(record);
        }
        redact(record);
        return true;
    }

    /** The logger of an exception that escaped to Vert.x. */
    static final String VERTX_UNCAUGHT = "io.quarkus.vertx.core.runtime.VertxCoreRecorder";

    /**
     * A model's streamed answer (SSE) with a chunk the REST client cannot read (invalid UTF-8, a chunk that is no chat
     * completion): the client's SSE parser throws on the event loop, where nothing of ours can catch it, and Vert.x logs an
     * ERROR with the whole trace. The stream then ends where the chunk was, before the model's finish reason: the assistant
     * tells the reader the answer was empty or cut off and logs its own line ({@code ModelAssistant}), and this record says
     * why the stream ended. So it is kept, as one WARN line without the trace (the
     * exception's first line, escaped and cut: the chunk is the model's text, never our key). Only the model's client reads SSE.
     */
    static boolean modelStreamUnreadable(LogRecord record) {
        if (!VERTX_UNCAUGHT.equals(record.getLoggerName()) || record.getThrown() == null) {
            return false;
        }
        for (StackTraceElement e : record.getThrown().getStackTrace()) {
            if (e.getClassName().startsWith("org.jboss.resteasy.reactive.client.impl.Sse")) {
                return true;
            }
        }
        return false;
    }

    /** Makes a model stream's unreadable chunk (see {@link #modelStreamUnreadable}) one WARN line without its trace. */
    static void shortenModelStreamError(LogRecord record) {
        Throwable thrown = record.getThrown();
        String why = thrown.getClass().getSimpleName() + ": " + String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
        String line = "The model's streamed answer had a chunk the client could not read; the answer ends before it: " + InputGuard.printable(why);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(line, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(line);
        }
        record.setLevel(org.jboss.logmanager.Level.WARN);
        record.setParameters(null);
        record.setThrown(null);
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
