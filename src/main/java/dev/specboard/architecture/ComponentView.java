package dev.specboard.architecture;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.List;

/**
 * Everything the component page shows: the component, its place in the graph (direct and
 * transitive dependencies and dependents, the neighbourhood picture), the dependency form with its
 * error, the design doc with its history, and the work sessions on it.
 */
public record ComponentView(Access access, ComponentRow c, List<ComponentRef> dependsOn, List<ComponentRef> transitiveDependencies,
                            List<ComponentRef> dependents, List<ComponentRef> transitiveDependents, List<ComponentRef> candidates,
                            DependencyForm depForm, FormErrors depErrors, String depError, List<String> cycle, String svg,
                            DocView doc, List<DesignDocRevisionRow> revisions, List<WorkSessionRow> sessions) {

    /** The design doc as shown: null fields when there is none yet. */
    public record DocView(int version, boolean approved, Integer approvedVersion, String html, boolean contextChanged) {
    }

    public List<String> sessionTypes() {
        return WorkSession.TYPES;
    }

    public boolean hasDoc() {
        return doc != null;
    }
}
