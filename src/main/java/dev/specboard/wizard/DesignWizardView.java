package dev.specboard.wizard;

import dev.specboard.design.InferredOperation;
import dev.specboard.design.PageRow;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * One step of a design wizard as its page shows it: the step indicator, the form (saved answers, or the values just
 * submitted), the errors, and what the step offers (layouts, pages, colour candidates, inferred operations, the colours
 * an earlier run left out, which come back from the design-system page).
 */
public record DesignWizardView(Access access, DesignWizard wizard, DesignStep step, List<StepView> steps, boolean started,
                               DesignWizardForm form, FormErrors errors, List<PageLayout> layouts, List<PageRow> pageChoices,
                               List<CandidateRow> candidates, List<InferredOperation> suggestions, List<String> leftBefore) {

    /**
     * One entry of the step indicator: done when the data it produces exists, skipped when passed with nothing in it, draft
     * when it was left (Back, the step list) with what was typed kept but not yet checked and saved by its Next.
     */
    public record StepView(DesignStep step, boolean current, boolean done, boolean skipped, boolean reachable, boolean draft) {
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

    /** The page the new page goes under, among the pages offered; null for the top level (or one deleted since). */
    public PageRow parentPage() {
        return pageChoices.stream().filter(p -> p.id().toString().equals(form.parent())).findFirst().orElse(null);
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

    /** The colours kept at the colours step that no mockup uses any more: Create does not keep them, and the review says so. */
    public List<String> stale() {
        return form.kept().stream().filter(hex -> candidates.stream().noneMatch(c -> c.hex().equals(hex))).toList();
    }

    /** The colours step with no colour to offer: one empty state, no error summary repeating it, no Next. */
    public boolean noColours() {
        return step == DesignStep.COLOURS && candidates.isEmpty();
    }

    public String designSystemUrl() {
        return "/projects/" + access.slug() + "/design-system";
    }

    /** "1 colour", "2 colours". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The values as words: "#a", "#a and #b", "#a, #b and #c". */
    static String both(List<String> values) {
        return join(values, " and ");
    }

    /** The values as words, for "no mockup uses ...": "#a or #b". */
    static String either(List<String> values) {
        return join(values, " or ");
    }

    private static String join(List<String> values, String last) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + last + values.get(values.size() - 1);
    }
}
