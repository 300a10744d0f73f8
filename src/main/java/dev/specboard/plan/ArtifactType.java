package dev.specboard.plan;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of plan artifact, each with its JSON Schema ({@code /schemas/plan/<value>.schema.json}). */
public enum ArtifactType {
    FEATURE_PLAN("Feature plan"), IMPLEMENTATION_STEPS("Implementation steps"), CODE_CHANGES("Code changes");

    private final String label;

    ArtifactType(String label) {
        this.label = label;
    }

    public String value() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public String schemaUrl() {
        return "/schemas/plan/" + value() + ".schema.json";
    }

    public static Optional<ArtifactType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.value().equalsIgnoreCase(value.trim())).findFirst();
    }
}
