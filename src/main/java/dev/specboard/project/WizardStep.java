package dev.specboard.project;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the project setup wizard, in order; every step but the basics may be skipped. */
public enum WizardStep {
    BASICS("basics", "Basics", false),
    VISION("vision", "Vision", true),
    REPOSITORY("repository", "Repository", true),
    SUMMARY("summary", "Executive summary", true),
    INVITE("invite", "Invite members", true);

    private final String key;
    private final String label;
    private final boolean optional;

    WizardStep(String key, String label, boolean optional) {
        this.key = key;
        this.label = label;
        this.optional = optional;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean optional() {
        return optional;
    }

    public int number() {
        return ordinal() + 1;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public Optional<WizardStep> next() {
        return isLast() ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public Optional<WizardStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public static Optional<WizardStep> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.key.equals(key.trim())).findFirst();
    }
}
