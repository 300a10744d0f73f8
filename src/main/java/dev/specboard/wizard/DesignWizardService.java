package dev.specboard.wizard;

import dev.specboard.design.DesignSystemService;
import dev.specboard.design.DesignTokens;
import dev.specboard.design.Feature;
import dev.specboard.design.FeatureForm;
import dev.specboard.design.FeatureService;
import dev.specboard.design.InferredOperation;
import dev.specboard.design.Mockup;
import dev.specboard.design.MockupForm;
import dev.specboard.design.MockupService;
import dev.specboard.design.Page;
import dev.specboard.design.PageForm;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.story.Story;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the design wizards (page creator, feature builder, design system) on {@code wizard_runs}: each submitted step
 * is checked and saved with its answers, decisions and timing, so a run resumes where it was left; the last step
 * creates what the run makes (a page and its first mockup; a feature, its data operations and a draft story; the
 * chosen colour tokens) and records it in the run's outputs.
 */
@ApplicationScoped
public class DesignWizardService {

    @Inject
    PageService pages;

    @Inject
    MockupService mockups;

    @Inject
    FeatureService features;

    @Inject
    DesignWizardSteps stepChecks;

    @Inject
    DesignSystemService designSystems;

    /** What the last step made, and where to go to see it. */
    public record Outcome(WizardRun run, String url, String message) {
    }

    /** The account's unfinished run of a wizard in the project. */
    public Optional<WizardRun> current(Access access, DesignWizard wizard) {
        return WizardRun.findUnfinished(access.accountId(), access.project().id, wizard.type());
    }

    /** The account's unfinished design-wizard runs in the project, most recent first; one query. */
    public List<WizardRun> unfinished(Access access) {
        return WizardRun.unfinishedIn(access.accountId(), access.project().id, DesignWizard.types());
    }

    /** Opens an earlier or already reachable step of the unfinished run and remembers it as the place to resume. */
    @Transactional
    public WizardRun visit(Access access, DesignWizard wizard, DesignStep step) {
        access.requireWrite(Role.MEMBER);
        WizardRun run = current(access, wizard).orElseThrow(() -> ApiException.conflict("There is no unfinished run of this wizard."));
        if (reachable(run, step)) {
            run.enter(step);
        }
        return run;
    }

    /** Whether every step before this one was answered. */
    static boolean reachable(WizardRun run, DesignStep step) {
        return step.wizard().steps().stream().takeWhile(s -> s != step).allMatch(run::answered);
    }

    /**
     * The step indicator, the form and what the step offers, for the page; a step the last step sent the run back to
     * shows the problems found with it when no others are given.
     */
    public DesignWizardView view(Access access, DesignWizard wizard, DesignStep step, WizardRun run, DesignWizardForm submitted, FormErrors given) {
        FormErrors errors = given;
        if (run != null && !given.any() && !run.refused(step).isEmpty()) {
            errors = FormErrors.none();
            run.refused(step).forEach(errors::add);
        }
        DesignWizardForm saved = DesignWizardForm.of(run);
        // As submitted, or else as typed when the step was last left by Back or the step list, over the answers.
        DesignWizardForm typed = submitted != null || run == null ? submitted : run.draft(step).map(DesignWizardForm::ofDraft).orElse(null);
        DesignWizardForm form = typed == null ? saved : typed.over(saved, step);
        UUID projectId = access.project().id;
        // The feature builder's pages to choose from, the page creator's parents.
        List<PageRow> pageChoices = wizard != DesignWizard.DESIGN_SYSTEM ? pages.rows(projectId) : List.of();
        List<DesignWizardView.CandidateRow> candidates = wizard == DesignWizard.DESIGN_SYSTEM ? stepChecks.candidates(projectId) : List.of();
        Set<DesignStep> filled = filled(run, pageChoices, candidates);
        List<DesignWizardView.StepView> steps = wizard.steps().stream()
                .map(s -> new DesignWizardView.StepView(s, s == step, filled.contains(s), run != null && reachable(run, s) && run.answered(s) && givenNothing(run, s),
                        run != null && reachable(run, s) || s == wizard.first(), run != null && run.draft(s).isPresent()))
                .toList();
        List<InferredOperation> suggestions = run == null ? List.of() : DesignWizardSteps.suggestions(run);
        if (step == DesignStep.DATA && typed == null && !run.answered(DesignStep.DATA)) {
            form = prefilled(form, suggestions);
        }
        // Only a step never answered starts with every colour kept: one sent back keeps the names and choices made.
        if (step == DesignStep.COLOURS && (run == null || run.answersFor(DesignStep.COLOURS).isEmpty()) && typed == null) {
            form = new DesignWizardForm(form.name(), form.path(), form.purpose(), form.primaryDevice(), form.layout(), form.userDescription(),
                    form.category(), form.pages(), form.businessRules(), form.creates(), form.reads(), form.updates(), form.deletes(),
                    candidates.stream().map(DesignWizardView.CandidateRow::hex).toList(), candidates.stream().map(DesignWizardView.CandidateRow::name).toList(),
                    candidates.stream().map(DesignWizardView.CandidateRow::hex).toList(), form.draftStory(), form.parent());
        }
        List<String> leftBefore = wizard == DesignWizard.DESIGN_SYSTEM ? designSystems.view(projectId).confirmations().rejected() : List.of();
        return new DesignWizardView(access, wizard, step, steps, run != null, form, errors, PageLayout.all(), pageChoices, candidates, suggestions,
                leftBefore);
    }

    /**
     * The steps whose data exists: the page's name and path, a known layout, the feature's name and what users can do with it, a chosen page still in
     * the project or a rule, an operation, a kept colour the mockups still use, what the last step created. Only these
     * are done, as on the setup wizard: a step answered with nothing, or whose pages or colours went meanwhile, is not.
     */
    static Set<DesignStep> filled(WizardRun run, List<PageRow> pageChoices, List<DesignWizardView.CandidateRow> candidates) {
        Set<DesignStep> out = EnumSet.noneOf(DesignStep.class);
        if (run == null) {
            return out;
        }
        for (DesignStep s : DesignStep.values()) {
            // A step after one sent back is not done, though its answers are kept for when the person gets there again.
            boolean has = reachable(run, s) && run.answered(s) && switch (s) {
                case PAGE -> !run.answer(s, "name").isBlank() && !run.answer(s, "path").isBlank();
                case LAYOUT -> PageLayout.of(run.answer(s, "layout")).isPresent();
                // A feature is described by what users can do with it, not by its name alone (a run described before the
                // step asked for it has a name and no description: its step is not done, and Create sends it back there).
                case DESCRIBE -> !run.answer(s, "name").isBlank() && !run.answer(s, "userDescription").isBlank();
                case PAGES -> !run.answer(s, "businessRules").isBlank()
                        || pageChoices.stream().anyMatch(p -> answerList(run, s, "pages").contains(p.id().toString()));
                case DATA -> Feature.OPERATIONS.stream().anyMatch(op -> !run.answer(s, op).isBlank());
                case COLOURS -> candidates.stream().anyMatch(c -> answerList(run, s, "keep").contains(c.hex()));
                case PAGE_REVIEW, FEATURE_REVIEW, SYSTEM_REVIEW -> run.outputs.get("created") instanceof List<?> l && !l.isEmpty();
            };
            if (has) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether the step was passed with nothing in it (no page nor rule; no operation): the step list says "skipped". */
    static boolean givenNothing(WizardRun run, DesignStep s) {
        return switch (s) {
            case PAGES -> answerList(run, s, "pages").isEmpty() && run.answer(s, "businessRules").isBlank();
            case DATA -> Feature.OPERATIONS.stream().allMatch(op -> run.answer(s, op).isBlank());
            default -> false;
        };
    }

    private static List<String> answerList(WizardRun run, DesignStep s, String field) {
        return run.answersFor(s).get(field) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static DesignWizardForm prefilled(DesignWizardForm f, List<InferredOperation> suggestions) {
        Map<String, List<String>> byOp = new LinkedHashMap<>();
        Feature.OPERATIONS.forEach(op -> byOp.put(op, new ArrayList<>()));
        suggestions.forEach(s -> byOp.get(s.op()).add(s.entity()));
        return new DesignWizardForm(f.name(), f.path(), f.purpose(), f.primaryDevice(), f.layout(), f.userDescription(), f.category(), f.pages(),
                f.businessRules(), String.join(", ", byOp.get("creates")), String.join(", ", byOp.get("reads")), String.join(", ", byOp.get("updates")),
                String.join(", ", byOp.get("deletes")), f.color(), f.colorName(), f.keep(), f.draftStory(), f.parent());
    }

    /**
     * Checks and saves one step (the first one starts the run, noting the project as it stands); the last step creates
     * what the wizard makes and completes the run. 422 names each problem, with the run left as it was.
     */
    @Transactional
    public Outcome submit(Access access, DesignWizard wizard, DesignStep step, DesignWizardForm form) {
        access.requireWrite(Role.MEMBER);
        if (step.wizard() != wizard) {
            throw ApiException.notFound("No such step");
        }
        WizardRun run = current(access, wizard).orElse(null);
        if (run == null) {
            if (step != wizard.first()) {
                throw ApiException.conflict("Start this wizard at its first step.");
            }
            run = WizardRun.start(access.accountId(), wizard.type(), step);
            run.projectId = access.project().id;
            run.contextSnapshot = snapshot(access.project().id);
            run.persist();
        } else if (!reachable(run, step)) {
            throw ApiException.conflict("Answer the earlier steps first.");
        }
        FormErrors errors = FormErrors.none();
        Map<String, Object> answers = stepChecks.answers(access, run, step, form, errors);
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        run.record(step, answers);
        Optional<DesignStep> next = step.next();
        if (next.isPresent()) {
            run.enter(next.get());
            return new Outcome(run, null, null);
        }
        Outcome done = switch (wizard) {
            case PAGE_CREATOR -> createPage(access, run);
            case FEATURE_BUILDER -> createFeature(access, run);
            case DESIGN_SYSTEM -> adoptColours(access, run);
        };
        run.complete();
        return done;
    }

    /**
     * Leaves a step by Back or a step of the step list: what was typed is kept as the step's draft, unchecked, and the
     * chosen step opens when it is reachable (else the step left). Leaving is moving about, as in the setup wizard
     * ({@link SetupWizardService#leave}): no 422 stops it, and only the step's Next checks and records what was typed.
     */
    @Transactional
    public Optional<WizardRun> leave(Access access, DesignWizard wizard, DesignStep from, DesignWizardForm form, String goTo) {
        access.requireWrite(Role.MEMBER);
        Optional<WizardRun> run = current(access, wizard);
        run.ifPresent(r -> {
            // Only what differs from the step's answers is a draft: the step list marks it as not saved.
            DesignWizardForm saved = DesignWizardForm.of(r);
            r.keepDraft(from, form.over(saved, from).draft().equals(saved.draft()) ? null : form.draft());
            // A step out of reach (or none): the step left opens again, with its draft.
            wizard.step(goTo).filter(to -> reachable(r, to)).or(() -> Optional.of(from).filter(to -> reachable(r, to))).ifPresent(r::enter);
        });
        return run;
    }

    /**
     * The last step was refused for an answer of an earlier {@code step} (a path or name taken meanwhile): the run goes back
     * to that step with the problems, in a transaction of its own (the refused one was rolled back).
     */
    @Transactional
    public Optional<WizardRun> sendBack(Access access, DesignWizard wizard, DesignStep step, FormErrors problems) {
        access.requireWrite(Role.MEMBER);
        Optional<WizardRun> run = current(access, wizard);
        run.ifPresent(r -> r.sendBack(step, problems.asMap()));
        return run;
    }

    /** Leaves the unfinished run of a wizard (what it created so far stays). */
    @Transactional
    public void abandon(Access access, DesignWizard wizard) {
        access.requireWrite(Role.MEMBER);
        current(access, wizard).ifPresent(WizardRun::abandon);
    }

    private Map<String, Object> snapshot(UUID projectId) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<PageRow> rows = pages.rows(projectId);
        s.put("pages", rows.size());
        s.put("pagesWithMockups", rows.stream().filter(PageRow::hasMockup).count());
        s.put("features", Feature.count("projectId", projectId));
        s.put("colours", designSystems.view(projectId).tokens().colors().size());
        s.put("at", java.time.Instant.now().toString());
        return s;
    }

    private Outcome createPage(Access access, WizardRun run) {
        DesignWizardForm f = DesignWizardForm.of(run);
        PageLayout layout = PageLayout.of(f.layout()).orElseThrow(() -> ValidationException.of("layout", "Choose one of the layouts"));
        Page p = pages.create(access, new PageForm(f.name(), f.path(), f.parent(), "page", f.purpose(), f.primaryDevice(), layout.keyElements(), null,
                "", "", ""));
        p.wizardGenerated = true;
        Mockup m = mockups.save(access, p.id, new MockupForm(layout.html(f.name()), layout.css(), "",
                "First version, from the " + layout.label().toLowerCase() + " layout", null, "wizard"));
        run.output("pages", "page:" + p.path, p.id);
        run.output("mockups", "mockup:" + p.path + "@" + m.version, m.id);
        return new Outcome(run, "/projects/" + access.slug() + "/pages/" + p.id, "Page " + p.name + " created with its first mockup.");
    }

    private Outcome createFeature(Access access, WizardRun run) {
        DesignWizardForm f = DesignWizardForm.of(run);
        FeatureForm form = new FeatureForm(f.name(), f.userDescription(), f.category(), "planned", f.pageList(), List.of(), f.creates(), f.reads(),
                f.updates(), f.deletes(), "", f.businessRules(), "", "", null);
        Feature feature = features.createFromWizard(access, form, run.id, new HashSet<>(DesignWizardSteps.leftOut(run, f)));
        run.output("features", "feature:" + feature.name, feature.id);
        Map<String, Object> outputs = new LinkedHashMap<>(run.outputs);
        outputs.put("dataOperations", feature.operations());
        run.outputs = outputs;
        String message = "Feature " + feature.name + " created";
        if (f.draftsStory()) {
            Story s = features.draftStory(access, feature.id).story();
            run.output("stories", "story:" + s.key(), s.id);
            message += " with the draft story " + s.key();
        }
        return new Outcome(run, "/projects/" + access.slug() + "/features/" + feature.id, message + ".");
    }

    /**
     * Adopts the colours kept. A kept colour no mockup uses any more (a mockup saved since the colours step) is not kept,
     * and the message says which: it was refused with only the first one named, on a review step that no longer showed it.
     * With none left to keep, or a name another colour has, the colours step is refused (the resource goes back there).
     */
    private Outcome adoptColours(Access access, WizardRun run) {
        DesignWizardForm f = DesignWizardForm.of(run);
        List<DesignWizardView.CandidateRow> candidates = stepChecks.candidates(access.project().id);
        Map<String, Integer> used = new LinkedHashMap<>();
        candidates.forEach(c -> used.put(c.hex(), c.index()));
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> left = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> colors = f.colors();
        for (int i = 0; i < colors.size(); i++) {
            String hex = colors.get(i);
            if (!f.keeps(hex)) {
                left.add(hex);
            } else if (used.containsKey(hex)) {
                kept.put(hex, f.names().get(i));
            } else {
                gone.add(hex);
            }
        }
        if (kept.isEmpty()) {
            throw ValidationException.of("keep", "No mockup uses " + DesignWizardView.either(gone) + " any more: keep a colour the mockups use");
        }
        FormErrors taken = FormErrors.none();
        Map<String, DesignTokens.ColorConfirmation> named = designSystems.view(access.project().id).confirmations().colors();
        kept.forEach((hex, name) -> (named == null ? Map.<String, DesignTokens.ColorConfirmation>of() : named).forEach((other, c) -> {
            if (!kept.containsKey(other) && name.equals(c.name())) {
                taken.add("colorName-" + used.get(hex), "The name " + name + " already belongs to " + other + ": choose another name");
            }
        }));
        if (taken.any()) {
            throw new ValidationException(taken);
        }
        try {
            designSystems.adopt(access, kept, left, run.id);
        } catch (ValidationException e) {
            // About a colour decided on meanwhile: the colours step, where the person can choose again, says so.
            throw ValidationException.of("keep", String.join("; ", e.errors().asMap().values()));
        }
        kept.forEach((hex, name) -> run.output("tokens", "token:" + name + "=" + hex, hex));
        String message = "Design system adopted: " + DesignWizardView.count(kept.size(), "colour") + " kept, " + left.size() + " left out.";
        if (!gone.isEmpty()) {
            message += " No mockup uses " + DesignWizardView.both(gone) + " any more, so " + (gone.size() == 1 ? "it was" : "they were") + " not kept.";
        }
        return new Outcome(run, "/projects/" + access.slug() + "/design-system", message);
    }
}
