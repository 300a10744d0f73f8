package dev.specboard.design;

import java.util.List;
import java.util.UUID;

/** One page in the page tree or a list: where it sits, its status and its current mockup version (null without one). */
public record PageRow(UUID id, UUID parentId, String name, String slug, String path, String type, PageStatus status, String purpose,
                      String primaryDevice, int sortOrder, Integer currentVersion, String keyElementsJson, int version, boolean placeholder) {

    public List<String> keyElements() {
        return List.of(DesignJson.read(keyElementsJson, String[].class, new String[0]));
    }

    public boolean hasMockup() {
        return currentVersion != null;
    }
}
