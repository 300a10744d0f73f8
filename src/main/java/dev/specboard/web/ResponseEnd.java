package dev.specboard.web;

import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives back what a request holds while its answer goes out (a turn of heavy work, a share of a budget) once that answer
 * ends, however it ends: sent, failed, or its connection closed.
 */
public final class ResponseEnd {

    private ResponseEnd() {
    }

    /**
     * Runs {@code giveBack} once, when the request's response ends; at once (and answers true) when it has already ended,
     * as a response that ended before its end handler was added never calls it. The caller decides what an answer that
     * already ended means for it. When the handler cannot be added, {@code giveBack} runs and the failure goes on.
     */
    public static boolean onEnd(RoutingContext request, Runnable giveBack) {
        AtomicBoolean given = new AtomicBoolean();
        Runnable once = () -> {
            if (given.compareAndSet(false, true)) {
                giveBack.run();
            }
        };
        try {
            request.addEndHandler(done -> once.run());
        } catch (RuntimeException e) {
            once.run();
            throw e;
        }
        if (request.response().ended() || request.response().closed()) {
            once.run();
            return true;
        }
        return false;
    }
}
