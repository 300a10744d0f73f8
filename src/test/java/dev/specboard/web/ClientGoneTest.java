package dev.specboard.web;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // Quarkus's VertxOutputStream when the response's connection is already closed: logged as an ERROR with its stack trace.
        assertTrue(ClientGone.isCause(new IOException("Failed to write", new IOException("Connection has been closed"))));
    }

    @Test
    void theMapperAnswersAClosedConnectionWithoutAnErrorPage() {
        UriInfo uri = stub(UriInfo.class, "getPath", "/api/v1/projects/px/jobs/1");
        Request request = stub(Request.class, "getMethod", "GET");
        HttpHeaders headers = stub(HttpHeaders.class, "getHeaderString", null);
        Response r = new ErrorMapper().unexpected(new IOException("Failed to write", new IOException("Connection has been closed")),
                uri, headers, request);
        assertEquals(204, r.getStatus(), "nobody to answer: no 500 error page");
    }

    /** A JAX-RS interface answering one method (the request's path or method), the only one the mapper reads here. */
    private static <T> T stub(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ClientGone.isCause(new IOException("No space left on device")));
        assertFalse(ClientGone.isCause(new IOException((String) null)));
        assertFalse(ClientGone.isCause(new IllegalStateException("Connection was closed")));
        assertFalse(ClientGone.isCause(null));
    }
}
