package dev.specboard.design;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a feature says, as read back (JSON parsed, status as its stories make it), with the stories linked to it by hand:
 * an edit after which this is the same changes nothing, so it is no new version and a concurrent editor's save stays valid.
 */
record FeatureContent(String name, String userDescription, String category, String status, List<UUID> pages, List<UUID> journeys,
                      Feature.DataOperations operations, List<String> uiRequirements, List<String> businessRules, List<String> technicalNeeds,
                      Set<UUID> handLinked) {

    /** The feature as it stands, its status derived from its stories' {@code statuses} as its page shows it. */
    static FeatureContent of(Feature f, List<String> statuses, Set<UUID> handLinked) {
        return new FeatureContent(f.name, f.userDescription, f.category, Feature.statusFrom(statuses, f.status), List.copyOf(f.affectedPages),
                List.copyOf(f.requiredJourneys), f.operations(), f.uiRequirementList(), f.businessRuleList(), f.technicalNeeds(), handLinked);
    }
}
