package dev.specboard.design;

import java.util.List;
import java.util.UUID;

/** A feature in the list: its status as its stories make it, how many pages and stories it has, and whether the mockups suggested it. */
public record FeatureRow(UUID id, String name, String category, String status, String userDescription, int pageCount,
                         List<FeatureView.StoryLink> stories, boolean detectedFromMockups) {
}
