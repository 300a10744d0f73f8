package dev.specboard.assist;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The work of one kind of job: the steps it reports, and the run that produces its result. */
interface JobRunner {

    /** The labels of the steps, in order, for the progress bar. */
    List<String> steps();

    /**
     * Does the work, reporting each step through {@code job}; reads happen in short transactions of
     * their own, and nothing the world sees is written here: that is {@link Outcome#onCommit}'s job.
     */
    Outcome run(JobContext job);

    /**
     * What a run produced: the result (or proposal) to store, and what must happen in the same
     * transaction that marks the job done (a comment posted on a thread), so it happens exactly once
     * even when a worker dies; it may add to the result.
     */
    record Outcome(Map<String, Object> result, Consumer<Map<String, Object>> onCommit) {
        static Outcome of(Map<String, Object> result) {
            return new Outcome(result, r -> {
            });
        }
    }
}
