package dev.specboard.spec;

import dev.specboard.web.FormErrors;
import dev.specboard.web.ValidationException;

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

    /**
     * Too many phases, files of a phase or dependencies, or a null among the dependencies, refused before any is looked
     * at: 5000 phases made 5000 tasks in 21 seconds, 5000 dependencies were looked up one by one, a null one was dropped
     * unsaid, and a phase's files had no cap at all (each task claim compares them with every claimed task's).
     */
    void requireListSizes() {
        FormErrors errors = FormErrors.none();
        List<SpecContent.Phase> phases = structured() == null ? List.of() : structured().phaseList();
        if (hierarchical() && phases.size() > TechnicalSpec.MAX_PHASES) {
            errors.add("phases", "At most " + TechnicalSpec.MAX_PHASES + " phases; this spec has " + phases.size());
        } else if (hierarchical()) {
            for (int i = 0; i < phases.size(); i++) {
                int files = phases.get(i) == null ? 0 : phases.get(i).files().size();
                if (files > SpecContent.MAX_FILES) {
                    errors.add("phases[" + i + "].assignedFiles", "A phase has at most " + SpecContent.MAX_FILES + " files; this one has " + files);
                }
            }
        }
        List<String> deps = dependsOn() == null ? List.of() : dependsOn();
        if (deps.size() > TechnicalSpec.MAX_DEPENDS_ON) {
            errors.add("dependsOn", "At most " + TechnicalSpec.MAX_DEPENDS_ON + " entries; this list has " + deps.size());
        } else {
            for (int i = 0; i < deps.size(); i++) {
                if (deps.get(i) == null) {
                    errors.add("dependsOn[" + i + "]", "An entry is a value, not null: leave it out instead");
                }
            }
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
    }
}
