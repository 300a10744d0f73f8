package dev.specboard.design;

import java.util.List;
import java.util.UUID;

/** One page in the page tree or a list: where it sits, its status and its current mockup version (null without one). */
public record PageRow(UUID id, UUID parentId, String name, String slug, String path, String type, PageStatus status, String purpose,
                      String primaryDevice, int sortOrder, Integer currentVersion, String keyElementsJson, int version, boolean placeholder,
                      String relatedPatternsJson) {

    public List<String> keyElements() {
        return List.of(DesignJson.read(keyElementsJson, String[].class, new String[0]));
    }

    /** The component patterns its current mockup shows (Page#relatedPatternList). */
    public List<String> relatedPatterns() {
        return List.of(DesignJson.read(relatedPatternsJson, String[].class, new String[0]));
    }

    public boolean hasMockup() {
        return currentVersion != null;
    }
}
