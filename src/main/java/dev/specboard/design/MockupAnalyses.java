package dev.specboard.design;

import dev.specboard.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many mockup analyses this instance runs at once. Each holds its parsed document (a 264 KB mockup of 4,800 styled
 * elements is a few MB while it is read) and on a few cores more of them at once add no throughput, only memory: forty
 * saved at once ran a 160 MB heap out. Saves that find no turn wait theirs (first come, first served) for
 * {@code specboard.mockups.analysis-wait-seconds}, then answer 503 busy with {@code Retry-After}.
 */
@ApplicationScoped
public class MockupAnalyses {

    static final long RETRY_AFTER_SECONDS = 5;

    @ConfigProperty(name = "specboard.mockups.analyses-at-once", defaultValue = "2")
    int atOnce;

    @ConfigProperty(name = "specboard.mockups.analysis-wait-seconds", defaultValue = "20")
    long waitSeconds;

    Semaphore turns;

    @PostConstruct
    void init() {
        turns = new Semaphore(Math.max(1, atOnce), true);
    }

    /** The patterns of a mockup's HTML, CSS and JavaScript, read in its turn; 503 busy when no turn came in time. */
    public MockupAnalysis analyze(MockupForm form) {
        try {
            if (!turns.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return MockupAnalyzer.analyze(form.html(), form.css(), form.js());
        } finally {
            turns.release();
        }
    }

    private static ApiException busy() {
        // The server's busy answer (see DatabaseOutage.message): the database is fine, the analyses are queued.
        return ApiException.busy("Specboard is busy; try again in a few seconds.", RETRY_AFTER_SECONDS);
    }
}
