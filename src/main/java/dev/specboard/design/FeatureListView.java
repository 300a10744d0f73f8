package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;

import java.util.List;

/** A page of the features of a project and the new-feature form (kept with its errors). */
public record FeatureListView(Access access, List<FeatureRow> features, PageNumbers at, List<PageRow> pages, List<FeatureView.JourneyRef> journeys,
                              FeatureForm form, FormErrors errors) {

    public List<String> statuses() {
        return Feature.STATUSES;
    }

    public List<String> categories() {
        return Feature.CATEGORIES;
    }
}
