package dev.specboard.repo;

import dev.specboard.kernel.UrlCredentials;

/**
 * A git operation failed for a reason worth showing to people (bad URL, missing branch, ...); its
 * message never carries a URL's password.
 */
public class GitProblem extends RuntimeException {

    public GitProblem(String message) {
        super(UrlCredentials.redact(message));
    }

    public GitProblem(String message, Throwable cause) {
        super(UrlCredentials.redact(message), cause);
    }

    /** The message of the failure's deepest cause that has one (JGit wraps the reason a fetch failed several times). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
