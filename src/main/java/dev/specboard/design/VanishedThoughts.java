package dev.specboard.design;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Takes out the thoughts an inference no longer makes, and mends the thoughts that were built on them. */
@ApplicationScoped
public class VanishedThoughts {

    @Inject
    FeatureOperations operations;

    /**
     * Deletes the thoughts of {@code thoughts} that {@code vanished} picks (undecided ones the mockups no longer support),
     * then mends the thoughts built on them, inside the caller's transaction. Without this, a feature's operation inferred
     * from a form stayed active on an entity whose thought was gone, naming a thought that no longer existed, and the
     * feature kept creating an entity no page showed. So: an undecided data operation inferred from pages goes the way of
     * its entity (and out of its feature); any other thought built on a vanished one drops the link and, unless the
     * inference made it again just now ({@code remade}), is flagged for review, as when a user rejects what it built on.
     */
    void prune(Collection<Thought> thoughts, Predicate<Thought> vanished, Predicate<Thought> remade) {
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
                    operations.withdraw(t.projectId, t.subjectName());
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
}
