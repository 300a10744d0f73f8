package dev.specboard.design;

import dev.specboard.project.Access;

import java.util.List;
import java.util.UUID;

/**
 * The thread from a page to code: the features that touch it, the stories that realise them, the specs
 * written for those stories and the specs' tasks, each with its status.
 */
public record TraceView(Access access, UUID pageId, String pageName, String pagePath, List<FeatureRow> features) {

    /** A feature touching the page, its status following its stories. */
    public record FeatureRow(UUID id, String name, String status, List<StoryRow> stories) {
    }

    public record StoryRow(int number, String title, String status, List<SpecRow> specs) {
        public String key() {
            return "US-" + number;
        }
    }

    public record SpecRow(String key, String title, String status, List<TaskRow> tasks) {
        public long done() {
            return tasks.stream().filter(TaskRow::done).count();
        }
    }

    public record TaskRow(String key, String status) {
        public boolean done() {
            return "completed".equals(status) || "merged".equals(status);
        }
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }
}
