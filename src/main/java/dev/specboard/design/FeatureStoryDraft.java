package dev.specboard.design;

import dev.specboard.story.Ears;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of the story drafted from a feature: its description (with its pages and what they look like), and one EARS
 * requirement per business rule and data operation.
 */
final class FeatureStoryDraft {

    private FeatureStoryDraft() {
    }

    static String description(Feature f, List<PageRow> pages, FeatureLooks looks) {
        List<String> pagePaths = pages.stream().map(PageRow::path).toList();
        StringBuilder d = new StringBuilder();
        if (f.userDescription != null && !f.userDescription.isBlank()) {
            d.append(f.userDescription.strip()).append("\n\n");
        }
        d.append("Realises the feature ").append(f.name).append('.');
        if (!pagePaths.isEmpty()) {
            d.append(" Pages: ").append(String.join(", ", pagePaths)).append('.');
        }
        List<String> ui = f.uiRequirementList();
        if (!ui.isEmpty()) {
            d.append("\n\nThe interface needs: ").append(String.join("; ", ui)).append('.');
        }
        if (!looks.none()) {
            d.append("\n\n").append(looks.sentence());
        }
        return d.toString();
    }

    /** One EARS line per business rule (kept as written when it already is one) and per data operation. */
    static List<String> criteria(Feature f) {
        List<String> out = new ArrayList<>();
        for (String rule : f.businessRuleList()) {
            String r = rule.strip().replaceAll("[.]+$", "");
            out.add("- " + (Ears.recognise(r).isEmpty() ? "THE SYSTEM SHALL " + lowerFirst(r) : r));
        }
        Feature.DataOperations ops = f.operations();
        ops.creates().forEach(e -> out.add("- WHEN a user submits a new " + e + " THE SYSTEM SHALL store the " + e));
        ops.reads().forEach(e -> out.add("- WHEN a user opens the " + e + " list THE SYSTEM SHALL show every " + e + " they may read"));
        ops.updates().forEach(e -> out.add("- WHEN a user saves changes to a " + e + " THE SYSTEM SHALL keep the new values"));
        ops.deletes().forEach(e -> out.add("- WHEN a user deletes a " + e + " THE SYSTEM SHALL remove it after confirmation"));
        return out;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
