package dev.specboard.web;

import java.util.Map;

/**
 * A refusal with an HTTP status, a message for people and optional details; the error mapper turns
 * it into the JSON error of the API or a readable error page.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Map<String, Object> details;
    private final long retryAfterSeconds;

    public ApiException(int status, String message, Map<String, Object> details) {
        this(status, message, details, 0);
    }

    private ApiException(int status, String message, Map<String, Object> details, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.details = details == null ? Map.of() : details;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException conflict(String message, Map<String, Object> details) {
        return new ApiException(409, message, details);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** 429, with the seconds to wait that the answer's {@code Retry-After} header names. */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(429, message, Map.of(), retryAfterSeconds);
    }

    /** 503: the server has no room for this now; the answer's {@code Retry-After} header names the seconds to wait. */
    public static ApiException busy(String message, long retryAfterSeconds) {
        return new ApiException(503, message, Map.of(), retryAfterSeconds);
    }

    public static ApiException invalid(FormErrors errors) {
        return new ApiException(422, "Validation failed", new java.util.LinkedHashMap<>(errors.asMap()));
    }

    public int status() {
        return status;
    }

    /** The message as an API or MCP caller reads it; the same as a page's unless a subclass speaks of the browser. */
    public String apiMessage() {
        return getMessage();
    }

    public Map<String, Object> details() {
        return details;
    }

    /** How long to wait before trying again (the {@code Retry-After} header), or 0 when it does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
