package dev.specboard.wizard;

import dev.specboard.project.Project;
import java.util.Arrays;
import java.util.List;

/** What the wizard page shows around the current step's form: the step indicator and the run's project. */
public record WizardView(SetupStep step, List<StepView> steps, String projectName, boolean started) {

    /** One entry of the step indicator. */
    public record StepView(SetupStep step, boolean current, boolean done, boolean reachable) {
    }

    static WizardView of(WizardRun run, SetupStep step, Project project) {
        List<StepView> steps = Arrays.stream(SetupStep.values())
                .map(s -> new StepView(s, s == step, run != null && run.answered(s),
                        s == SetupStep.BASICS || (run != null && run.projectId != null)))
                .toList();
        return new WizardView(step, steps, project == null ? "" : project.name, run != null);
    }

    public String previousKey() {
        return step.previous().map(SetupStep::key).orElse("");
    }

    public List<String> types() {
        return Project.TYPES;
    }
}
