package dev.specboard.spec;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Where a hierarchical spec stands (seed 001's {@code phase} and {@code current_phase_status}): its first phase whose task
 * is not done yet, with that task's state, or its last phase once every one is done. Read from the phases' tasks rather
 * than stored, so that it follows every claim, completion and reopened task at once.
 *
 * @param status {@code not_started}, {@code in_progress}, {@code failed} or {@code completed}
 */
@RegisterForReflection
public record CurrentPhase(int number, String name, String status, int of) {

    /** One phase as the spec keeps it: its number and name (the scope of its task). */
    record Step(int number, String name) {
    }

    /** The current phase of a spec with these phases and tasks; null for a spec without phases. */
    static CurrentPhase of(SpecContent content, List<TaskRow> tasks) {
        List<SpecContent.Phase> phases = content.phaseList();
        List<Step> steps = new ArrayList<>(phases.size());
        for (int i = 0; i < phases.size(); i++) {
            SpecContent.Phase p = phases.get(i);
            steps.add(new Step(p.number() == null ? i + 1 : p.number(), p.name()));
        }
        Map<String, TaskStatus> byScope = tasks.stream().collect(Collectors.toMap(TaskRow::scope, TaskRow::status, (a, b) -> a));
        return of(steps, byScope);
    }

    /**
     * The current phase of phases in their order whose tasks stand as {@code statusByScope} says (a phase without a task
     * has not started); null without phases.
     */
    static CurrentPhase of(List<Step> steps, Map<String, TaskStatus> statusByScope) {
        if (steps.isEmpty()) {
            return null;
        }
        for (Step step : steps) {
            TaskStatus task = statusByScope.get(step.name());
            if (task == null || !task.isDone()) {
                return new CurrentPhase(step.number(), step.name(), task == null ? "not_started" : status(task), steps.size());
            }
        }
        Step last = steps.get(steps.size() - 1);
        return new CurrentPhase(last.number(), last.name(), "completed", steps.size());
    }

    /**
     * The current phase from what the spec list reads in its one query: the spec's phase files ({@code phase2-api}, in
     * phase order, written with its phases at every save) and its tasks as {@code scope:status} joined by commas. Phase
     * names and scopes are slug-like, so neither separator can occur in them.
     */
    static CurrentPhase ofListed(List<String> phaseFiles, String scopeStatuses) {
        List<Step> steps = new ArrayList<>(phaseFiles.size());
        for (String file : phaseFiles) {
            Matcher m = SpecContent.PHASE_FILE.matcher(file);
            if (m.matches()) {
                steps.add(new Step(Integer.parseInt(m.group(1)), m.group(2)));
            }
        }
        Map<String, TaskStatus> byScope = new HashMap<>();
        if (scopeStatuses != null) {
            for (String pair : scopeStatuses.split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon > 0) {
                    TaskStatus.parse(pair.substring(colon + 1)).ifPresent(s -> byScope.put(pair.substring(0, colon), s));
                }
            }
        }
        return of(steps, byScope);
    }

    private static String status(TaskStatus s) {
        return switch (s) {
            case PENDING -> "not_started";
            case CLAIMED, IN_PROGRESS -> "in_progress";
            case FAILED -> "failed";
            case COMPLETED, MERGED -> "completed";
        };
    }

    /** "Phase 2 of 3: api-layer, in progress"; "All 3 phases completed" at the end. */
    public String label() {
        if ("completed".equals(status)) {
            return of == 1 ? "Its one phase, " + name + ", completed" : "All " + of + " phases completed";
        }
        return "Phase " + number + " of " + of + ": " + name + ", " + status.replace('_', ' ');
    }
}
