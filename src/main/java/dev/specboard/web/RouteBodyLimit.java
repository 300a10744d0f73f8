package dev.specboard.web;

import java.util.Map;

/**
 * A route that can tell from a body's declared length alone that the body can never succeed, though it is under the
 * server's body limit (a context item's upload over the largest file allowed). {@link BodyLimit} answers such a body 413
 * at once, before it waits for a share of the {@link BodyBudget}: a 503 with Retry-After told a client to send again, and
 * again, a request that was always going to be refused.
 */
public interface RouteBodyLimit {

    /** The 413 this route gives a body of its declared length, or null when the body may succeed or is not this route's. */
    Refusal judge(String method, String path, String contentType, long declared);

    /** The 413's message and the API's JSON {@code details} (field and what it accepts). */
    record Refusal(String message, Map<String, String> details) {
    }
}
