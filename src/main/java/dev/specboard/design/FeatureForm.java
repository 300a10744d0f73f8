package dev.specboard.design;

import dev.specboard.web.Chars;
import dev.specboard.web.Filled;
import dev.specboard.web.Upright;
import jakarta.ws.rs.FormParam;

import java.util.Arrays;
import java.util.List;

/**
 * A feature as a member describes it: {@code pages} and {@code journeys} are ids (or page paths), the data
 * operations name entities comma-separated, UI requirements and business rules one per line, technical
 * needs and story numbers comma-separated; {@code version} is the version an edit is based on.
 */
public record FeatureForm(
        @FormParam("name") @Upright @Filled(message = "Give the feature a name") @Chars(max = 255, message = "At most 255 characters") String name,
        @FormParam("userDescription") @Chars(max = 20000, message = "At most 20000 characters") String userDescription,
        @FormParam("category") @Upright @Chars(max = 100, message = "At most 100 characters") String category,
        @FormParam("status") String status,
        @FormParam("pages") List<String> pages,
        @FormParam("journeys") List<String> journeys,
        @FormParam("creates") @Chars(max = 2000, message = "At most 2000 characters") String creates,
        @FormParam("reads") @Chars(max = 2000, message = "At most 2000 characters") String reads,
        @FormParam("updates") @Chars(max = 2000, message = "At most 2000 characters") String updates,
        @FormParam("deletes") @Chars(max = 2000, message = "At most 2000 characters") String deletes,
        @FormParam("uiRequirements") @Chars(max = 10000, message = "At most 10000 characters") String uiRequirements,
        @FormParam("businessRules") @Chars(max = 10000, message = "At most 10000 characters") String businessRules,
        @FormParam("technicalNeeds") @Chars(max = 2000, message = "At most 2000 characters") String technicalNeeds,
        @FormParam("storyNumbers") @Chars(max = 2000, message = "At most 2000 characters") String storyNumbers,
        @FormParam("version") Integer version) {

    public static FeatureForm empty() {
        return new FeatureForm("", "", "", "planned", List.of(), List.of(), "", "", "", "", "", "", "", "", null);
    }

    public static FeatureForm of(Feature f, List<Integer> storyNumbers) {
        Feature.DataOperations ops = f.operations();
        return new FeatureForm(f.name, f.userDescription == null ? "" : f.userDescription, f.category == null ? "" : f.category, f.status,
                f.affectedPages.stream().map(Object::toString).toList(), f.requiredJourneys.stream().map(Object::toString).toList(),
                String.join(", ", ops.creates()), String.join(", ", ops.reads()), String.join(", ", ops.updates()), String.join(", ", ops.deletes()),
                String.join("\n", f.uiRequirementList()), String.join("\n", f.businessRuleList()), String.join(", ", f.technicalNeeds()),
                String.join(", ", storyNumbers.stream().map(String::valueOf).toList()), f.version);
    }

    public List<String> pageList() {
        return pages == null ? List.of() : pages.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }

    public List<String> journeyList() {
        return journeys == null ? List.of() : journeys.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }

    public boolean hasPage(Object id) {
        return pageList().contains(String.valueOf(id));
    }

    public boolean hasJourney(Object id) {
        return journeyList().contains(String.valueOf(id));
    }

    public Feature.DataOperations operations() {
        return new Feature.DataOperations(commas(creates), commas(reads), commas(updates), commas(deletes));
    }

    public List<String> uiRequirementList() {
        return lines(uiRequirements);
    }

    public List<String> businessRuleList() {
        return lines(businessRules);
    }

    public List<String> technicalNeedList() {
        return commas(technicalNeeds);
    }

    public static List<String> commas(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    public static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split("\\R")).map(l -> l.replaceFirst("^\\s*[-*]\\s+", "").strip()).filter(x -> !x.isEmpty()).toList();
    }
}
