package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * One feature: its description, data operations and rules, the pages and journeys it touches, what its pages look like, and the thread
 * to code (its stories with their specs and tasks), with the edit form (kept with its errors; after a stale save, {@code conflict}
 * shows the version saved meanwhile beside it).
 */
public record FeatureView(Access access, Feature feature, String status, List<PageRow> pages, FeatureLooks looks, List<JourneyRef> journeys,
                          List<StoryLink> stories, List<PageRow> allPages, List<JourneyRef> allJourneys, FeatureForm form,
                          FormErrors errors, dev.specboard.kernel.ConflictView conflict) {

    /** A story realising a feature, with the specs written for it and their tasks' progress. */
    public record StoryLink(int number, String title, String status, boolean drafted, List<SpecRef> specs) {
        public String key() {
            return "US-" + number;
        }
    }

    /** A spec of a story: key, title, status and how many of its tasks are done. */
    public record SpecRef(String key, String title, String status, int tasks, int tasksDone) {
    }

    /** A journey flow to link to. */
    public record JourneyRef(java.util.UUID id, String name) {
    }

    public Feature.DataOperations operations() {
        return feature.operations();
    }

    public List<String> statuses() {
        return Feature.STATUSES;
    }

    /** The categories to choose from, with the feature's own when it predates the list, so that saving keeps it. */
    public List<String> categories() {
        if (feature.category == null || Feature.CATEGORIES.contains(feature.category)) {
            return Feature.CATEGORIES;
        }
        List<String> all = new java.util.ArrayList<>(Feature.CATEGORIES);
        all.add(feature.category);
        return all;
    }

    public boolean statusFollowsStories() {
        return !stories.isEmpty();
    }

    public String base() {
        return "/projects/" + access.slug() + "/features/" + feature.id;
    }
}
