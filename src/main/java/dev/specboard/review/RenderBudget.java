package dev.specboard.review;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many file lines this instance renders at once. A file page's memory grows with its file (a 10,000-line page
 * with 300 threads holds about 8 MB while it renders and goes out), so sixteen of them at once took 130 MB of heap;
 * on a few cores more of them at once add no throughput, only memory. Pages whose lines do not fit wait their turn
 * (first come, first served); a file larger than the whole budget takes all of it.
 */
@ApplicationScoped
public class RenderBudget {

    private final int lines;
    private final Semaphore permits;

    RenderBudget(@ConfigProperty(name = "specboard.files.render-lines-at-once", defaultValue = "40000") int lines) {
        this.lines = Math.max(1, lines);
        this.permits = new Semaphore(this.lines, true);
    }

    /** Waits until this many lines fit, and gives them back once the answer is sent or the connection ends. */
    public void take(int fileLines, RoutingContext request) {
        int weight = Math.max(1, Math.min(fileLines, lines));
        permits.acquireUninterruptibly(weight);
        AtomicBoolean given = new AtomicBoolean();
        try {
            request.addEndHandler(done -> {
                if (given.compareAndSet(false, true)) {
                    permits.release(weight);
                }
            });
        } catch (RuntimeException e) {
            permits.release(weight);
            throw e;
        }
    }
}
