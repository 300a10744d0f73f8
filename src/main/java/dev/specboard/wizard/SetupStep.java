package dev.specboard.wizard;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the project setup wizard, in order; every step but the basics may be skipped. */
public enum SetupStep implements WizardPhase {
    BASICS("basics", "Basics", false),
    VISION("vision", "Vision", true),
    REPOSITORY("repository", "Repository", true),
    SUMMARY("summary", "Executive summary", true),
    INVITE("invite", "Invite members", true);

    private final String key;
    private final String label;
    private final boolean optional;

    SetupStep(String key, String label, boolean optional) {
        this.key = key;
        this.label = label;
        this.optional = optional;
    }

    @Override
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

    public Optional<SetupStep> next() {
        return isLast() ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public Optional<SetupStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** Where a run of the setup wizard stands (the basics when it has not said). */
    public static SetupStep of(WizardRun run) {
        return parse(run.currentPhase).orElse(BASICS);
    }

    public static Optional<SetupStep> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.key.equals(key.trim())).findFirst();
    }
}
