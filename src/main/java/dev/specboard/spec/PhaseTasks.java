package dev.specboard.spec;

import dev.specboard.account.Account;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec's tasks follow its phases, one task each: a new phase makes a pending task, an edited one changes its task's
 * description, files, hours and branch, a removed one takes its task along; what is under way stays as it is.
 */
final class PhaseTasks {

    private PhaseTasks() {
    }

    /** The tasks of a new spec, numbered as its phases. */
    static void create(TechnicalSpec spec, List<SpecContent.Phase> phases, Account actor) {
        for (int i = 0; i < phases.size(); i++) {
            newTask(spec, phases.get(i), i + 1, actor);
        }
    }

    /**
     * Makes an edited spec's tasks follow its phases; 422 naming each phase whose task is already claimed or further
     * when that phase goes or its branch would change (an agent may be working on it), before anything changes.
     */
    static void follow(TechnicalSpec spec, List<SpecContent.Phase> phases, Account actor) {
        List<ImplementationTask> existing = ImplementationTask.list("spec = ?1 order by taskNumber", spec);
        Map<String, ImplementationTask> byScope = new LinkedHashMap<>();
        existing.forEach(t -> byScope.put(t.scope, t));
        FormErrors refused = FormErrors.none();
        for (ImplementationTask t : existing) {
            boolean kept = phases.stream().anyMatch(p -> p.name().equals(t.scope));
            if (!kept && t.status != TaskStatus.PENDING) {
                refused.add("phases", "Phase " + t.scope + " cannot be removed: " + t.taskKey + " is " + t.status.label().toLowerCase() + ".");
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            ImplementationTask t = byScope.get(phases.get(i).name());
            if (t != null && t.status != TaskStatus.PENDING && !branch(phases.get(i), t.taskKey).equals(t.branchName)) {
                refused.add("phases[" + i + "].branchName", "The branch stays " + t.branchName + ": " + t.taskKey + " is "
                        + t.status.label().toLowerCase() + ".");
            }
        }
        if (refused.any()) {
            throw new ValidationException(refused);
        }
        int nextTask = existing.stream().mapToInt(t -> t.taskNumber).max().orElse(0) + 1;
        for (ImplementationTask t : existing) {
            if (phases.stream().noneMatch(p -> p.name().equals(t.scope))) {
                t.delete();
            }
        }
        for (SpecContent.Phase p : phases) {
            ImplementationTask t = byScope.get(p.name());
            if (t == null) {
                newTask(spec, p, nextTask++, actor);
            } else {
                t.scopeDescription = p.description();
                t.assignedFiles(p.files());
                t.estimatedHours = p.hoursOrZero();
                t.branchName = branch(p, t.taskKey);
            }
        }
    }

    /** The branch a phase's task works on: the one the phase names, or the default for its key. */
    private static String branch(SpecContent.Phase phase, String taskKey) {
        return phase.branchName() == null ? ImplementationTask.defaultBranch(taskKey) : phase.branchName();
    }

    private static void newTask(TechnicalSpec spec, SpecContent.Phase phase, int number, Account actor) {
        ImplementationTask t = new ImplementationTask();
        t.project = spec.project;
        t.spec = spec;
        t.taskNumber = number;
        t.taskKey = ImplementationTask.key(spec.specNumber, number);
        t.scope = phase.name();
        t.scopeDescription = phase.description();
        t.assignedFiles(phase.files());
        t.branchName = branch(phase, t.taskKey);
        t.estimatedHours = phase.hoursOrZero();
        t.createdBy = actor;
        t.status = TaskStatus.PENDING;
        t.persist();
        TaskEvent e = new TaskEvent();
        e.task = t;
        e.fromStatus = null;
        e.toStatus = TaskStatus.PENDING;
        e.actor = actor;
        e.via = TaskEvent.VIA_SYSTEM;
        e.note = "Created from " + spec.key() + " phase " + phase.name();
        e.persist();
    }
}
