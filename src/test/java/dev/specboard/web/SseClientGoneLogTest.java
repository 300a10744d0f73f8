package dev.specboard.web;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser or agent closing a live-event stream is no error: the library's "impossible to send it to client" ERROR for
 * a write to the closed connection (Netty's StacklessClosedChannelException, a ClosedChannelException) stays off the
 * console, while any other failure of a stream, and a closed channel reported by anyone else, is still logged. The race
 * itself (an event written in the moment the connection closes) cannot be provoked reliably over a real connection, so
 * the configured console filter is given the record the library writes.
 */
@QuarkusTest
class SseClientGoneLogTest {

    private static ExtLogRecord record(String logger, Throwable thrown) {
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, "Exception in SSE server handling, impossible to send it to client",
                ExtLogRecord.FormatStyle.NO_FORMAT, SseClientGoneLogTest.class.getName());
        r.setLoggerName(logger);
        r.setThrown(thrown);
        return r;
    }

    @Test
    void aClientClosingALiveStreamIsNotLoggedAsAnError() {
        ConsoleHandler console = consoleHandler(LogContext.getLogContext().getLogger("").getHandlers())
                .orElseThrow(() -> new AssertionError("no console handler"));
        String sse = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";
        assertFalse(console.getFilter().isLoggable(record(sse, new ClosedChannelException())), "a client that went away");
        assertFalse(console.getFilter().isLoggable(record(sse, new RuntimeException(new ClosedChannelException()))), "wrapped");
        assertTrue(console.getFilter().isLoggable(record(sse, new IllegalStateException("could not write the event"))),
                "a stream's own failure is still logged");
        assertTrue(console.getFilter().isLoggable(record("io.vertx.core.net.impl.ConnectionBase", new ClosedChannelException())),
                "only the stream handler's record is left out");
    }

    /** The console handler among the root logger's handlers, inside the wrappers Quarkus puts around them. */
    private static Optional<ConsoleHandler> consoleHandler(Handler[] handlers) {
        return Arrays.stream(handlers).flatMap(h -> h instanceof ConsoleHandler c ? Optional.of(c).stream()
                : h instanceof ExtHandler ext ? consoleHandler(ext.getHandlers()).stream() : Optional.<ConsoleHandler>empty().stream())
                .findFirst();
    }
}
