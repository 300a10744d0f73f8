package dev.specboard.kernel;

import dev.specboard.web.ApiException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns for one kind of work that holds a large part of the heap while it runs (a parsed document, a decoded picture):
 * at most {@code atOnce} of it runs at a time, since on a few cores more of it at once adds no throughput, only memory
 * (forty large mockups saved at once ran the 160 MB heap out). The rest wait theirs, first come first served, for
 * {@code waitSeconds}, then answer 503 busy with {@code Retry-After}: the server's busy answer, not a failure.
 */
public final class HeavyWork {

    public static final long RETRY_AFTER_SECONDS = 5;

    /** The words of the busy answer, the same as a busy database's (DatabaseOutage.message): the reader just tries again. */
    public static final String BUSY = "Specboard is busy; try again in a few seconds.";

    private final String name;
    private final int atOnce;
    private final long waitSeconds;
    private final Semaphore turns;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong given = new AtomicLong();

    /** A turn taken, given back when closed (once). */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    public HeavyWork(String name, int atOnce, long waitSeconds) {
        this.name = name;
        this.atOnce = Math.max(1, atOnce);
        this.waitSeconds = Math.max(0, waitSeconds);
        this.turns = new Semaphore(this.atOnce, true);
    }

    /**
     * A kind of work sized by its config properties: {@code atOnceProperty} turns at once and {@code waitProperty} seconds
     * of wait for one, each its default when the property is unset.
     */
    public static HeavyWork configured(String name, String atOnceProperty, int atOnce, String waitProperty, long waitSeconds) {
        Config config = ConfigProvider.getConfig();
        return new HeavyWork(name, config.getOptionalValue(atOnceProperty, Integer.class).orElse(atOnce),
                config.getOptionalValue(waitProperty, Long.class).orElse(waitSeconds));
    }

    /**
     * Background work sized by its config property ({@code atOnceProperty} turns at once, its default when unset), with no
     * wait limit: it has no reader to answer busy and waits its turn as long as it is wanted ({@link #turnWhileWanted}).
     */
    public static HeavyWork configured(String name, String atOnceProperty, int atOnce) {
        return new HeavyWork(name, ConfigProvider.getConfig().getOptionalValue(atOnceProperty, Integer.class).orElse(atOnce), 0);
    }

    /** The work's result, run in its turn; 503 busy when no turn came in time. */
    public <T> T run(Supplier<T> work) {
        try (Turn ignored = turn()) {
            return work.get();
        }
    }

    /** Waits for a turn (503 busy when none came in time), to be closed when the work is done. */
    public Turn turn() {
        try {
            if (!turns.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        return taken();
    }

    /**
     * Waits for a turn as long as the work is still wanted, for background work that has no reader to answer busy:
     * {@code waiting} runs after each second without a turn and {@code stillWanted} once a turn it had to wait for is
     * given; either throws to give up (a cancelled or deleted job), and a turn given to work no longer wanted is handed
     * back at once, unused.
     */
    public Turn turnWhileWanted(Runnable waiting, Runnable stillWanted) {
        boolean waited = false;
        try {
            // A zero wait keeps the queue's order (a plain tryAcquire() would barge ahead of those waiting).
            if (!turns.tryAcquire(0, TimeUnit.SECONDS)) {
                waited = true;
                while (!turns.tryAcquire(1, TimeUnit.SECONDS)) {
                    waiting.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a turn of " + name, e);
        }
        Turn turn = taken();
        if (waited) {
            try {
                stillWanted.run();
            } catch (RuntimeException | Error e) {
                turn.close();
                throw e;
            }
        }
        return turn;
    }

    /**
     * A turn if one is free now, without waiting (none while others wait for theirs, first come first served): for work
     * that can be kept and done later, by a worker, rather than make its request wait or answer busy.
     */
    public java.util.Optional<Turn> turnIfFree() {
        // Timed, with no wait: the fair semaphore then gives no turn ahead of those waiting (the untimed tryAcquire barges).
        try {
            return turns.tryAcquire(0, TimeUnit.SECONDS) ? java.util.Optional.of(taken()) : java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private Turn taken() {
        given.incrementAndGet();
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                running.decrementAndGet();
                turns.release();
            }
        };
    }

    public static ApiException busy() {
        return ApiException.busy(BUSY, RETRY_AFTER_SECONDS);
    }

    public String name() {
        return name;
    }

    public int atOnce() {
        return atOnce;
    }

    /** Turns given so far (a test reads that a path takes them). */
    public long given() {
        return given.get();
    }

    /** How many wait for a turn now (an estimate, as the semaphore's queue length is). */
    public int waiting() {
        return turns.getQueueLength();
    }

    /** The most turns held at once so far (a test reads that the bound held). */
    public int peak() {
        return peak.get();
    }

    @Override
    public String toString() {
        return name + " (" + atOnce + " at once, " + running.get() + " running)";
    }
}
