package dev.specboard.design;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One inference of the project's entities from its current mockups, for {@link EntityService}: each observation,
 * entity, field, relationship and open question recorded as a thought, the entities saved, and what was built on
 * inferences the mockups no longer support flagged; confirmed entities and rejected thoughts stay as they are.
 */
@ApplicationScoped
public class EntityInferenceRun {

    private static final Set<String> KINDS = Set.of("observation", "entity", "field", "relationship", "question");

    @Inject
    MockupService mockups;

    @Inject
    ChainUpkeep upkeep;

    /** Runs the inference in the caller's transaction, one per project at a time. */
    void run(UUID projectId) {
        // One inference per project at a time, whichever instance or request runs it.
        InferredEntity.lockInference(projectId);
        List<MockupService.CurrentMockup> current = mockups.current(projectId, null);
        List<EntityInference.PageInput> inputs = current.stream().map(c -> new EntityInference.PageInput(c.path(), c.name(), c.html())).toList();
        // The inference names pages by path; its thoughts link them.
        Map<String, ThoughtSource.PageName> pages = new HashMap<>();
        Map<String, MockupService.CurrentMockup> mockupsByPath = new HashMap<>();
        for (MockupService.CurrentMockup c : current) {
            pages.put(c.path(), new ThoughtSource.PageName(c.pageId(), c.name()));
            mockupsByPath.put(c.path(), c);
        }
        EntityInference.Model model = EntityInference.infer(inputs);

        Map<String, Thought> bySubject = Thought.bySubjectKey(projectId);
        Map<String, InferredEntity> existing = new HashMap<>();
        Set<String> takenNames = new HashSet<>();
        // The inference names entities as the mockups do; relationships point at the names people gave them instead.
        Map<String, String> namedNow = new HashMap<>();
        for (InferredEntity e : InferredEntity.listByProject(projectId)) {
            existing.put(e.inferredName, e);
            takenNames.add(e.entityName);
            namedNow.put(e.inferredName, e.entityName);
        }
        Set<String> produced = new HashSet<>();
        Map<String, UUID> observationIds = new HashMap<>();
        for (EntityInference.Observation o : model.observations()) {
            Thought t = ThoughtService.upsert(projectId, bySubject, o.key(), "observation", o.description(), 0.9, mockupSource(mockupsByPath.get(o.page())), List.of());
            produced.add(t.subjectKey);
            observationIds.put(o.key(), t.id);
        }
        // Which entities hold a relationship to each one: an entity never entered anywhere may be part of one of them.
        Map<String, Set<String>> heldBy = new HashMap<>();
        for (EntityInference.Result r : model.entities()) {
            r.relationships().forEach(rel -> heldBy.computeIfAbsent(rel.targetEntity(), k -> new java.util.TreeSet<>()).add(r.name()));
        }
        Set<String> keptEntities = new HashSet<>();
        for (EntityInference.Result r : model.entities()) {
            String subject = "entity:" + r.name();
            Thought prior = bySubject.get(Thought.key(subject));
            if (prior != null && "rejected".equals(prior.status)) {
                continue;
            }
            List<UUID> fromObservations = r.observations().stream().map(observationIds::get).filter(java.util.Objects::nonNull).distinct().toList();
            Thought et = ThoughtService.upsert(projectId, bySubject, subject, "inference", entityReasoning(r), r.confidence(),
                    ThoughtSource.pages(r.pages(), pages), fromObservations);
            produced.add(et.subjectKey);
            keptEntities.add(r.name());
            InferredEntity e = existing.get(r.name());
            if (e == null && takenNames.contains(r.name())) {
                // A user renamed another entity to this name: theirs wins.
                continue;
            }
            if (e != null && e.userConfirmed) {
                produced.addAll(bySubject.keySet().stream().filter(k -> k.startsWith("field:" + r.name() + ".")
                        || k.startsWith("relationship:" + r.name() + ".") || k.equals(Thought.key("question:" + r.name()))).toList());
                continue;
            }
            Map<String, EntityModel.Field> fields = new LinkedHashMap<>();
            Map<String, UUID> fieldThoughts = new HashMap<>();
            for (EntityInference.FieldResult fr : r.fields().values()) {
                String fs = "field:" + r.name() + "." + fr.name();
                Thought ft = bySubject.get(Thought.key(fs));
                if (ft != null && "rejected".equals(ft.status)) {
                    continue;
                }
                List<UUID> deps = new ArrayList<>(List.of(et.id));
                fr.observations().stream().map(observationIds::get).filter(java.util.Objects::nonNull).distinct().forEach(deps::add);
                ft = ThoughtService.upsert(projectId, bySubject, fs, "inference", fieldReasoning(r.name(), fr), fr.field().confidenceOr0(),
                        ThoughtSource.pages(fr.field().inferredFrom(), pages), deps);
                produced.add(ft.subjectKey);
                fieldThoughts.put(fr.name(), ft.id);
                fields.put(fr.name(), fr.field());
            }
            List<EntityModel.Relationship> relationships = new ArrayList<>();
            for (EntityModel.Relationship rel : r.relationships()) {
                if (rel.field() != null && !fields.containsKey(rel.field())) {
                    continue;
                }
                String rs = "relationship:" + r.name() + "." + (rel.field() != null ? rel.field() : rel.targetEntity());
                Thought rt = bySubject.get(Thought.key(rs));
                if (rt != null && "rejected".equals(rt.status)) {
                    continue;
                }
                rt = ThoughtService.upsert(projectId, bySubject, rs, "inference", r.name() + " " + rel.type().replace('_', ' ') + " " + rel.targetEntity()
                                + (rel.field() != null ? ": the select " + rel.field() + " offers " + rel.targetEntity() + " records." : ": a list of "
                                + rel.targetEntity() + " sits inside it."), 0.6, ThoughtSource.pages(rel.inferredFrom(), pages),
                        List.of(rel.field() != null ? fieldThoughts.get(rel.field()) : et.id));
                produced.add(rt.subjectKey);
                relationships.add(InferredEntity.retargeted(rel, rel.targetEntity(), namedNow.getOrDefault(rel.targetEntity(), rel.targetEntity())));
            }
            if (r.crud().create().isEmpty() && r.crud().update().isEmpty()) {
                // Shown but never entered anywhere: the mockups cannot tell where its records come from.
                String qs = "question:" + r.name();
                Thought q = ThoughtService.upsert(projectId, bySubject, qs, "question", r.name() + " is shown on " + String.join(", ", r.pages())
                        + " but no mockup has a form that creates or edits it. Where do its records come from, or is it part of another entity?",
                        r.confidence(), ThoughtSource.pages(r.pages(), pages), List.of(et.id));
                if (!q.decided()) {
                    q.needsAnswer = true;
                    q.offer(sourcesOf(r.name(), heldBy.getOrDefault(r.name(), Set.of())));
                }
                produced.add(q.subjectKey);
            }
            List<Object> before = e == null ? List.of() : e.content();
            if (e == null) {
                e = new InferredEntity();
                e.projectId = projectId;
                e.inferredName = r.name();
                e.entityName = r.name();
                takenNames.add(r.name());
            }
            e.pluralName = r.plural();
            e.fields = DesignJson.write(fields);
            e.relationships = DesignJson.write(relationships);
            e.crudLocations = DesignJson.write(r.crud());
            e.confidenceScore = r.confidence();
            e.description = "Inferred from " + String.join(", ", r.pages()) + "." + EntityInference.omissions(r);
            // Written in the background: a member's stale rename then names the assistant, not whoever changed a mockup.
            e.savedBy(before, null);
            if (!e.isPersistent()) {
                e.persist();
            }
        }
        // What the mockups no longer show goes, unless a user confirmed it.
        for (InferredEntity e : existing.values()) {
            if (!e.userConfirmed && !keptEntities.contains(e.inferredName)) {
                e.delete();
            }
        }
        upkeep.afterInference(projectId, bySubject.values(), t -> !produced.contains(t.subjectKey) && !t.decided() && KINDS.contains(t.subjectKind()),
                t -> produced.contains(t.subjectKey), model, current);
    }

    /** An observation's source: the page's mockup version it read. */
    private static ThoughtSource mockupSource(MockupService.CurrentMockup c) {
        return c == null ? null : ThoughtSource.of("mockup", c.mockupId(), ThoughtSource.mockupName(c.name(), c.version()));
    }

    private static String entityReasoning(EntityInference.Result r) {
        List<String> how = new ArrayList<>();
        if (!r.crud().create().isEmpty()) {
            how.add("created on " + String.join(", ", r.crud().create()));
        }
        if (!r.crud().read().isEmpty()) {
            how.add("listed on " + String.join(", ", r.crud().read()));
        }
        if (!r.crud().update().isEmpty()) {
            how.add("edited on " + String.join(", ", r.crud().update()));
        }
        if (!r.crud().delete().isEmpty()) {
            how.add("deleted on " + String.join(", ", r.crud().delete()));
        }
        return "The app stores " + r.name() + ": it is " + String.join("; ", how) + (r.pages().size() > 1 ? " (" + r.pages().size() + " pages agree)." : ".")
                + EntityInference.omissions(r);
    }

    /** The answers offered to "where do its records come from": part of an entity that refers to it, imported, or a page to come. */
    static List<String> sourcesOf(String entity, Set<String> heldBy) {
        List<String> choices = new ArrayList<>();
        heldBy.stream().filter(h -> !h.equals(entity)).limit(3).forEach(h -> choices.add(entity + " is part of " + h + ": it is entered with it."));
        choices.add("Its records are imported or seeded: nobody enters them in the app.");
        choices.add(toDesign(entity));
        return choices;
    }

    /** The answer to "where do its records come from" that makes a placeholder page for entering the entity. */
    static String toDesign(String entity) {
        return "A page that creates and edits " + entity + " is still to be designed.";
    }

    private static String fieldReasoning(String entity, EntityInference.FieldResult fr) {
        EntityModel.Field f = fr.field();
        return entity + "." + fr.name() + " is " + ("aeiou".indexOf(f.type().charAt(0)) >= 0 ? "an " : "a ") + f.type()
                + (f.mandatory() ? ", required" : "") + (f.options().isEmpty() ? "" : " (" + String.join(", ", f.options()) + ")")
                + (f.label() == null ? "" : ", labelled \u201c" + f.label() + "\u201d") + "; seen on " + String.join(", ", f.inferredFrom()) + ".";
    }
}
