package dev.specboard.spec;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the spec list, read in one query with its task counts, hours and current phase (null without phases). */
public record SpecRow(int number, String title, String status, String specType, String roadmapItemId, Integer storyNumber,
                      BigDecimal estimatedHours, BigDecimal actualHours, long tasks, long doneTasks, String author,
                      Instant updatedAt, boolean dirty, CurrentPhase phase) {

    public String key() {
        return "SPEC-" + number;
    }

    public String statusLabel() {
        return status.replace('_', ' ');
    }
}
