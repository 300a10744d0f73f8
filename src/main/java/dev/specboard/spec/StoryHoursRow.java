package dev.specboard.spec;

import java.math.BigDecimal;

/** Estimated vs actual hours of every spec of one story. */
public record StoryHoursRow(String roadmapItemId, Integer storyNumber, long specs, BigDecimal estimatedHours, BigDecimal actualHours) {
}
