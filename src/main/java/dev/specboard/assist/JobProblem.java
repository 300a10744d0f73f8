package dev.specboard.assist;

/** A job cannot do what it was asked (no such symbol, nothing in scope): its message is shown as the failure reason. */
public class JobProblem extends RuntimeException {

    public JobProblem(String message) {
        super(message);
    }
}
