package dev.specboard.wizard;

import dev.specboard.design.InferredOperation;
import dev.specboard.design.PageRow;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * One step of a design wizard as its page shows it: the step indicator, the form (saved answers, or the values just
 * submitted), the errors, and what the step offers (layouts, pages, colour candidates, inferred operations).
 */
public record DesignWizardView(Access access, DesignWizard wizard, DesignStep step, List<StepView> steps, boolean started,
                               DesignWizardForm form, FormErrors errors, List<PageLayout> layouts, List<PageRow> pageChoices,
                               List<CandidateRow> candidates, List<InferredOperation> suggestions) {

    /** One entry of the step indicator: done when the data it produces exists, skipped when passed with nothing in it. */
    public record StepView(DesignStep step, boolean current, boolean done, boolean skipped, boolean reachable) {
    }

    /** A colour the mockups use, offered as a token: its hex, its name so far, where it is used. */
    public record CandidateRow(int index, String hex, String name, int usageCount, String pages) {
    }

    /** Whether the page shows this step ({@link DesignStep} by name). */
    public boolean at(String stepName) {
        return step.name().equals(stepName);
    }

    public boolean nameInvalid(int index) {
        return errors.has("colorName-" + index);
    }

    public String nameError(int index) {
        return errors.get("colorName-" + index);
    }

    public List<String> errorMessages() {
        return List.copyOf(errors.asMap().values());
    }

    public String base() {
        return "/projects/" + access.slug() + "/design/wizards/" + wizard.type();
    }

    public String previousKey() {
        return step.previous().map(DesignStep::key).orElse("");
    }

    public List<String> devices() {
        return dev.specboard.design.Page.DEVICES;
    }

    public List<String> categories() {
        return dev.specboard.design.Feature.CATEGORIES;
    }

    public PageLayout chosenLayout() {
        return PageLayout.of(form.layout()).orElse(null);
    }

    public List<PageRow> chosenPages() {
        return pageChoices.stream().filter(p -> form.hasPage(p.id())).toList();
    }

    public List<CandidateRow> kept() {
        return candidates.stream().filter(c -> form.keeps(c.hex())).toList();
    }

    public List<CandidateRow> leftOut() {
        return candidates.stream().filter(c -> !form.keeps(c.hex())).toList();
    }
}
