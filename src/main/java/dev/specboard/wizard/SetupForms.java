package dev.specboard.wizard;

import dev.specboard.kernel.Role;
import dev.specboard.project.InviteRow;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.RepoForm;
import dev.specboard.project.SummaryForm;
import dev.specboard.project.VisionForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every form of the setup wizard, prefilled from the run's answers, with the one just submitted (as typed) in its place. */
public record SetupForms(ProjectForm basics, VisionForm vision, RepoForm repo, SummaryForm summary, List<InviteRow> rows) {

    @SuppressWarnings("unchecked")
    static SetupForms of(WizardRun run, Object submitted) {
        ProjectForm basics = run != null && run.answered(SetupStep.BASICS)
                ? new ProjectForm(run.answer(SetupStep.BASICS, "name"), run.answer(SetupStep.BASICS, "slug"),
                run.answer(SetupStep.BASICS, "type"), run.answer(SetupStep.BASICS, "framework"), run.answer(SetupStep.BASICS, "description"))
                : ProjectForm.empty();
        VisionForm vision = VisionForm.empty();
        if (run != null && run.answered(SetupStep.VISION)) {
            Object apps = run.answersFor(SetupStep.VISION).get("referenceApps");
            vision = new VisionForm(run.answer(SetupStep.VISION, "visionStatement"), run.answer(SetupStep.VISION, "targetFeeling"),
                    apps instanceof List<?> l ? String.join(", ", (List<String>) l) : "",
                    run.answer(SetupStep.VISION, "icon"), run.answer(SetupStep.VISION, "color"));
        }
        RepoForm repo = run != null && run.answered(SetupStep.REPOSITORY)
                ? new RepoForm(run.answer(SetupStep.REPOSITORY, "repoUrl"), run.answer(SetupStep.REPOSITORY, "defaultBranch"))
                : RepoForm.empty();
        SummaryForm summary = run != null && run.answered(SetupStep.SUMMARY)
                ? new SummaryForm(run.answer(SetupStep.SUMMARY, "executiveSummary"), "")
                : SummaryForm.empty();
        List<InviteRow> rows = new ArrayList<>();
        if (run != null && run.answersFor(SetupStep.INVITE).get("invites") instanceof List<?> saved) {
            for (Object o : saved) {
                Map<String, Object> m = (Map<String, Object>) o;
                rows.add(new InviteRow(rows.size(), String.valueOf(m.get("who")), String.valueOf(m.get("role"))));
            }
        }
        if (submitted instanceof ProjectForm f) {
            basics = f;
        } else if (submitted instanceof VisionForm f) {
            vision = f;
        } else if (submitted instanceof RepoForm f) {
            repo = f;
        } else if (submitted instanceof SummaryForm f) {
            summary = f;
        } else if (submitted instanceof List<?> l) {
            rows = (List<InviteRow>) l;
        }
        if (rows.isEmpty()) {
            rows = List.of(new InviteRow(0, "", Role.MEMBER.value()));
        }
        return new SetupForms(basics, vision, repo, summary, rows);
    }
}
