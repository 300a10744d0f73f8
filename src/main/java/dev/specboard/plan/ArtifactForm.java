package dev.specboard.plan;

import jakarta.ws.rs.FormParam;

/** An artifact as the plan page's form sends it: its type and its JSON document. */
public record ArtifactForm(@FormParam("artifactType") String artifactType, @FormParam("content") String content) {

    public static ArtifactForm empty() {
        return new ArtifactForm(ArtifactType.FEATURE_PLAN.value(), "");
    }
}
