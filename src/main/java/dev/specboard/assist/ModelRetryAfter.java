package dev.specboard.assist;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the {@code Retry-After} of a model server that answers 429, by server: the model client's failure carries only the
 * status and body, and a reader told "the model is busy" wants to know how long. A REST client filter, so it sees the
 * headers of every REST client of the app (the model's is the only one); kept a minute at most.
 */
@Provider
public class ModelRetryAfter implements ClientResponseFilter {

    private record Noted(Duration delay, Instant at) {
    }

    private static final Map<String, Noted> LAST = new ConcurrentHashMap<>();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 429 || request.getUri() == null) {
            return;
        }
        String value = response.getHeaderString("Retry-After");
        if (value == null || !value.strip().matches("\\d{1,6}")) {
            return; // an HTTP date, or nothing: the reader is told to wait a little
        }
        LAST.put(server(request.getUri()), new Noted(Duration.ofSeconds(Long.parseLong(value.strip())), Instant.now()));
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
