package dev.specboard.assist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A failed refactor ("No reference to code…" at its first step) still listed the steps it never reached as "Next: Finding
 * references", "Next: Writing the diffs": once a job failed or was cancelled they read as not run, and the step it ended
 * at as where it failed or stopped.
 */
class JobStepsShownTest {

    private static final List<String> LABELS = List.of("Reading files", "Finding references", "Writing the diffs");

    private static List<String> marks(JobStatus status, int step, boolean cancelAsked) {
        return JobProgress.of(status, cancelAsked, JobProgress.json(step, LABELS, null)).list().stream()
                .map(s -> s.mark() + s.label() + " (" + s.state() + ")").toList();
    }

    @Test
    void stepsAJobNeverReachedReadAsNotRun() {
        assertEquals(List.of("Failed at: Reading files (ended)", "Not run: Finding references (not-run)", "Not run: Writing the diffs (not-run)"),
                marks(JobStatus.FAILED, 1, false));
        assertEquals(List.of("Done: Reading files (done)", "Stopped at: Finding references (ended)", "Not run: Writing the diffs (not-run)"),
                marks(JobStatus.CANCELLED, 2, false));
        assertEquals(List.of("Done: Reading files (done)", "Now: Finding references (current)", "Next: Writing the diffs (todo)"),
                marks(JobStatus.RUNNING, 2, false));
        assertEquals(List.of("Done: Reading files (done)", "Stopping at: Finding references (current)", "Next: Writing the diffs (todo)"),
                marks(JobStatus.RUNNING, 2, true));
        assertEquals(List.of("Next: Reading files (todo)", "Next: Finding references (todo)", "Next: Writing the diffs (todo)"),
                marks(JobStatus.QUEUED, 0, false));
        assertEquals(List.of("Done: Reading files (done)", "Done: Finding references (done)", "Done: Writing the diffs (done)"),
                marks(JobStatus.SUCCESS, 3, false));
    }
}
