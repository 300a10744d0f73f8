package dev.specboard.wizard;

import dev.specboard.kernel.Role;
import dev.specboard.project.InviteRow;
import dev.specboard.project.ProjectForm;
import dev.specboard.project.RepoForm;
import dev.specboard.project.SummaryForm;
import dev.specboard.project.VisionForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every form of the setup wizard, prefilled from the run's answers, with the one just submitted (as typed) in its place. */
public record SetupForms(ProjectForm basics, VisionForm vision, RepoForm repo, SummaryForm summary, List<InviteRow> rows) {

    static SetupForms of(WizardRun run, Object submitted) {
        return of(run, submitted, true);
    }

    /** {@code drafts}: whether what was typed on a step left without its Next stands over what its Next recorded. */
    @SuppressWarnings("unchecked")
    private static SetupForms of(WizardRun run, Object submitted, boolean drafts) {
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
        if (run != null && drafts) {
            // What was typed on a step left by Back or the step list, over what its Next recorded.
            basics = run.draft(SetupStep.BASICS).map(d -> new ProjectForm(s(d, "name"), s(d, "slug"), s(d, "type"), s(d, "framework"),
                    s(d, "description"))).orElse(basics);
            vision = run.draft(SetupStep.VISION).map(d -> new VisionForm(s(d, "visionStatement"), s(d, "targetFeeling"),
                    s(d, "referenceApps"), s(d, "icon"), s(d, "color"))).orElse(vision);
            repo = run.draft(SetupStep.REPOSITORY).map(d -> new RepoForm(s(d, "repoUrl"), s(d, "defaultBranch"))).orElse(repo);
            summary = run.draft(SetupStep.SUMMARY).map(d -> new SummaryForm(s(d, "executiveSummary"), "")).orElse(summary);
            rows = run.draft(SetupStep.INVITE).map(d -> new InviteForm(l(d, "who"), l(d, "role"), "").rows()).orElse(rows);
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

    /**
     * A step's form as typed, to keep as the step's draft ({@link WizardRun#keepDraft}), its fields as {@link #of} reads them
     * back; null when the request carried none of them (a page's form always carries them all).
     */
    static Map<String, Object> draftOf(Object form) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (form instanceof ProjectForm f) {
            d.put("name", f.name());
            d.put("slug", f.slug());
            d.put("type", f.type());
            d.put("framework", f.framework());
            d.put("description", f.description());
        } else if (form instanceof VisionForm f) {
            d.put("visionStatement", f.visionStatement());
            d.put("targetFeeling", f.targetFeeling());
            d.put("referenceApps", f.referenceApps());
            d.put("icon", f.icon());
            d.put("color", f.color());
        } else if (form instanceof RepoForm f) {
            d.put("repoUrl", f.repoUrl());
            d.put("defaultBranch", f.defaultBranch());
        } else if (form instanceof SummaryForm f) {
            d.put("executiveSummary", f.executiveSummary());
        } else if (form instanceof InviteForm f) {
            d.put("who", f.rows().stream().map(InviteRow::who).toList());
            d.put("role", f.rows().stream().map(InviteRow::role).toList());
        }
        if (d.values().stream().allMatch(java.util.Objects::isNull)) {
            return null;
        }
        d.replaceAll((k, v) -> v == null ? "" : v);
        return d;
    }

    /**
     * Whether {@code draft} (as {@link #draftOf} made it) differs from what the step shows without a draft: only such a draft
     * is kept, so that the step list's "draft" mark means unsaved changes, not a step merely passed through by Back.
     */
    static boolean changes(WizardRun run, SetupStep step, Map<String, Object> draft) {
        if (draft == null) {
            return false;
        }
        Map<String, Object> saved = draftOf(shown(of(run, null, false), step));
        if (saved == null) {
            return !draft.values().stream().allMatch(v -> v instanceof List<?> l ? l.stream().allMatch(x -> String.valueOf(x).isBlank())
                    : String.valueOf(v).isBlank());
        }
        return !saved.equals(draft);
    }

    /** The form the step shows, as {@link #draftOf} takes it. */
    private static Object shown(SetupForms f, SetupStep step) {
        return switch (step) {
            case BASICS -> f.basics();
            case VISION -> f.vision();
            case REPOSITORY -> f.repo();
            case SUMMARY -> f.summary();
            case INVITE -> new InviteForm(f.rows().stream().map(InviteRow::who).toList(), f.rows().stream().map(InviteRow::role).toList(), "");
        };
    }

    private static String s(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> l(Map<String, Object> m, String k) {
        return m.get(k) instanceof List<?> l ? (List<String>) l : List.of();
    }
}
