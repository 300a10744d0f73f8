package dev.specboard.architecture;

import jakarta.ws.rs.FormParam;

/**
 * The page form that starts a session: either {@code targetType} + {@code targetId} (from a target's
 * page) or one {@code target} choice "type:id" (from the session list); {@code back} says where to return.
 */
public record WorkSessionStartForm(
        @FormParam("sessionType") String sessionType,
        @FormParam("targetType") String targetType,
        @FormParam("targetId") String targetId,
        @FormParam("target") String target,
        @FormParam("back") String back) {

    public WorkSessionForm toForm() {
        if (target != null && target.contains(":")) {
            int colon = target.indexOf(':');
            return new WorkSessionForm(sessionType, target.substring(0, colon), target.substring(colon + 1));
        }
        return new WorkSessionForm(sessionType, targetType, targetId);
    }
}
