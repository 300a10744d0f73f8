package dev.specboard.assist;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the {@code Retry-After} of a model server that answers 429, by server: the failure the reader is told of carries
 * only the status and body, and a reader told "the model is busy" wants to know how long. {@link ModelStream} notes it as
 * the reply's headers arrive; kept a minute at most.
 */
final class ModelRetryAfter {

    private record Noted(Duration delay, Instant at) {
    }

    private static final Map<String, Noted> LAST = new ConcurrentHashMap<>();

    private ModelRetryAfter() {
    }

    /** Notes the wait a 429 of the server at {@code uri} asked for: a number of seconds (an HTTP date is not kept). */
    static void note(URI uri, String value) {
        if (uri == null || value == null || !value.strip().matches("\\d{1,6}")) {
            return; // an HTTP date, or nothing: the reader is told to wait a little
        }
        LAST.put(server(uri), new Noted(Duration.ofSeconds(Long.parseLong(value.strip())), Instant.now()));
    }

    /** The wait the server at {@code baseUrl} asked for with its latest 429 of the last minute, if it said. */
    static Optional<Duration> of(String baseUrl) {
        try {
            Noted n = LAST.get(server(URI.create(baseUrl)));
            return n == null || n.at().isBefore(Instant.now().minusSeconds(60)) ? Optional.empty() : Optional.of(n.delay());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String server(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
