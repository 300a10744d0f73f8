package dev.specboard.architecture;

import jakarta.ws.rs.FormParam;

/** A new work session: what kind of work, on what. */
public record WorkSessionForm(
        @FormParam("sessionType") String sessionType,
        @FormParam("targetType") String targetType,
        @FormParam("targetId") String targetId) {

    public static WorkSessionForm empty() {
        return new WorkSessionForm("design", "project", "");
    }
}
