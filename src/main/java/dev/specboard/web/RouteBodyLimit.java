package dev.specboard.web;

import java.util.Map;

/**
 * A route that can tell from a body's length alone that the body can never succeed, though it is under the server's body
 * limit (a context item's upload over the largest file allowed). {@link BodyLimit} answers such a body 413 at once: one of
 * declared length before it waits for a share of the {@link BodyBudget} (a 503 with Retry-After told a client to send
 * again, and again, a request that was always going to be refused), one streamed without a length as soon as it passes
 * the route's largest (it was read on to the server's limit, taking memory and disk, and refused only then).
 */
public interface RouteBodyLimit {

    /**
     * The largest body this route can take for this call, or -1 when the body is not this route's to judge; {@code streamed}
     * when the body comes without a declared length (a route may judge those only, and leave declared ones to its own answer).
     */
    long largest(String method, String path, String contentType, boolean streamed);

    /** The 413 for a body over {@code largest}: {@code size} its declared length, or -1 for a streamed body cut off there. */
    Refusal refusal(long size, long largest);

    /** The 413 this route gives a body of its declared length, or null when the body may succeed or is not this route's. */
    default Refusal judge(String method, String path, String contentType, long declared) {
        long largest = largest(method, path, contentType, false);
        return largest >= 0 && declared > largest ? refusal(declared, largest) : null;
    }

    /** The 413's message and the API's JSON {@code details} (field and what it accepts). */
    record Refusal(String message, Map<String, String> details) {
    }
}
