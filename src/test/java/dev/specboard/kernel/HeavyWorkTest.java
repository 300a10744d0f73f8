package dev.specboard.kernel;

import dev.specboard.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heavy work runs at most so many at once; the rest wait their turn, and one that finds none in time is told the server is busy. */
class HeavyWorkTest {

    @Test
    void noMoreThanItsTurnsRunAtOnceAndEveryWaiterGetsOne() throws Exception {
        HeavyWork work = new HeavyWork("test", 2, 30);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                done.add(threads.submit(() -> work.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(50);
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < 8; i++) {
                assertEquals(i, done.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, most.get(), "two ran at once, never more");
        assertEquals(2, work.peak());
        assertEquals(8, work.given());
    }

    @Test
    void aWaiterThatFindsNoTurnInTimeIsToldTheServerIsBusy() {
        HeavyWork work = new HeavyWork("test", 1, 0);
        try (HeavyWork.Turn held = work.turn()) {
            ApiException busy = assertThrows(ApiException.class, () -> work.run(() -> "never"));
            assertEquals(503, busy.status());
            assertEquals(5, busy.retryAfterSeconds());
            assertEquals("Specboard is busy; try again in a few seconds.", busy.getMessage());
        }
        assertEquals("ran", work.run(() -> "ran"), "the turn given back is taken again");
    }

    @Test
    void aTurnIsGivenBackWhenTheWorkFailsAndOnlyOnceWhenClosedTwice() {
        HeavyWork work = new HeavyWork("test", 1, 0);
        assertThrows(IllegalStateException.class, () -> work.run(() -> {
            throw new IllegalStateException("failed");
        }));
        HeavyWork.Turn turn = work.turn();
        turn.close();
        turn.close();
        try (HeavyWork.Turn held = work.turn()) {
            assertEquals(503, assertThrows(ApiException.class, work::turn).status(), "a second close gave no second turn");
        }
    }

    @Test
    void anInterruptedWaiterIsToldTheServerIsBusyAndStaysInterrupted() throws Exception {
        HeavyWork work = new HeavyWork("test", 1, 30);
        CountDownLatch waited = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        try (HeavyWork.Turn held = work.turn()) {
            Thread waiter = new Thread(() -> {
                try {
                    work.run(() -> "never");
                } catch (ApiException e) {
                    status.set(e.status());
                    interrupted.set(Thread.currentThread().isInterrupted() ? 1 : 0);
                }
                waited.countDown();
            });
            waiter.start();
            while (work.waiting() == 0) {
                sleep(10);
            }
            waiter.interrupt();
            assertTrue(waited.await(10, TimeUnit.SECONDS));
        }
        assertEquals(503, status.get());
        assertEquals(1, interrupted.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Background work waits as long as it is wanted: told each second it still waits, and once its turn comes after a wait
     * it is asked again; work no longer wanted hands the turn back unused, to the next in line.
     */
    @Test
    void backgroundWorkNoLongerWantedWhenItsTurnComesHandsTheTurnBack() throws Exception {
        HeavyWork work = new HeavyWork("background", 1, 0);
        HeavyWork.Turn held = work.turn();
        java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger waits = new AtomicInteger();
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<HeavyWork.Turn> asked = thread.submit(() -> work.turnWhileWanted(() -> {
                waits.incrementAndGet();
                waiting.countDown();
            }, () -> {
                if (!wanted.get()) {
                    throw new IllegalStateException("cancelled");
                }
            }));
            assertTrue(waiting.await(30, TimeUnit.SECONDS), "it is told it waits");
            wanted.set(false);
            held.close();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> asked.get(30, TimeUnit.SECONDS));
            assertEquals("cancelled", e.getCause().getMessage());
            assertTrue(waits.get() >= 1);
            // The turn was handed back: the next one gets it at once, and a turn free at once is not asked about.
            try (HeavyWork.Turn next = work.turnWhileWanted(() -> {
                throw new AssertionError("no wait");
            }, () -> {
                throw new AssertionError("a turn given at once follows the caller's own check");
            })) {
                assertEquals(3, work.given());
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
