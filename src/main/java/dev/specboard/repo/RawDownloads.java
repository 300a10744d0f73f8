package dev.specboard.repo;

import dev.specboard.web.ApiException;
import dev.specboard.web.BodyBudget;
import dev.specboard.web.ResponseEnd;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends committed files as downloads within the server's budget for large transfers held at once ({@link BodyBudget},
 * shared with large request bodies). A download streams its blob ({@link GitMirror#copyBlob}) and each write waits while
 * the client is slow, so one holds at most the blob's part read whole plus what its connection queues; many at once
 * still add up, and the one that does not fit gets 503 with Retry-After instead of running the heap out. Files up to
 * {@link BodyBudget#SMALL} are not counted, as small bodies are not.
 */
@Singleton
public class RawDownloads {

    /**
     * What a download holds besides the part of its blob read whole: the writes handed to the event loop before a pause
     * ({@link Paced#EVERY}), the connection's queue up to Netty's high-water mark (64 KB) and the read buffers.
     */
    static final long PIPE = 160 * 1024;
    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    BodyBudget budget;

    @Inject
    GitMirror mirror;

    @Inject
    CurrentVertxRequest current;

    /** The download (or 304 when the caller has these bytes), or 503 with Retry-After while the budget is spent. */
    public Response answer(RawFile file, Request request) {
        // The caller's copy is checked before the budget: a 304 sends no bytes, so it is never refused.
        Response unchanged = file.unchanged(request);
        if (unchanged != null) {
            return unchanged;
        }
        long share = share(file.entry().size());
        if (share == 0) {
            return file.download(file.body());
        }
        if (!budget.take(share)) {
            throw ApiException.busy("The server is sending other large files just now: download this one again in a few seconds.",
                    RETRY_AFTER_SECONDS);
        }
        RoutingContext rc = current.getCurrent();
        // Given back when the answer ends, or at once if its connection already closed (the download is answered all the same).
        ResponseEnd.onEnd(rc, () -> budget.giveBack(share));
        if (!(rc.request().connection() instanceof ConnectionBase connection)) {
            return file.download(file.body());
        }
        EventExecutor loop = connection.channelHandlerContext().executor();
        return file.download(out -> file.body().write(new Paced(out, loop)));
    }

    /**
     * Pauses the writer every {@value #EVERY} bytes until the connection's event loop has taken what was written. Quarkus
     * waits for a slow client only once the connection's own queue is full, but a write from a worker thread reaches that
     * queue as a task on the event loop, uncounted until it runs: twelve fast downloads on a busy server piled 158 MB of
     * such tasks (direct memory) before a single write waited.
     */
    static final class Paced extends FilterOutputStream {

        static final int EVERY = 64 * 1024;
        private static final long WAIT_SECONDS = 60;

        private final EventExecutor loop;
        private long sinceSync;

        Paced(OutputStream out, EventExecutor loop) {
            super(out);
            this.loop = loop;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sinceSync += len;
            if (sinceSync >= EVERY && !loop.inEventLoop()) {
                sinceSync = 0;
                out.flush();
                try {
                    // Tasks run in order: once this one has run, so have the writes before it.
                    loop.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Download stopped");
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("The connection's event loop did not take the download's bytes", e);
                }
            }
        }
    }

    /** The bytes a download of a file this large holds at once: the part read whole and its connection's queue. */
    long share(long size) {
        return size <= BodyBudget.SMALL ? 0 : Math.min(size, mirror.streamAbove()) + PIPE;
    }
}
