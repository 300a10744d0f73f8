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
}
