package dev.specboard.design;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps the thinking chain whole after an inference of the mockups: what it no longer makes goes, what was built on that
 * is mended, the features drawn on pages follow their forms, and each thought links to the thoughts built on it.
 */
@ApplicationScoped
public class ChainUpkeep {

    @Inject
    EntityManager em;

    @Inject
    FeatureOperations operations;

    /** All of it, in the inference's transaction; {@code vanished} and {@code remade} as for {@link #prune}. */
    void afterInference(UUID projectId, Collection<Thought> thoughts, Predicate<Thought> vanished, Predicate<Thought> remade,
                        EntityInference.Model model, List<MockupService.CurrentMockup> current) {
        prune(thoughts, vanished, remade);
        operations.followMockups(projectId, model, current);
        em.flush();
        linkLeadsTo(projectId);
    }

    /**
     * Deletes the thoughts of {@code thoughts} that {@code vanished} picks (undecided ones the mockups no longer support),
     * then mends the thoughts built on them, inside the caller's transaction. Without this, a feature's operation inferred
     * from a form stayed active on an entity whose thought was gone, naming a thought that no longer existed, and the
     * feature kept creating an entity no page showed. So: an undecided data operation inferred from pages goes the way of
     * its entity (and out of its feature); any other thought built on a vanished one drops the link and, unless the
     * inference made it again just now ({@code remade}), is flagged for review, as when a user rejects what it built on.
     */
    private void prune(Collection<Thought> thoughts, Predicate<Thought> vanished, Predicate<Thought> remade) {
        Set<UUID> gone = new HashSet<>();
        for (Thought t : thoughts) {
            if (vanished.test(t)) {
                gone.add(t.id);
                t.delete();
            }
        }
        boolean more = !gone.isEmpty();
        while (more) {
            more = false;
            for (Thought t : thoughts) {
                if (gone.contains(t.id) || t.dependsOn.stream().noneMatch(gone::contains)) {
                    continue;
                }
                if ("operation".equals(t.subjectKind()) && !t.decided() && "page".equals(t.sourceKind)) {
                    operations.withdraw(t.projectId, t.subjectName(), null);
                    gone.add(t.id);
                    t.delete();
                    more = true;
                } else {
                    t.dependsOn = new ArrayList<>(t.dependsOn.stream().filter(d -> !gone.contains(d)).toList());
                    if (!"rejected".equals(t.status) && !remade.test(t)) {
                        t.needsReview = true;
                    }
                }
            }
        }
    }

    /** Sets each thought's {@code leads_to} from the others' {@code depends_on}. */
    private void linkLeadsTo(UUID projectId) {
        List<Thought> all = Thought.list("projectId", projectId);
        Map<UUID, List<UUID>> leads = new HashMap<>();
        for (Thought t : all) {
            for (UUID d : t.dependsOn) {
                leads.computeIfAbsent(d, k -> new ArrayList<>()).add(t.id);
            }
        }
        for (Thought t : all) {
            List<UUID> l = leads.getOrDefault(t.id, List.of());
            if (!l.equals(t.leadsTo)) {
                t.leadsTo = new ArrayList<>(l);
            }
        }
    }
}
