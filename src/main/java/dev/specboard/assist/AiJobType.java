package dev.specboard.assist;

import java.util.Locale;
import java.util.Optional;

/** What an assistant job produces: a documentation outline of a scope, or an explanation of lines. */
public enum AiJobType {
    DOCS("Documentation outline"), EXPLANATION("Explanation");

    private final String label;

    AiJobType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AiJobType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
