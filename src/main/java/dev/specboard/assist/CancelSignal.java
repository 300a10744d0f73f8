package dev.specboard.assist;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The cancel of one running job as the code waiting inside it sees it: a wait (on a model's answer) registers how to end
 * itself, and the worker fires the signal the moment it learns of the cancel, instead of the job noticing at its next step
 * (a model's answer could hold the job up to its timeout).
 */
public final class CancelSignal {

    /** A signal that never fires, for waits that belong to no job (a chat answer). */
    public static final CancelSignal NONE = new CancelSignal();

    private final AtomicReference<Runnable> hook = new AtomicReference<>();
    private volatile boolean fired;

    /** Whether the job was cancelled while it ran: whatever then ended its run is the cancel, not a failure. */
    public boolean fired() {
        return fired;
    }

    /** Whether something waits on this signal now. */
    boolean waiting() {
        return hook.get() != null;
    }

    /** Fires once: ends the wait in progress, if any; a wait registered later ends at once. */
    void fire() {
        if (this == NONE) {
            return;
        }
        fired = true;
        Runnable h = hook.getAndSet(null);
        if (h != null) {
            h.run();
        }
    }

    /**
     * Registers how to end the current wait, until the answer is closed; runs it at once when the signal already fired.
     * Each way of ending runs at most once (the fire and the registration may race).
     */
    public Registration whileWaiting(Runnable end) {
        if (this == NONE) {
            return () -> {
            };
        }
        hook.set(end);
        if (fired && hook.compareAndSet(end, null)) {
            end.run();
        }
        return () -> hook.compareAndSet(end, null);
    }

    /** The end of a wait: the signal no longer reaches it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
