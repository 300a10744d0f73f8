package dev.specboard.wizard;

import dev.specboard.project.Project;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the wizard page shows around the current step's form: the step indicator and the run's project. */
public record WizardView(SetupStep step, List<StepView> steps, String projectName, boolean started) {

    /**
     * One entry of the step indicator: done when its data exists, skipped when passed over without it, draft when it was
     * left (Back, Skip, the step list) with what was typed kept but not yet checked and saved by its Next.
     */
    public record StepView(SetupStep step, boolean current, boolean done, boolean skipped, boolean reachable, boolean draft) {
    }

    /** {@code filled}: the steps whose data the run's project has (see {@link SetupWizardService#filled}). */
    static WizardView of(WizardRun run, SetupStep step, Project project, Set<SetupStep> filled) {
        List<StepView> steps = Arrays.stream(SetupStep.values())
                .map(s -> new StepView(s, s == step, filled.contains(s),
                        run != null && run.decided(s, SetupWizardService.SKIPPED),
                        s == SetupStep.BASICS || (run != null && run.projectId != null),
                        run != null && run.draft(s).isPresent()))
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
