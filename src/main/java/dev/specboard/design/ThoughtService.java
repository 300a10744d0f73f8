package dev.specboard.design;

import dev.specboard.kernel.Ids;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thinking chain: what the assistant inferred, and a user's verdict on each thought. Rejecting withdraws
 * what the thought created (an entity, a field, a relationship; not an entity a member confirmed) and flags every
 * thought built on it for review.
 */
@ApplicationScoped
public class ThoughtService {

    /** How a token thought names its colour; renaming the colour rewrites it. */
    private static final Pattern NAMED = Pattern.compile("\\(named [^)]*\\)");

    @Inject
    EntityManager em;

    @Inject
    DesignSystemService designSystems;

    @Inject
    FeatureService features;

    @Inject
    FeatureOperations operations;

    @Inject
    PageService pages;

    @Inject
    JourneyNodeService journeyNodes;

    /**
     * Links to what each thought came from, by thought id, with the names as they are now; a source deleted since keeps
     * its recorded name and no link. One query per kind of source among the thoughts, whatever their number.
     */
    public Map<UUID, List<SourceRef>> sources(Access access, List<Thought> thoughts) {
        Map<String, Set<UUID>> idsByKind = new HashMap<>();
        for (Thought t : thoughts) {
            if (t.sourceKind != null) {
                idsByKind.computeIfAbsent(t.sourceKind, k -> new HashSet<>()).addAll(t.sourceIds);
            }
        }
        String base = "/projects/" + access.slug();
        Map<String, Map<UUID, SourceRef>> found = new HashMap<>();
        idsByKind.forEach((kind, ids) -> {
            Map<UUID, SourceRef> refs = found.computeIfAbsent(kind, k -> new HashMap<>());
            for (Object[] r : em.createQuery(switch (kind) {
                case "page" -> "select p.id, p.name, p.id, 0 from Page p where p.projectId = :p and p.id in :ids";
                case "mockup" -> "select m.id, p.name, p.id, m.version from Mockup m join Page p on p.id = m.pageId where p.projectId = :p and m.id in :ids";
                case "feature" -> "select f.id, f.name, f.id, 0 from Feature f where f.projectId = :p and f.id in :ids";
                case "journey" -> "select j.id, j.name, j.id, 0 from JourneyFlow j where j.projectId = :p and j.id in :ids";
                default -> throw new IllegalStateException("Unknown thought source kind " + kind);
            }, Object[].class).setParameter("p", access.project().id).setParameter("ids", ids).getResultList()) {
                UUID id = (UUID) r[0];
                int version = ((Number) r[3]).intValue();
                String name = kind.equals("mockup") ? ThoughtSource.mockupName((String) r[1], version) : (String) r[1];
                String url = base + switch (kind) {
                    case "page" -> "/pages/" + id;
                    case "mockup" -> "/pages/" + r[2] + "/mockups/" + version;
                    case "feature" -> "/features/" + id;
                    default -> "/journeys/" + id;
                };
                refs.put(id, new SourceRef(kind, id, name, url));
            }
        });
        Map<UUID, List<SourceRef>> out = new HashMap<>();
        for (Thought t : thoughts) {
            if (t.sourceKind == null) {
                continue;
            }
            List<SourceRef> refs = new ArrayList<>();
            for (int i = 0; i < t.sourceIds.size(); i++) {
                UUID id = t.sourceIds.get(i);
                SourceRef ref = found.getOrDefault(t.sourceKind, Map.of()).get(id);
                refs.add(ref != null ? ref : new SourceRef(t.sourceKind, id, i < t.sourceNames.size() ? t.sourceNames.get(i) : "", null));
            }
            out.put(t.id, refs);
        }
        return out;
    }

    /** A thought's source in words, the same way everywhere: "page Home", "pages Home, Lessons", "journey Sign in"; else its old text. */
    public static String describe(Thought t, List<SourceRef> refs) {
        if (refs == null || refs.isEmpty()) {
            return t.sourceDescription;
        }
        return label(refs) + " " + String.join(", ", refs.stream().map(SourceRef::name).toList());
    }

    /** The word before a source's names: its kind, plural for more than one. */
    public static String label(List<SourceRef> refs) {
        return refs.get(0).kind() + (refs.size() > 1 ? "s" : "");
    }

    public Thought get(UUID projectId, UUID id) {
        return Thought.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such thought in this project"));
    }

    /**
     * A user agrees with a thought as they saw it ({@code seen}: its version; null from an API caller, refused only when
     * someone else decided on it); confirming an entity's inference confirms the entity (later inferences leave it alone).
     */
    @Transactional
    public Thought confirm(Access access, UUID id, Integer seen) {
        access.requireWrite(Role.MEMBER);
        Thought t = lock(access.project().id, id);
        t.requireSeen(seen, access.accountId(), "confirmed");
        t.decide("confirmed", null, access.accountId());
        if (t.subjectKind().equals("token")) {
            designSystems.confirmColor(t.projectId, t.subjectName(), null);
        }
        if (t.subjectKind().equals("entity")) {
            InferredEntity.<InferredEntity>find("projectId = ?1 and inferredName = ?2", t.projectId, t.subjectName()).firstResultOptional()
                    .ifPresent(e -> e.change(access.accountId(), () -> e.userConfirmed = true));
        }
        return t;
    }

    /**
     * A user corrects a thought (or answers a question) with feedback; the thought is kept as revised. Answering an entity's
     * question that its page is still to be designed puts a placeholder page for it in the page tree; answering that a
     * journey's branch goes on to a screen connects it there, and that the journey ends there leads it to the journey's
     * end step. {@code seen} as for {@link #confirm}.
     */
    @Transactional
    public Thought revise(Access access, UUID id, String feedback, Integer seen) {
        access.requireWrite(Role.MEMBER);
        if (feedback == null || feedback.isBlank()) {
            throw ValidationException.of("feedback", "Say what is wrong or what the answer is");
        }
        if (dev.specboard.web.Chars.Check.over(feedback, 5000)) {
            throw ValidationException.of("feedback", "At most 5000 characters");
        }
        Thought t = lock(access.project().id, id);
        t.requireSeen(seen, access.accountId(), "revised");
        java.util.Optional<BranchQuestions.Answer> connection = BranchQuestions.answer(t, feedback.strip());
        t.decide("revised", feedback.strip(), access.accountId());
        connection.ifPresent(a -> journeyNodes.answer(access, a));
        if (t.answeredWithAPageToDesign()) {
            // The answer names a page nobody designed yet: it gets a placeholder in the page tree, to be designed.
            pages.placeholder(access, t.subjectName());
        }
        return t;
    }

    /**
     * A user rejects a thought: what it created is withdrawn and the thoughts depending on it are flagged for review. An
     * entity a member confirmed, renamed or edited stays (a person decided on it; removing it on the entities page still
     * withdraws it), but the thoughts built on the rejected one are flagged all the same: they rest on an inference a
     * person now says is wrong, whatever the entity is called since. {@code seen} as for {@link #confirm}: a Reject on a
     * page opened before a colleague's Confirm does not undo it.
     */
    @Transactional
    public Thought reject(Access access, UUID id, Integer seen) {
        access.requireWrite(Role.MEMBER);
        Thought t = lock(access.project().id, id);
        t.requireSeen(seen, access.accountId(), "rejected");
        if (InferredEntity.keptOnReject(t).isPresent()) {
            t.decide("rejected", null, access.accountId());
            flagDependents(t);
        } else {
            rejectLocked(access, t);
        }
        return t;
    }

    /** Rejects a thought inside the caller's transaction; answers how many thoughts were flagged for review. */
    int rejectLocked(Access access, Thought t) {
        t.decide("rejected", null, access.accountId());
        withdraw(t, access.accountId());
        return flagDependents(t);
    }

    /** Takes out what the thought made, as a new version of its entity or feature saved {@code by} the member rejecting it. */
    private void withdraw(Thought t, UUID by) {
        String name = t.subjectName();
        switch (t.subjectKind()) {
            case "entity" -> InferredEntity.delete("projectId = ?1 and inferredName = ?2", t.projectId, name);
            case "field", "relationship" -> {
                int dot = name.indexOf('.');
                if (dot > 0) {
                    String entity = name.substring(0, dot);
                    String field = name.substring(dot + 1);
                    InferredEntity.<InferredEntity>find("projectId = ?1 and inferredName = ?2", t.projectId, entity)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().ifPresent(e -> e.change(by, () -> {
                                if (t.subjectKind().equals("field")) {
                                    e.removeField(field);
                                } else {
                                    e.removeRelationshipOf(field);
                                    removeHasMany(e, field);
                                }
                            }));
                }
            }
            case "token" -> designSystems.withdrawColor(t.projectId, name);
            case "operation" -> operations.withdraw(t.projectId, name, by);
            case "feature" -> withdrawFeature(t.projectId, name);
            default -> {
                // Observations, questions and assumptions created nothing to withdraw.
            }
        }
    }

    /** Takes a feature detected from the mockups ({@code Entity/featureId}) out again, with its links to stories (which stay). */
    private void withdrawFeature(UUID projectId, String name) {
        UUID featureId = Ids.parseOrNull(name.substring(name.lastIndexOf('/') + 1));
        Feature.inProject(projectId, featureId).filter(f -> f.detectedFromMockups).ifPresent(f -> features.remove(f, null));
    }

    /**
     * Records (or refreshes) a thought in the caller's transaction unless a user decided on it already; {@code bySubject}
     * holds the project's thoughts by subject key ({@link Thought#key}) and learns the new one.
     */
    static Thought upsert(UUID projectId, Map<String, Thought> bySubject, String subject, String type, String reasoning, double confidence,
                          ThoughtSource source, List<UUID> dependsOn) {
        String key = Thought.key(subject);
        Thought t = bySubject.get(key);
        if (t == null) {
            t = new Thought();
            t.projectId = projectId;
            t.subjectKey = key;
            t.thoughtType = type;
            bySubject.put(key, t);
        } else if (t.decided()) {
            return t;
        }
        t.reasoning = reasoning.length() > 5000 ? reasoning.substring(0, 5000) : reasoning;
        t.confidence = Math.max(0, Math.min(1, confidence));
        t.source(source);
        t.dependsOn = new ArrayList<>(dependsOn);
        if (!t.isPersistent()) {
            t.persist();
        }
        return t;
    }

    /**
     * The project's thoughts about one kind of subject whose key starts with {@code prefix}, by subject key; one query.
     * A long subject's key keeps only its start, so a longer prefix could miss it.
     */
    static Map<String, Thought> bySubjectPrefix(UUID projectId, String prefix) {
        if (prefix.length() > Thought.MAX_PREFIX) {
            throw new IllegalArgumentException("A subject prefix longer than a key keeps: " + prefix.length());
        }
        Map<String, Thought> out = new HashMap<>();
        for (Thought t : Thought.<Thought>list("projectId = ?1 and subjectKey like ?2", projectId, prefix.replace("%", "\\%").replace("_", "\\_") + "%")) {
            out.put(t.subjectKey, t);
        }
        return out;
    }

    /**
     * A member renamed a colour: its token thought reads the new name, decided or not, as the design system does (a
     * recompute rewrites only undecided thoughts, so a confirmed one kept the name suggested first).
     */
    static void tokenRenamed(UUID projectId, String hex, String name) {
        Thought.bySubject(projectId, "token:" + hex).filter(t -> t.reasoning != null)
                .ifPresent(t -> t.reasoning = NAMED.matcher(t.reasoning).replaceFirst(Matcher.quoteReplacement("(named " + name + ")")));
    }

    /** The most colour tokens one recompute proposes as thoughts, the most used first; one more thought sums up the rest. */
    static final int TOKEN_THOUGHTS = 200;

    /** The thought summing up the colours a recompute did not propose one by one (see {@link #TOKEN_THOUGHTS}). */
    static final String MORE_COLOURS = "colours:unproposed";

    /**
     * After a recompute: one inference per colour token extracted from the mockups, up to {@link #TOKEN_THOUGHTS} of
     * the most used (rejecting one withdraws the token), and one observation counting the colours beyond them, which stay
     * tokens of the design system; undecided thoughts about colours the mockups no longer use, or not proposed, go. A
     * mockup of thousands of colours made thousands of thoughts in one transaction, and the chain no one could review.
     * Runs in the worker's transaction.
     */
    void recordTokens(UUID projectId, DesignTokens.Tokens tokens, Map<String, ThoughtSource.PageName> pagesByName) {
        Map<String, Thought> bySubject = bySubjectPrefix(projectId, "token:");
        Set<String> produced = new HashSet<>();
        Set<String> unproposedPages = new java.util.LinkedHashSet<>();
        int unproposed = 0;
        for (var e : tokens.colors().entrySet()) {
            DesignTokens.ColorToken c = e.getValue();
            String subject = "token:" + c.value();
            if (produced.size() >= TOKEN_THOUGHTS) {
                // A colour a member decided on already keeps its thought; the others wait in the count.
                Thought decided = bySubject.get(Thought.key(subject));
                if (decided != null && decided.decided()) {
                    continue;
                }
                unproposed++;
                unproposedPages.addAll(c.pages());
                continue;
            }
            String where = c.contexts().isEmpty() ? "" : " for " + String.join(", ", c.contexts());
            upsert(projectId, bySubject, subject, "inference", c.value() + " is a colour of the design system (named " + e.getKey() + "): the mockups use it "
                            + c.usageCount() + (c.usageCount() == 1 ? " time" : " times") + where + " on " + String.join(", ", c.pages()) + ".",
                    Math.min(0.95, 0.4 + 0.15 * c.pages().size() + 0.02 * c.usageCount()), ThoughtSource.pages(List.copyOf(c.pages()), pagesByName), List.of());
            produced.add(Thought.key(subject));
        }
        bySubject.values().stream().filter(t -> !produced.contains(t.subjectKey) && !t.decided()).forEach(Thought::delete);
        Map<String, Thought> more = bySubjectPrefix(projectId, MORE_COLOURS);
        if (unproposed > 0) {
            List<String> pages = List.copyOf(unproposedPages);
            upsert(projectId, more, MORE_COLOURS, "observation", "The mockups use " + unproposed + " more colours, each used no more than the "
                            + TOKEN_THOUGHTS + " proposed one by one: they are tokens of the design system too, but too many to review one "
                            + "by one; merging them into the proposed colours, or using fewer in the mockups, makes the palette reviewable.",
                    0.9, ThoughtSource.pages(pages, pagesByName), List.of());
        } else {
            more.values().stream().filter(t -> !t.decided()).forEach(Thought::delete);
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
        // An inference rewrites the project's thoughts (leads_to of every one, whole rows): let it finish first.
        InferredEntity.lockInference(projectId);
        Thought t = get(projectId, id);
        if ("token".equals(t.subjectKind())) {
            // The design-system worker locks the design system, then writes its token thoughts: same order here.
            designSystems.lock(projectId);
        }
        BranchQuestions.lockJourney(t, em); // an answer may connect the branch: the journey's edits lock it before its questions
        em.refresh(t, LockModeType.PESSIMISTIC_WRITE);
        return t;
    }
}
