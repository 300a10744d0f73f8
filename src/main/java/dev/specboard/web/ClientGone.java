package dev.specboard.web;

import io.vertx.core.http.HttpClosedException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * Failures that mean "the browser or agent went away before the answer was written" (a tab closed while a large page
 * was still arriving, a cancelled request): nobody is left to answer, and nothing went wrong here, so it is no error.
 */
public final class ClientGone {

    private ClientGone() {
    }

    /** Whether the failure, one of its causes or an exception suppressed on the way is a connection the client closed. */
    public static boolean isCause(Throwable failure) {
        return Causes.any(failure, t -> t instanceof HttpClosedException || t instanceof ClosedChannelException
                // The operating system's words for a connection the other side closed or reset, as the JDK and Netty pass them on.
                || t instanceof IOException && t.getMessage() != null
                        && (t.getMessage().contains("Connection reset by peer") || t.getMessage().contains("Broken pipe")
                        // Quarkus's response stream, writing to a response whose connection closed (no Vert.x exception below it)
                        || t.getMessage().contains("Connection has been closed")));
    }
}
