package dev.specboard.spec;

import java.util.List;

/**
 * What creating or editing a spec needs, from the page form or the API: the story link, title,
 * type, markdown (monolithic) or structured content (hierarchical) and the specs it depends on.
 */
public record SpecInput(Integer storyNumber, String title, String specType, String markdown, SpecContent structured,
                        List<String> dependsOn) {

    public List<String> dependsOnOrEmpty() {
        return dependsOn == null ? List.of() : dependsOn.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).distinct().toList();
    }

    public boolean hierarchical() {
        return TechnicalSpec.TYPE_HIERARCHICAL.equals(specType);
    }
}
