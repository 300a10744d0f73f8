package dev.specboard.notification;

import dev.specboard.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the live-event streams one account holds open on this instance at once, across its logins and tokens: each open
 * stream holds a connection, subscriptions to the bus and a heartbeat timer, and one token held 3,000 of them open (some
 * 440 MB). Past the cap a new stream is refused with 429 and Retry-After; a stream gives its place back when it ends,
 * however it ends (the client left, its access ended, the server closed it).
 */
@ApplicationScoped
public class LiveStreamSlots {

    @ConfigProperty(name = "specboard.live.max-streams-per-account", defaultValue = "20")
    int maxStreams;

    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();

    /**
     * Takes a place for a stream of the account, or refuses it (429, to try again after {@code retryAfterSeconds}: by then a
     * stream whose client left without a word has been written to and ended). Answers what gives the place back, once.
     */
    public Runnable take(UUID accountId, long retryAfterSeconds) {
        boolean[] admitted = {false};
        open.compute(accountId, (a, n) -> {
            int now = n == null ? 0 : n;
            admitted[0] = now < maxStreams;
            return admitted[0] ? now + 1 : n;
        });
        if (!admitted[0]) {
            throw ApiException.tooManyRequests("Too many open event streams for this account: at most " + maxStreams
                    + " at once. Close one you no longer read, then open this one again.", retryAfterSeconds);
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                open.computeIfPresent(accountId, (a, n) -> n > 1 ? n - 1 : null);
            }
        };
    }

    /** The streams the account holds open on this instance. */
    public int open(UUID accountId) {
        return open.getOrDefault(accountId, 0);
    }
}
