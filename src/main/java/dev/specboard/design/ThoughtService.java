package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The thinking chain: what the assistant inferred, and a user's verdict on each thought. Rejecting withdraws
 * what the thought created (an entity, a field, a relationship) and flags every thought built on it for review.
 */
@ApplicationScoped
public class ThoughtService {

    @Inject
    EntityManager em;

    /** The project's thoughts, oldest first (the order they were thought in), optionally of one status; one query. */
    public List<Thought> list(UUID projectId, String status) {
        if (status != null && !status.isBlank() && !status.equals("review") && !Thought.STATUSES.contains(status)) {
            throw ValidationException.of("status", "One of active, confirmed, revised, rejected, review");
        }
        if (status == null || status.isBlank()) {
            return Thought.<Thought>find("projectId = ?1 order by createdAt, subjectKey", projectId).list();
        }
        if (status.equals("review")) {
            return Thought.<Thought>find("projectId = ?1 and (needsReview = true or (needsAnswer = true and status = 'active')) order by createdAt, subjectKey",
                    projectId).list();
        }
        return Thought.<Thought>find("projectId = ?1 and status = ?2 order by createdAt, subjectKey", projectId, status).list();
    }

    public Thought get(UUID projectId, UUID id) {
        return Thought.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such thought in this project"));
    }

    /** A user agrees with a thought; confirming an entity's inference confirms the entity (later inferences leave it alone). */
    @Transactional
    public Thought confirm(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        Thought t = lock(access.project().id, id);
        t.decide("confirmed", null, access.accountId());
        if (t.subjectKind().equals("entity")) {
            InferredEntity.<InferredEntity>find("projectId = ?1 and inferredName = ?2", t.projectId, t.subjectName()).firstResultOptional()
                    .ifPresent(e -> e.userConfirmed = true);
        }
        return t;
    }

    /** A user corrects a thought (or answers a question) with feedback; the thought is kept as revised. */
    @Transactional
    public Thought revise(Access access, UUID id, String feedback) {
        access.requireWrite(Role.MEMBER);
        if (feedback == null || feedback.isBlank()) {
            throw ValidationException.of("feedback", "Say what is wrong or what the answer is");
        }
        if (feedback.length() > 5000) {
            throw ValidationException.of("feedback", "At most 5000 characters");
        }
        Thought t = lock(access.project().id, id);
        t.decide("revised", feedback.strip(), access.accountId());
        return t;
    }

    /** A user rejects a thought: what it created is withdrawn and the thoughts depending on it are flagged for review. */
    @Transactional
    public Thought reject(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        Thought t = lock(access.project().id, id);
        rejectLocked(access, t);
        return t;
    }

    /** Rejects a thought inside the caller's transaction; answers how many thoughts were flagged for review. */
    int rejectLocked(Access access, Thought t) {
        t.decide("rejected", null, access.accountId());
        withdraw(t);
        return flagDependents(t);
    }

    private void withdraw(Thought t) {
        String name = t.subjectName();
        switch (t.subjectKind()) {
            case "entity" -> InferredEntity.delete("projectId = ?1 and inferredName = ?2", t.projectId, name);
            case "field", "relationship" -> {
                int dot = name.indexOf('.');
                if (dot > 0) {
                    String entity = name.substring(0, dot);
                    String field = name.substring(dot + 1);
                    InferredEntity.<InferredEntity>find("projectId = ?1 and inferredName = ?2", t.projectId, entity)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().ifPresent(e -> {
                                if (t.subjectKind().equals("field")) {
                                    e.removeField(field);
                                } else {
                                    e.removeRelationshipOf(field);
                                    removeHasMany(e, field);
                                }
                            });
                }
            }
            default -> {
                // Observations, questions and assumptions created nothing to withdraw.
            }
        }
    }

    private static void removeHasMany(InferredEntity e, String target) {
        List<EntityModel.Relationship> rels = new ArrayList<>(e.relationshipList());
        if (rels.removeIf(r -> r.field() == null && target.equals(r.targetEntity()))) {
            e.relationships = DesignJson.write(rels);
        }
    }

    /** Flags every thought built on this one, directly or through others, for review; answers how many. */
    @SuppressWarnings("unchecked")
    int flagDependents(Thought t) {
        Set<UUID> seen = new HashSet<>();
        Deque<UUID> todo = new ArrayDeque<>(List.of(t.id));
        int flagged = 0;
        while (!todo.isEmpty()) {
            UUID at = todo.poll();
            List<UUID> ids = em.createNativeQuery("select id from ai_thinking_chain where project_id = ?1 and status <> 'rejected' "
                            + "and ?2 = any(depends_on)", UUID.class)
                    .setParameter(1, t.projectId).setParameter(2, at).getResultList();
            List<Thought> dependents = ids.isEmpty() ? List.of() : Thought.<Thought>list("id in ?1", ids);
            for (Thought d : dependents) {
                if (seen.add(d.id)) {
                    d.needsReview = true;
                    flagged++;
                    todo.add(d.id);
                }
            }
        }
        return flagged;
    }

    private Thought lock(UUID projectId, UUID id) {
        Thought t = get(projectId, id);
        em.refresh(t, LockModeType.PESSIMISTIC_WRITE);
        return t;
    }
}
