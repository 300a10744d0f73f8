package dev.specboard.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The plan page: one version of a plan with its repository, all its versions, its artifacts and its spec. */
public record PlanView(Plan plan, String repository, List<Version> versions, List<ArtifactView> artifacts, String specKey,
                       int messages, List<ArtifactRow> history) {

    /** The artifacts of this type saved before the current one, newest first. */
    public List<ArtifactRow> earlier(ArtifactType type) {
        List<ArtifactRow> all = history.stream().filter(r -> r.type() == type).toList();
        return all.isEmpty() ? all : all.subList(1, all.size());
    }

    /** How many artifacts of this type the version has had: the current one's number. */
    public int saved(ArtifactType type) {
        return (int) history.stream().filter(r -> r.type() == type).count();
    }

    /** A version of the plan, for the version list and the compare form. */
    public record Version(UUID id, int version, PlanStatus status, Instant createdAt) {
        public String label() {
            return "v" + version;
        }
    }

    public boolean latest() {
        return versions.isEmpty() || versions.get(versions.size() - 1).version() == plan.version;
    }

    /** The plan's newest version (this one when there is no list). */
    public Version newest() {
        return versions.isEmpty() ? new Version(plan.id, plan.version, plan.status, plan.createdAt) : versions.get(versions.size() - 1);
    }

    /** Whether its artifacts may be edited here: an open version that is the plan's newest (older ones stay as they were). */
    public boolean artifactsEditable() {
        return plan.artifactsOpen() && latest();
    }

    public boolean hasSteps() {
        return artifacts.stream().anyMatch(a -> a.type() == ArtifactType.IMPLEMENTATION_STEPS);
    }

    public List<ArtifactType> types() {
        return List.of(ArtifactType.values());
    }

    public int previousVersion() {
        return Math.max(1, plan.version - 1);
    }
}
