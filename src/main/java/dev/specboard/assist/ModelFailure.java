package dev.specboard.assist;

import dev.langchain4j.exception.HttpException;
import jakarta.ws.rs.WebApplicationException;

import java.time.Duration;
import java.util.Optional;

/**
 * What a reader is told when the configured model failed, in words about the model (busy, its server failed, no answer)
 * rather than the HTTP client's: an error status is named, never its body echoed (the body goes to the operator's log,
 * short and redacted). The first failure that says what happened wins, down the chain of causes.
 */
final class ModelFailure {

    private ModelFailure() {
    }

    /** The HTTP status the model's server answered with, when the failure is one. */
    static Optional<Integer> status(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) {
                return Optional.of(h.statusCode());
            }
            if (c instanceof WebApplicationException w && w.getResponse() != null) {
                return Optional.of(w.getResponse().getStatus());
            }
        }
        return Optional.empty();
    }

    /** Whether the model's server answered 200 with something other than a chat completion (no choices, no id). */
    static boolean noCompletion(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ModelEvents.NoCompletion) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reader's words for an error status: 429 is a busy model (with the wait its server asked for, when it said),
     * 401/403 a key it refused, 404 a model or address it does not know, 5xx its own failure.
     */
    static String forStatus(int status, Optional<Duration> retryAfter) {
        if (status == 429) {
            return "The model is busy: its server is rate-limiting requests (HTTP 429)"
                    + retryAfter.map(d -> " and asks to wait " + d.toSeconds() + " s before retrying.").orElse("; wait a little before retrying.");
        }
        // Each said once, as one sentence: the chat puts "The answer failed:" before it ("The answer failed: The model failed:
        // its server refused" said it twice), and a job "failed" beside it.
        if (status == 401 || status == 403) {
            return "The model's server refused the API key (HTTP " + status + "); check SPECBOARD_ASSISTANT_API_KEY.";
        }
        if (status == 404) {
            return "The model's server does not know this model or address (HTTP 404); check SPECBOARD_ASSISTANT_MODEL "
                    + "and SPECBOARD_ASSISTANT_BASE_URL.";
        }
        if (status >= 500) {
            return "The model's server answered with an error, status " + status + ".";
        }
        return "The model's server refused the request, status " + status + ".";
    }
}
