package dev.specboard.architecture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * DESIGN.md's context-mapping rule: the mapping is approved when there is at least one context,
 * every context is approved, and every ready (or implemented) story belongs to a context.
 */
public final class MappingRule {

    /** What the rule needs to know of one context. */
    public record ContextState(UUID id, String name, boolean approved) {
    }

    /** The verdict and, when it fails, each reason in words. */
    public record Verdict(boolean holds, List<String> reasons, Set<UUID> uncoveredStories) {
    }

    private MappingRule() {
    }

    public static Verdict evaluate(Collection<ContextState> contexts, Map<UUID, Set<UUID>> storiesByContext, Collection<UUID> readyStories) {
        List<String> reasons = new ArrayList<>();
        if (contexts.isEmpty()) {
            reasons.add("There are no bounded contexts yet.");
        }
        List<String> unapproved = contexts.stream().filter(c -> !c.approved()).map(ContextState::name).sorted().toList();
        if (!unapproved.isEmpty()) {
            reasons.add("Not approved yet: " + String.join(", ", unapproved) + ".");
        }
        Set<UUID> covered = new java.util.HashSet<>();
        storiesByContext.values().forEach(covered::addAll);
        Set<UUID> uncovered = new java.util.LinkedHashSet<>();
        for (UUID s : readyStories) {
            if (!covered.contains(s)) {
                uncovered.add(s);
            }
        }
        if (!uncovered.isEmpty()) {
            reasons.add(uncovered.size() == 1 ? "1 ready story belongs to no context." : uncovered.size() + " ready stories belong to no context.");
        }
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons), uncovered);
    }
}
