package dev.specboard.design;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Infers a feature's data operations from the forms, lists and cards of its pages' mockups and from its business rules. */
@ApplicationScoped
public class FeatureOperations {

    private static final Map<String, java.util.regex.Pattern> RULE_VERBS = Map.of(
            "creates", java.util.regex.Pattern.compile("\\b(create|creates|add|adds|submit|submits|register|registers|post|posts|upload|uploads)\\b"),
            "reads", java.util.regex.Pattern.compile("\\b(view|views|see|sees|list|lists|read|reads|browse|browses|search|searches|show|shows)\\b"),
            "updates", java.util.regex.Pattern.compile("\\b(edit|edits|update|updates|change|changes|rename|renames)\\b"),
            "deletes", java.util.regex.Pattern.compile("\\b(delete|deletes|remove|removes|archive|archives)\\b"));

    @Inject
    MockupService mockups;

    @Inject
    jakarta.persistence.EntityManager em;

    /**
     * Infers the feature's data operations from the forms, lists and cards in its pages' current mockups and from the
     * entities its business rules name with a verb; each operation never inferred before is added to the feature and
     * recorded as a thought (rejecting it takes the operation out again). Runs in the caller's transaction; answers
     * the thoughts recorded.
     */
    List<Thought> infer(Feature f, UUID wizardRunId, java.util.Set<String> declined, UUID by) {
        List<InferredOperation> guesses = suggest(f.projectId, f.affectedPages, f.businessRuleList(), f.name);
        if (guesses.isEmpty()) {
            return new ArrayList<>();
        }
        return record(f, guesses, ThoughtService.bySubjectPrefix(f.projectId, "operation:" + f.id + "."),
                ThoughtService.bySubjectPrefix(f.projectId, "entity:"), wizardRunId, declined, by);
    }

    /**
     * After an inference read the mockups again ({@code model}, of the {@code current} mockups): a feature drawn on pages
     * gets each operation its pages' forms, lists and cards show that it never had, so one withdrawn when its form went
     * comes back with the form; a feature detected from the mockups keeps what it was found with, and a decision on an
     * operation stays. Nothing is parsed again, and a fixed number of queries whatever the features' number (and a lock
     * on each feature that changes); in the inference's transaction.
     */
    void followMockups(UUID projectId, EntityInference.Model model, List<MockupService.CurrentMockup> current) {
        Map<UUID, String> pathById = new java.util.HashMap<>();
        Map<String, ThoughtSource.PageName> byPath = new java.util.HashMap<>();
        current.forEach(c -> {
            pathById.put(c.pageId(), c.path());
            byPath.put(c.path(), new ThoughtSource.PageName(c.pageId(), c.name()));
        });
        Map<String, Thought> known = null;
        Map<String, Thought> entityThoughts = null;
        for (Feature f : Feature.<Feature>list("projectId = ?1 and detectedFromMockups = false", projectId)) {
            java.util.Set<String> paths = new java.util.HashSet<>();
            f.affectedPages.stream().map(pathById::get).filter(java.util.Objects::nonNull).forEach(paths::add);
            if (paths.isEmpty()) {
                continue;
            }
            if (known == null) {
                known = ThoughtService.bySubjectPrefix(projectId, "operation:");
                entityThoughts = ThoughtService.bySubjectPrefix(projectId, "entity:");
            }
            Map<String, Thought> seen = known;
            // The inference of all pages, narrowed to the feature's: each page's forms, lists and cards speak for it alone.
            List<InferredOperation> fresh = operations(model, paths, byPath, f.name).values().stream()
                    .filter(g -> !seen.containsKey(Thought.key("operation:" + f.id + "." + g.key()))).toList();
            if (!fresh.isEmpty()) {
                // A person may be saving the feature right now: take its row, and tell their stale form by the version.
                em.refresh(f, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                Feature.DataOperations before = f.operations();
                record(f, fresh, known, entityThoughts, null, java.util.Set.of(), null);
                f.savedByAssistant(before);
            }
        }
    }

    /** Adds each operation never inferred before to the feature and records it as a thought built on its entity's. */
    private static List<Thought> record(Feature f, List<InferredOperation> guesses, Map<String, Thought> known, Map<String, Thought> entityThoughts,
                                        UUID wizardRunId, java.util.Set<String> declined, UUID by) {
        List<Thought> recorded = new ArrayList<>();
        Feature.DataOperations ops = f.operations();
        for (InferredOperation g : guesses) {
            String subject = "operation:" + f.id + "." + g.key();
            if (known.containsKey(Thought.key(subject))) {
                continue;
            }
            Thought entityThought = entityThoughts.get(Thought.key("entity:" + g.entity()));
            Thought t = ThoughtService.upsert(f.projectId, known, subject, "inference", g.reason(), g.pages() != null ? 0.7 : 0.55,
                    g.pages() != null ? g.pages() : ThoughtSource.of("feature", f.id, f.name), entityThought == null ? List.of() : List.of(entityThought.id));
            t.wizardRunId = wizardRunId;
            if (entityThought != null && !entityThought.leadsTo.contains(t.id)) {
                List<UUID> leads = new ArrayList<>(entityThought.leadsTo);
                leads.add(t.id);
                entityThought.leadsTo = leads;
            }
            if (declined.contains(g.key())) {
                // Left out by the person who built the feature: recorded as rejected so it is not inferred again.
                t.decide("rejected", "Left out in the feature builder", by);
            } else {
                ops = ops.with(g.op(), g.entity());
            }
            recorded.add(t);
        }
        f.dataOperations = DesignJson.write(ops);
        return recorded;
    }

    /**
     * Takes an inferred data operation ({@code featureId.op.Entity}, a thought's subject) out of its feature, in the caller's
     * transaction: a new version saved {@code by} the member who rejected it, or by the assistant (null) when an inference did.
     */
    void withdraw(UUID projectId, String name, UUID by) {
        String[] parts = name.split("\\.", 3);
        UUID featureId = parts.length == 3 ? dev.specboard.kernel.Ids.parseOrNull(parts[0]) : null;
        Feature.inProject(projectId, featureId).ifPresent(f -> {
            em.refresh(f, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Feature.DataOperations before = f.operations();
            f.dataOperations = DesignJson.write(before.without(parts[1], parts[2]));
            if (by == null) {
                f.savedByAssistant(before);
            } else {
                f.version++;
                f.savedBy(by);
            }
        });
    }

    /**
     * The data operations a feature's pages and rules suggest: what the forms, lists and cards in the pages' current
     * mockups create, read, update and delete, and the entities its business rules name with a verb.
     */
    public List<InferredOperation> suggest(UUID projectId, List<UUID> pageIds, List<String> rules, String featureName) {
        List<MockupService.CurrentMockup> current = pageIds.isEmpty() ? List.of() : mockups.current(projectId, null).stream()
                .filter(c -> pageIds.contains(c.pageId())).toList();
        Map<String, InferredOperation> out = fromPages(current, featureName);
        java.util.Set<String> entityNames = new java.util.LinkedHashSet<>();
        out.values().forEach(g -> entityNames.add(g.entity()));
        InferredEntity.<InferredEntity>list("projectId", projectId).forEach(e -> entityNames.add(e.entityName));
        for (String rule : rules) {
            String lower = rule.toLowerCase(Locale.ROOT);
            for (String entity : entityNames) {
                String e = entity.toLowerCase(Locale.ROOT);
                if (!java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(e) + "(s|es)?\\b").matcher(lower).find()) {
                    continue;
                }
                RULE_VERBS.forEach((op, verbs) -> {
                    if (verbs.matcher(lower).find() && !out.containsKey(op + "." + entity)) {
                        out.put(op + "." + entity, new InferredOperation(op, entity, featureName + " " + op + " " + entity
                                + ": the business rule \u201c" + rule + "\u201d says so.", "business rule: " + rule));
                    }
                });
            }
        }
        return new ArrayList<>(out.values());
    }

    /** What the forms, lists and cards of these current mockups create, read, update and delete, by operation key. */
    private static Map<String, InferredOperation> fromPages(List<MockupService.CurrentMockup> current, String featureName) {
        if (current.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, ThoughtSource.PageName> byPath = new java.util.HashMap<>();
        current.forEach(c -> byPath.put(c.path(), new ThoughtSource.PageName(c.pageId(), c.name())));
        EntityInference.Model model = EntityInference.infer(current.stream().map(c -> new EntityInference.PageInput(c.path(), c.name(), c.html())).toList());
        return operations(model, byPath.keySet(), byPath, featureName);
    }

    /** The operations an inference found on the pages of {@code paths}, by operation key. */
    private static Map<String, InferredOperation> operations(EntityInference.Model model, java.util.Set<String> paths,
                                                             Map<String, ThoughtSource.PageName> byPath, String featureName) {
        Map<String, InferredOperation> out = new LinkedHashMap<>();
        for (EntityInference.Result r : model.entities()) {
            EntityModel.CrudLocations crud = r.crud();
            Map<String, List<String>> byOp = Map.of("creates", crud.create(), "reads", crud.read(), "updates", crud.update(), "deletes", crud.delete());
            for (String op : Feature.OPERATIONS) {
                List<String> on = byOp.get(op).stream().filter(paths::contains).toList();
                if (!on.isEmpty()) {
                    InferredOperation g = new InferredOperation(op, r.name(), featureName + " " + op + " " + r.name() + ": " + verbPhrase(op) + " "
                            + r.name() + " on " + String.join(", ", on) + ".", "pages " + String.join(", ", on), ThoughtSource.pages(on, byPath));
                    out.put(g.key(), g);
                }
            }
        }
        return out;
    }

    private static String verbPhrase(String op) {
        return switch (op) {
            case "creates" -> "a form creates";
            case "reads" -> "a list or cards show";
            case "updates" -> "a form edits";
            default -> "an action deletes";
        };
    }
}
