package dev.specboard.assist;

/** The configured model did not answer (timeout, error status, broken stream); the caller marks its work failed and retryable. */
public class AssistantUnavailableException extends RuntimeException {

    public AssistantUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
