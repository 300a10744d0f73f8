package dev.specboard.plan;

import java.util.List;
import java.util.UUID;

/** Two versions of a plan side by side: each artifact type's readable text as a line diff. */
public record CompareView(UUID planId, String name, int from, int to, List<PlanView.Version> versions, List<TypeDiff> diffs) {

    /** One artifact type compared: rows of the line diff; present in either version or not. */
    public record TypeDiff(ArtifactType type, boolean inFrom, boolean inTo, List<LineDiff.Row> rows) {
        public String label() {
            return type.label();
        }

        public boolean changed() {
            return !rows.isEmpty();
        }
    }

    public boolean same() {
        return diffs.stream().noneMatch(TypeDiff::changed);
    }
}
