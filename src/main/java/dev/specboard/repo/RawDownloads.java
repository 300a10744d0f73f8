package dev.specboard.repo;

import dev.specboard.web.ApiException;
import dev.specboard.web.BodyBudget;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed files as downloads within the server's budget for large transfers held at once ({@link BodyBudget},
 * shared with large request bodies). A download streams its blob ({@link GitMirror#copyBlob}) and each write waits while
 * the client is slow, so one holds at most the blob's part read whole plus what its connection queues; many at once
 * still add up, and the one that does not fit gets 503 with Retry-After instead of running the heap out. Files up to
 * {@link BodyBudget#SMALL} are not counted, as small bodies are not.
 */
@Singleton
public class RawDownloads {

    /** What a connection queues before a write waits for the client (Netty's high-water mark), with the read buffers. */
    static final long PIPE = 64 * 1024;
    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    BodyBudget budget;

    @Inject
    GitMirror mirror;

    @Inject
    CurrentVertxRequest current;

    /** The download (or 304 when the caller has these bytes), or 503 with Retry-After while the budget is spent. */
    public Response answer(RawFile file, Request request) {
        Response answer = file.response(request);
        long share = share(file.entry().size());
        if (answer.getStatus() != 200 || share == 0) {
            return answer;
        }
        if (!budget.take(share)) {
            throw ApiException.busy("The server is sending other large files just now: download this one again in a few seconds.",
                    RETRY_AFTER_SECONDS);
        }
        AtomicBoolean given = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                budget.giveBack(share);
            }
        };
        RoutingContext rc = current.getCurrent();
        try {
            rc.addEndHandler(done -> giveBack.run());
        } catch (RuntimeException e) {
            giveBack.run();
            throw e;
        }
        // A connection that closed before the handler was added never calls it.
        if (rc.response().ended() || rc.response().closed()) {
            giveBack.run();
        }
        return answer;
    }

    /** The bytes a download of a file this large holds at once: the part read whole and its connection's queue. */
    long share(long size) {
        return size <= BodyBudget.SMALL ? 0 : Math.min(size, mirror.streamAbove()) + PIPE;
    }
}
