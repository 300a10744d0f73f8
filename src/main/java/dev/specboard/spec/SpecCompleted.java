package dev.specboard.spec;

import java.util.UUID;

/** CDI event: every task of a spec is completed or merged (the story feature marks its story implemented). */
public record SpecCompleted(UUID projectId, String specKey, Integer storyNumber) {
}
