package dev.specboard.web;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are a client that went away (nobody to answer, no error) rather than our fault. */
class ClientGoneTest {

    @Test
    void aClosedOrResetConnectionIsAClientGoneWhereverItIsInTheChain() {
        // What a streamed page met when the browser closed its tab (seen in the log as an "unexpected error").
        assertTrue(ClientGone.isCause(new IOException("Failed to write",
                new IOException("io.vertx.core.http.HttpClosedException: Connection was closed", new HttpClosedException("Connection was closed")))));
        assertTrue(ClientGone.isCause(new CompletionException(new UncheckedIOException(new IOException("Connection reset by peer")))));
        assertTrue(ClientGone.isCause(new IOException("Broken pipe")));
        assertTrue(ClientGone.isCause(new ClosedChannelException()));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ClientGone.isCause(new IOException("No space left on device")));
        assertFalse(ClientGone.isCause(new IOException((String) null)));
        assertFalse(ClientGone.isCause(new IllegalStateException("Connection was closed")));
        assertFalse(ClientGone.isCause(null));
    }
}
