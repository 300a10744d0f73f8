package dev.specboard.plan;

import jakarta.ws.rs.FormParam;

/**
 * An artifact as the plan page's form sends it: its type, its JSON document and, when it edits the current one, how many
 * of that type the plan version had (blank only for the first of its type), so that a save over someone else's is caught.
 */
public record ArtifactForm(@FormParam("artifactType") String artifactType, @FormParam("content") String content,
                           @FormParam("version") String version) {

    public static ArtifactForm empty() {
        return new ArtifactForm(ArtifactType.FEATURE_PLAN.value(), "", null);
    }

    /** The same text, now edited over the given number of saved artifacts. */
    public ArtifactForm withVersion(int saved) {
        return new ArtifactForm(artifactType, content, Integer.toString(saved));
    }

    /** The number of saved artifacts the edit started from, or null when it does not say (or not as a number). */
    public Integer baseVersion() {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
