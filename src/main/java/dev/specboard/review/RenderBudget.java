package dev.specboard.review;

import dev.specboard.web.ResponseEnd;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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

    /**
     * Waits until this many lines fit, and gives them back once the answer is sent or the connection ends. After
     * {@value #WAIT_SECONDS} s of waiting the page answers 503 (Retry-After), and a page whose browser left while it
     * waited is not rendered at all.
     */
    public void take(int fileLines, RoutingContext request) {
        int weight = Math.max(1, Math.min(fileLines, lines));
        try {
            if (!permits.tryAcquire(weight, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServiceUnavailableException(RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(RETRY_AFTER_SECONDS);
        }
        // A page whose browser left before its lines were given is not rendered.
        if (ResponseEnd.onEnd(request, () -> permits.release(weight))) {
            throw new ServiceUnavailableException(RETRY_AFTER_SECONDS);
        }
    }

    private static final long WAIT_SECONDS = 30;
    private static final long RETRY_AFTER_SECONDS = 5;
}
