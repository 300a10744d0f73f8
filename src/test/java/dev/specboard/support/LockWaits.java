package dev.specboard.support;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Locks in tests, seen from PostgreSQL's own view of waiting sessions: that an action waits for a lock another
 * transaction holds, or the moment a request is blocked so that the holder may commit. Bounded waits, never a sleep
 * as a proof.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** Holds what {@code lock} takes while {@code action} runs, asserts that the action waits, then returns its result. */
    public static <T> T assertWaitsFor(Runnable lock, Supplier<T> action, String what) throws Exception {
        CompletableFuture<Integer> held = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            lock.run();
            held.complete(((Number) Panache.getEntityManager().createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue());
            release.join();
        }));
        int holderPid = held.get(30, TimeUnit.SECONDS);
        CompletableFuture<T> done = CompletableFuture.supplyAsync(action);
        try {
            // A minute: on a loaded machine the action may take many seconds to reach its statement.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Only a wait on this holder counts: a scheduled job waiting on some other lock meanwhile proves nothing.
            while (sessionsBlockedBy(holderPid) == 0) {
                assertFalse(done.isDone(), what + " finished while another transaction held the lock");
                assertTrue(System.nanoTime() < deadline, what + " never waited for the lock");
                Thread.sleep(20);
            }
            assertFalse(done.isDone(), what + " finished while another transaction held the lock");
        } finally {
            release.complete(null);
        }
        holder.get(30, TimeUnit.SECONDS);
        return done.get(30, TimeUnit.SECONDS);
    }

    /** Waits until a session of the test database waits for a lock (at most 60 s): the moment to let the holder commit. */
    public static void awaitOne() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sessionsWaitingForALock() == 0) {
            assertTrue(System.nanoTime() < deadline, "no statement waited for a lock within 60 s");
            Thread.sleep(20);
        }
    }

    /** Waits until a session waits for a lock that the session with this backend pid holds (at most 60 s). */
    public static void awaitOneBlockedBy(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sessionsBlockedBy(pid) == 0) {
            assertTrue(System.nanoTime() < deadline, "no statement waited for a lock of session " + pid + " within 60 s");
            Thread.sleep(20);
        }
    }

    /** How many sessions wait for a lock (row, table or advisory) that the session with this backend pid holds. */
    private static long sessionsBlockedBy(int pid) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from pg_stat_activity where ?1 = any(pg_blocking_pids(pid))")
                .setParameter(1, pid).getSingleResult()).longValue());
    }

    /** How many sessions of the test database wait for a lock (row, table or advisory) right now. */
    public static long sessionsWaitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .getSingleResult()).longValue());
    }
}
