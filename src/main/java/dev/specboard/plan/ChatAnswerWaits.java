package dev.specboard.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a request wait for the assistant's answer to a chat message: {@link ChatWorker} signals the waiters
 * of this instance once the answer (or its failure) is committed, and a waiter checks the answer's job row
 * once a second in case another instance wrote it.
 */
@ApplicationScoped
public class ChatAnswerWaits {

    /** How often a waiter looks at the answer's row itself: only an answer written on another instance needs it. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final ConcurrentHashMap<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** After the commit only, so that a waiter woken here reads the answer as stored. */
    void onAnswered(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatAnswered event) {
        Set<CompletableFuture<Void>> waiters = waiting.remove(event.answerId());
        if (waiters != null) {
            waiters.forEach(w -> w.complete(null));
        }
    }

    /** Blocks until the answer is no longer pending or the timeout has passed; answers whether it was settled. */
    public boolean await(UUID answerId, Duration timeout) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        // Registered before the first check, so an answer committed in between still wakes this waiter.
        waiting.compute(answerId, (id, waiters) -> {
            Set<CompletableFuture<Void>> all = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            all.add(signal);
            return all;
        });
        long until = System.nanoTime() + timeout.toNanos();
        try {
            while (!settled(answerId)) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException e) {
                    // Look at the row again: another instance may have written the answer.
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            waiting.computeIfPresent(answerId, (id, waiters) -> {
                waiters.remove(signal);
                return waiters.isEmpty() ? null : waiters;
            });
        }
    }

    /** One primary-key read of the answer's job row: gone, complete or failed means settled. */
    boolean settled(UUID answerId) {
        List<?> status = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("SELECT status FROM chat_answers WHERE id = ?1")
                .setParameter(1, answerId).getResultList());
        return status.isEmpty() || !List.of("pending", "running").contains(String.valueOf(status.get(0)));
    }
}
