package dev.specboard.web;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps count of the bytes of large request bodies being read or held at once, so that together they fit in memory.
 * Each body is held whole while it is read (and several times over as the text parsed from it), so eight bodies of
 * 19 MB sent at once to sign-up, which needs no login, ran a server of 160 MB heap out of memory though each was under
 * the body limit. Small bodies are not counted: they are the everyday request, and they fit many times over. Downloads
 * of committed files take their share from the same budget ({@code repo.RawDownloads}): bytes on their way out hold the
 * same heap as bytes on their way in.
 */
@Singleton
public class BodyBudget {

    /** Bodies up to this size are not counted. */
    public static final long SMALL = 256 * 1024;

    private final long budget;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(@ConfigProperty(name = "specboard.http.large-bodies-at-once") MemorySize budget) {
        this.budget = budget.asLongValue();
    }

    /**
     * Takes {@code bytes} from the budget if they fit beside the bodies held now; one body is always let in alone, so a
     * budget set below the body limit still takes the largest body allowed.
     */
    public boolean take(long bytes) {
        while (true) {
            long now = held.get();
            if (now > 0 && now + bytes > budget) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Gives back what {@link #take} took, once the answer is out or the connection is gone. */
    public void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    /** The bytes held now (for a status view or a test that must know a body was counted). */
    public long held() {
        return held.get();
    }

    /** The answer to a body that does not fit now: it may fit in a moment, when other large bodies are done. */
    static String busy() {
        return "The server is reading other large requests just now: send this one again in a few seconds.";
    }
}
