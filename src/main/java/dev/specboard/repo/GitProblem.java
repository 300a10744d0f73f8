package dev.specboard.repo;

/** A git operation failed for a reason worth showing to people (bad URL, missing branch, ...). */
public class GitProblem extends RuntimeException {

    public GitProblem(String message) {
        super(message);
    }

    public GitProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
