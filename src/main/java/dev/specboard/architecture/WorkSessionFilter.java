package dev.specboard.architecture;

import java.util.UUID;

/** The work session list's filters, all carried in the URL. */
public record WorkSessionFilter(String status, String type, String target, UUID targetId) {

    public static WorkSessionFilter of(String status, String type, String target) {
        return new WorkSessionFilter(
                status != null && WorkSession.STATUSES.contains(status) ? status : "",
                type != null && WorkSession.TYPES.contains(type) ? type : "",
                target != null && WorkSession.TARGET_TYPES.contains(target) ? target : "",
                null);
    }

    /** The filters of the list page's URL; one naming no known value is recorded in {@code choices} (422 naming it). */
    public static WorkSessionFilter read(String status, String type, String target, dev.specboard.web.FilterChoices choices) {
        return of(choices.oneOf("status", "session status", status, WorkSession.STATUSES),
                choices.oneOf("type", "session type", type, WorkSession.TYPES),
                choices.oneOf("target", "target type", target, WorkSession.TARGET_TYPES));
    }

    public static WorkSessionFilter forTarget(UUID targetId) {
        return new WorkSessionFilter("", "", "", targetId);
    }

    public boolean isEmpty() {
        return status.isEmpty() && type.isEmpty() && target.isEmpty() && targetId == null;
    }
}
