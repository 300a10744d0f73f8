package dev.specboard.spec;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** The current phase of a spec with these phases and tasks; null for a spec without phases. */
    static CurrentPhase of(SpecContent content, List<TaskRow> tasks) {
        List<SpecContent.Phase> phases = content.phaseList();
        if (phases.isEmpty()) {
            return null;
        }
        Map<String, TaskRow> byScope = tasks.stream().collect(Collectors.toMap(TaskRow::scope, Function.identity(), (a, b) -> a));
        for (int i = 0; i < phases.size(); i++) {
            SpecContent.Phase p = phases.get(i);
            TaskRow task = byScope.get(p.name());
            if (task == null || !task.status().isDone()) {
                return new CurrentPhase(number(p, i), p.name(), task == null ? "not_started" : status(task.status()), phases.size());
            }
        }
        SpecContent.Phase last = phases.get(phases.size() - 1);
        return new CurrentPhase(number(last, phases.size() - 1), last.name(), "completed", phases.size());
    }

    private static int number(SpecContent.Phase p, int index) {
        return p.number() == null ? index + 1 : p.number();
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
