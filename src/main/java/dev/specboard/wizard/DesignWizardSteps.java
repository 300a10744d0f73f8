package dev.specboard.wizard;

import dev.specboard.design.DesignSystemService;
import dev.specboard.design.DesignTokens;
import dev.specboard.design.Feature;
import dev.specboard.design.FeatureForm;
import dev.specboard.design.FeatureOperations;
import dev.specboard.design.InferredOperation;
import dev.specboard.design.Page;
import dev.specboard.design.PageRow;
import dev.specboard.design.PageService;
import dev.specboard.kernel.Ids;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks the answers of one design-wizard step and notes on the run the decisions it makes (layout, operations inferred and left out, colours kept). */
@ApplicationScoped
class DesignWizardSteps {

    private static final Pattern PATH = Pattern.compile("^/[a-z0-9-/]*$");
    private static final Pattern TOKEN_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    @Inject
    PageService pages;

    @Inject
    FeatureOperations operations;

    @Inject
    DesignSystemService designSystems;

    /** The answers to record for the step; each problem is added to {@code errors}. */
    Map<String, Object> answers(Access access, WizardRun run, DesignStep step, DesignWizardForm form, FormErrors errors) {
        return switch (step) {
            case PAGE -> pageStep(access, form, errors);
            case LAYOUT -> layoutStep(run, form, errors);
            case DESCRIBE -> describeStep(form, errors);
            case PAGES -> pagesStep(access, run, form, errors);
            case DATA -> dataStep(run, form, errors);
            case COLOURS -> coloursStep(access, run, form, errors);
            case FEATURE_REVIEW -> featureReviewStep(access, run, form, errors);
            default -> Map.of();
        };
    }

    /** The colours the project's mockups use, as candidates for tokens. */
    List<DesignWizardView.CandidateRow> candidates(UUID projectId) {
        List<DesignWizardView.CandidateRow> out = new ArrayList<>();
        for (Map.Entry<String, DesignTokens.ColorToken> e : designSystems.view(projectId).tokens().colors().entrySet()) {
            DesignTokens.ColorToken c = e.getValue();
            out.add(new DesignWizardView.CandidateRow(out.size(), c.value(), e.getKey(), c.usageCount(), String.join(", ", c.pages())));
        }
        return out;
    }

    /** The operations inferred at the pages step. */
    @SuppressWarnings("unchecked")
    static List<InferredOperation> suggestions(WizardRun run) {
        Object saved = run.answersFor(DesignStep.PAGES).get("suggested");
        List<InferredOperation> out = new ArrayList<>();
        if (saved instanceof List<?> l) {
            for (Object o : l) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new InferredOperation(str(m.get("op")), str(m.get("entity")), str(m.get("reason")), str(m.get("source"))));
            }
        }
        return out;
    }

    /** The keys of the inferred operations the form does not list. */
    static List<String> leftOut(WizardRun run, DesignWizardForm form) {
        Set<String> kept = keys(form);
        return suggestions(run).stream().map(InferredOperation::key).filter(k -> !kept.contains(k)).toList();
    }

    private Map<String, Object> pageStep(Access access, DesignWizardForm form, FormErrors errors) {
        String name = trim(form.name());
        String path = trim(form.path());
        if (!dev.specboard.web.Filled.Check.shows(name)) {
            errors.add("name", "Give the page a name");
        } else if (dev.specboard.web.Chars.Check.over(name, 255)) {
            errors.add("name", "At most 255 characters");
        } else if (dev.specboard.web.Upright.Check.problem(name) != null) {
            errors.add("name", dev.specboard.web.Upright.Check.problem(name));
        }
        if (!PATH.matcher(path).matches() || path.length() > 500) {
            errors.add("path", "A path starts with / and has only lowercase letters, digits, hyphens and slashes, like /dashboard/settings");
        } else if (Page.count("projectId = ?1 and path = ?2", access.project().id, PageService.normalise(path)) > 0) {
            errors.add("path", "Another page has the path " + path);
        }
        String device = form.primaryDevice() == null || form.primaryDevice().isBlank() ? "responsive" : form.primaryDevice().strip();
        if (!Page.DEVICES.contains(device)) {
            errors.add("primaryDevice", "Choose one of " + String.join(", ", Page.DEVICES));
        }
        if (dev.specboard.web.Chars.Check.over(trim(form.purpose()), 5000)) {
            errors.add("purpose", "At most 5000 characters");
        }
        // The parent is offered by id; one deleted since the step was shown is refused at its field.
        String parent = trim(form.parent());
        if (!parent.isEmpty() && Page.inProject(access.project().id, Ids.parseOrNull(parent)).isEmpty()) {
            errors.add("parent", "There is no such page in this project any more: choose another parent or none");
        }
        return Map.of("name", name, "path", path, "purpose", trim(form.purpose()), "primaryDevice", device, "parent", parent);
    }

    private Map<String, Object> layoutStep(WizardRun run, DesignWizardForm form, FormErrors errors) {
        Optional<PageLayout> layout = PageLayout.of(trim(form.layout()));
        if (layout.isEmpty()) {
            errors.add("layout", "Choose one of the layouts");
            return Map.of();
        }
        run.decide(DesignStep.LAYOUT, "layout", layout.get().key());
        return Map.of("layout", layout.get().key());
    }

    private Map<String, Object> describeStep(DesignWizardForm form, FormErrors errors) {
        String name = trim(form.name());
        if (!dev.specboard.web.Filled.Check.shows(name)) {
            errors.add("name", "Give the feature a name");
        } else if (dev.specboard.web.Chars.Check.over(name, 255)) {
            errors.add("name", "At most 255 characters");
        } else if (dev.specboard.web.Upright.Check.problem(name) != null) {
            errors.add("name", dev.specboard.web.Upright.Check.problem(name));
        }
        // Asked here as the features page and the API ask it: the builder let a feature through without it.
        if (trim(form.userDescription()).isEmpty()) {
            errors.add("userDescription", "Say what users can do with the feature");
        } else if (dev.specboard.web.Chars.Check.over(trim(form.userDescription()), 20000)) {
            errors.add("userDescription", "At most 20000 characters");
        }
        String category = trim(form.category());
        if (!category.isEmpty() && !Feature.CATEGORIES.contains(category)) {
            errors.add("category", "Choose one of " + String.join(", ", Feature.CATEGORIES));
        }
        return Map.of("name", name, "userDescription", trim(form.userDescription()), "category", category);
    }

    private Map<String, Object> pagesStep(Access access, WizardRun run, DesignWizardForm form, FormErrors errors) {
        List<PageRow> all = pages.rows(access.project().id);
        List<UUID> chosen = new ArrayList<>();
        for (String ref : form.pageList()) {
            UUID id = Ids.parseOrNull(ref);
            all.stream().filter(p -> p.id().equals(id)).findFirst()
                    .ifPresentOrElse(p -> chosen.add(p.id()), () -> errors.add("pages", "There is no page " + ref + " in this project"));
        }
        String rules = trim(form.businessRules());
        if (dev.specboard.web.Chars.Check.over(rules, 10000)) {
            errors.add("businessRules", "At most 10000 characters");
        }
        if (errors.any()) {
            return Map.of();
        }
        List<InferredOperation> guesses = operations.suggest(access.project().id, chosen,
                FeatureForm.lines(rules), run.answer(DesignStep.DESCRIBE, "name"));
        run.contextReferences = new ArrayList<>(chosen);
        run.decide(DesignStep.PAGES, "operations inferred", guesses.stream().map(InferredOperation::key).toList());
        // The data step starts again from the new suggestions.
        Map<String, Object> answers = new LinkedHashMap<>(run.answers);
        answers.remove(DesignStep.DATA.key());
        run.answers = answers;
        // Their names too: a page deleted before the last step is named by them, not by its id.
        Map<String, String> names = new LinkedHashMap<>();
        all.stream().filter(p -> chosen.contains(p.id())).forEach(p -> names.put(p.id().toString(), p.name()));
        return Map.of("pages", chosen.stream().map(UUID::toString).toList(), "pageNames", names, "businessRules", rules,
                "suggested", guesses.stream().map(g -> Map.of("op", g.op(), "entity", g.entity(), "reason", g.reason(), "source", g.source())).toList());
    }

    /**
     * The last step: a page chosen at the pages step may have been deleted since (in another tab); the feature would be
     * refused naming its id, on a step without the pages to choose from. The pages step names the page instead.
     */
    private Map<String, Object> featureReviewStep(Access access, WizardRun run, DesignWizardForm form, FormErrors errors) {
        Set<String> now = new HashSet<>();
        pages.rows(access.project().id).forEach(p -> now.add(p.id().toString()));
        Object saved = run.answersFor(DesignStep.PAGES).get("pageNames");
        Map<?, ?> names = saved instanceof Map<?, ?> m ? m : Map.of();
        List<String> gone = DesignWizardForm.of(run).pageList().stream().filter(id -> !now.contains(id))
                .map(id -> names.get(id) != null ? String.valueOf(names.get(id)) : "chosen here").toList();
        if (!gone.isEmpty()) {
            errors.add("pages", (gone.size() == 1 ? "The page " : "The pages ") + String.join(", ", gone)
                    + (gone.size() == 1 ? " was" : " were") + " deleted meanwhile: choose the feature's pages again");
        }
        return Map.of("draftStory", form.draftsStory() ? "on" : "");
    }

    private Map<String, Object> dataStep(WizardRun run, DesignWizardForm form, FormErrors errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> values = Map.of("creates", trim(form.creates()), "reads", trim(form.reads()), "updates", trim(form.updates()),
                "deletes", trim(form.deletes()));
        for (String op : Feature.OPERATIONS) {
            String v = values.get(op);
            if (dev.specboard.web.Chars.Check.over(v, 2000)) {
                errors.add(op, "At most 2000 characters");
            } else if (FeatureForm.commas(v).stream().anyMatch(n -> n.length() > 100)) {
                errors.add(op, "Each entity name has at most 100 characters");
            }
            out.put(op, v);
        }
        if (!errors.any()) {
            List<String> left = leftOut(run, form);
            if (!left.isEmpty()) {
                run.decide(DesignStep.DATA, "operations left out", left);
            }
        }
        return out;
    }

    private Map<String, Object> coloursStep(Access access, WizardRun run, DesignWizardForm form, FormErrors errors) {
        List<DesignWizardView.CandidateRow> candidates = candidates(access.project().id);
        if (candidates.isEmpty()) {
            errors.add("keep", "The mockups use no colour yet: add a mockup first, then come back");
            return Map.of();
        }
        Set<String> known = new HashSet<>();
        candidates.forEach(c -> known.add(c.hex()));
        List<String> kept = form.kept().stream().filter(known::contains).toList();
        if (kept.isEmpty()) {
            errors.add("keep", "Keep at least one colour");
        }
        Set<String> names = new HashSet<>();
        List<String> colors = form.colors();
        List<String> namesInOrder = form.names();
        for (int i = 0; i < colors.size(); i++) {
            if (!kept.contains(colors.get(i))) {
                continue;
            }
            String n = namesInOrder.get(i);
            if (!TOKEN_NAME.matcher(n).matches()) {
                errors.add("colorName-" + i, "A token name starts with a letter and has at most 40 lowercase letters, digits and hyphens");
            } else if (!names.add(n)) {
                errors.add("colorName-" + i, "Another kept colour is named " + n);
            }
        }
        run.decide(DesignStep.COLOURS, "colours kept", kept);
        return Map.of("color", colors, "colorName", namesInOrder, "keep", kept);
    }

    /** The {@code op.Entity} keys of the operations a form lists. */
    private static Set<String> keys(DesignWizardForm f) {
        Set<String> out = new HashSet<>();
        Map<String, String> values = Map.of("creates", trim(f.creates()), "reads", trim(f.reads()), "updates", trim(f.updates()), "deletes", trim(f.deletes()));
        values.forEach((op, v) -> FeatureForm.commas(v).forEach(e -> out.add(op + "." + e)));
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
