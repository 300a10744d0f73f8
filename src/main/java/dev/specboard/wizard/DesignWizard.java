package dev.specboard.wizard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The design wizards, each a {@code wizard_type} of {@link WizardRun} with its own steps ({@link DesignStep}). */
public enum DesignWizard {
    PAGE_CREATOR("page-creator", "New page", "Name a page, choose one of the built-in layouts, and get the page with its first mockup."),
    FEATURE_BUILDER("feature-builder", "New feature", "Describe a feature, choose its pages and rules, check the data operations inferred from them, and get the feature with a draft story."),
    DESIGN_SYSTEM("design-system", "Design system", "Choose and name the colours the mockups use: the ones you keep are confirmed, the others leave the design system.");

    private final String type;
    private final String title;
    private final String blurb;

    DesignWizard(String type, String title, String blurb) {
        this.type = type;
        this.title = title;
        this.blurb = blurb;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String blurb() {
        return blurb;
    }

    public List<DesignStep> steps() {
        return Arrays.stream(DesignStep.values()).filter(s -> s.wizard() == this).toList();
    }

    public DesignStep first() {
        return steps().get(0);
    }

    public Optional<DesignStep> step(String key) {
        return key == null ? Optional.empty() : steps().stream().filter(s -> s.key().equals(key.strip())).findFirst();
    }

    public static List<String> types() {
        return Arrays.stream(values()).map(DesignWizard::type).toList();
    }

    public static Optional<DesignWizard> of(String type) {
        return Arrays.stream(values()).filter(w -> w.type.equals(type)).findFirst();
    }
}
