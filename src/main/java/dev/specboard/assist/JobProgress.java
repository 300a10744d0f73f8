package dev.specboard.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's progress as its worker commits it: step {@code step} of {@code steps} (1-based, 0 before
 * the first), the labels of all steps, and a detail of the current one ("12 of 40 files"). {@code stopping}: the job was
 * asked to cancel and its worker has not stopped yet, so the line says it is stopping, not working on.
 */
public record JobProgress(JobStatus status, int step, int steps, List<String> labels, String detail, boolean stopping) {

    /**
     * One step as the bar's list shows it: done, current or still to come, or, once the job failed or was cancelled, the
     * step it ended at and the ones it never reached; {@code mark} words that for screen readers ("Not run: ").
     */
    public record Step(int number, String label, boolean done, boolean current, String mark) {

        /** The list item's class: done, current, todo, or ended (where it failed or stopped) and not-run after an end. */
        public String state() {
            return done ? "done" : current ? "current" : mark.startsWith("Not run") ? "not-run" : mark.startsWith("Next") ? "todo" : "ended";
        }
    }

    static Map<String, Object> json(int step, List<String> labels, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("steps", labels.size());
        m.put("label", step >= 1 && step <= labels.size() ? labels.get(step - 1) : "");
        m.put("labels", labels);
        if (detail != null && !detail.isBlank()) {
            m.put("detail", detail);
        }
        return m;
    }

    static JobProgress of(JobStatus status, boolean cancelRequested, Map<String, Object> m) {
        boolean stopping = status.stopping(cancelRequested);
        if (m == null || m.isEmpty()) {
            return new JobProgress(status, 0, 0, List.of(), null, stopping);
        }
        List<String> labels = new ArrayList<>();
        if (m.get("labels") instanceof List<?> list) {
            list.forEach(o -> labels.add(String.valueOf(o)));
        }
        int step = m.get("step") instanceof Number n ? n.intValue() : 0;
        int steps = m.get("steps") instanceof Number n ? n.intValue() : labels.size();
        Object detail = m.get("detail");
        return new JobProgress(status, step, steps, labels, detail == null ? null : String.valueOf(detail), stopping);
    }

    /** Steps finished: all of them after success, the ones before the current step otherwise. */
    public int done() {
        if (status == JobStatus.SUCCESS) {
            return steps;
        }
        return Math.max(0, step - 1);
    }

    /** The bar's maximum: at least 1, so an empty bar still renders. */
    public int max() {
        return Math.max(1, steps);
    }

    public int percent() {
        return steps == 0 ? (status == JobStatus.SUCCESS ? 100 : 0) : Math.round(100f * done() / steps);
    }

    public String label() {
        return step >= 1 && step <= labels.size() ? labels.get(step - 1) : "";
    }

    /**
     * "Step 2 of 5: Reading files (12 of 40)", or what the job is waiting for; "Stopping at step 2 of 5 (Reading files)"
     * once it was asked to cancel, since the worker only stops at its next step.
     */
    public String summary() {
        if (stopping) {
            String at = step > 0 ? " at step " + step + " of " + steps + (label().isEmpty() ? "" : " (" + label() + ")") : " before its first step";
            return "Stopping" + at + ": cancel asked";
        }
        return switch (status) {
            case QUEUED -> "Waiting for a worker";
            case SUCCESS -> "Done" + (steps > 0 ? ": " + steps + " of " + steps + " steps" : "");
            case FAILED -> "Failed" + (step > 0 ? " at step " + step + " of " + steps + (label().isEmpty() ? "" : " (" + label() + ")") : "");
            case CANCELLED -> "Cancelled" + (step > 0 ? " at step " + step + " of " + steps : "");
            case RUNNING -> step == 0 ? "Starting" : "Step " + step + " of " + steps + ": " + label()
                    + (detail == null ? "" : " (" + detail + ")");
        };
    }

    /** A step's words before its label: a failed or cancelled job's steps after the one it ended at were not run, not "next". */
    private String mark(int n, boolean done, boolean current) {
        if (done) {
            return "Done: ";
        }
        if (current) {
            return stopping ? "Stopping at: " : "Now: ";
        }
        boolean ended = status == JobStatus.FAILED || status == JobStatus.CANCELLED;
        if (!ended) {
            return "Next: ";
        }
        if (n == step) {
            return status == JobStatus.FAILED ? "Failed at: " : "Stopped at: ";
        }
        return "Not run: ";
    }

    public List<Step> list() {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int n = i + 1;
            boolean done = status == JobStatus.SUCCESS || n < step;
            boolean current = !done && n == step && status == JobStatus.RUNNING;
            out.add(new Step(n, labels.get(i), done, current, mark(n, done, current)));
        }
        return out;
    }
}
