package dev.specboard.wizard;

import java.util.List;
import java.util.Optional;

/** The steps of the design wizards, in order within each wizard; the last step of each creates what the run makes. */
public enum DesignStep implements WizardPhase {
    PAGE(DesignWizard.PAGE_CREATOR, "page", "The page"),
    LAYOUT(DesignWizard.PAGE_CREATOR, "layout", "Layout"),
    PAGE_REVIEW(DesignWizard.PAGE_CREATOR, "review", "Review and create"),
    DESCRIBE(DesignWizard.FEATURE_BUILDER, "describe", "The feature"),
    PAGES(DesignWizard.FEATURE_BUILDER, "pages", "Pages and rules"),
    DATA(DesignWizard.FEATURE_BUILDER, "data", "Data operations"),
    FEATURE_REVIEW(DesignWizard.FEATURE_BUILDER, "review", "Review and create"),
    COLOURS(DesignWizard.DESIGN_SYSTEM, "colours", "Colours"),
    SYSTEM_REVIEW(DesignWizard.DESIGN_SYSTEM, "review", "Review and adopt");

    private final DesignWizard wizard;
    private final String key;
    private final String label;

    DesignStep(DesignWizard wizard, String key, String label) {
        this.wizard = wizard;
        this.key = key;
        this.label = label;
    }

    public DesignWizard wizard() {
        return wizard;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public int number() {
        return wizard.steps().indexOf(this) + 1;
    }

    public int total() {
        return wizard.steps().size();
    }

    public boolean isLast() {
        return number() == total();
    }

    public Optional<DesignStep> next() {
        List<DesignStep> steps = wizard.steps();
        return isLast() ? Optional.empty() : Optional.of(steps.get(number()));
    }

    public Optional<DesignStep> previous() {
        List<DesignStep> steps = wizard.steps();
        return number() == 1 ? Optional.empty() : Optional.of(steps.get(number() - 2));
    }
}
