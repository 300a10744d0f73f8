package dev.specboard.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An artifact as its page shows it, never as raw JSON: a feature plan (goals, scope, risks), the
 * implementation steps (an ordered checklist with their files) or the code changes (per-file diffs
 * against the synced repository). Exactly one of the three parts is set.
 */
public record ArtifactView(ArtifactType type, Instant createdAt, FeaturePlan featurePlan, List<Step> steps, CodeChanges codeChanges) {

    public String id() {
        return "artifact-" + type.value();
    }

    public String label() {
        return type.label();
    }

    public String schemaUrl() {
        return type.schemaUrl();
    }

    public record FeaturePlan(String summaryHtml, List<String> goals, List<String> scopeIn, List<String> scopeOut, List<Risk> risks) {
    }

    public record Risk(String risk, String likelihood, String mitigation) {
    }

    public record Step(int number, String name, String title, String description, String detailsHtml, BigDecimal hours,
                       List<String> files, boolean done) {
    }

    public record CodeChanges(String summaryHtml, List<FileChange> files, int staleCount) {
    }

    /**
     * One file's proposed change: its diff rows against the file of the latest manifest, and whether the
     * change is stale (written against a version of the file that is no longer the latest).
     */
    public record FileChange(int number, String path, String action, String description, boolean stale, String staleReason,
                             String notice, boolean inRepo, List<LineDiff.Row> rows, int added, int removed) {
    }
}
