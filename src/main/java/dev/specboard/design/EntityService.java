package dev.specboard.design;

import dev.specboard.kernel.Role;
import dev.specboard.project.Access;
import dev.specboard.web.ApiException;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;
import dev.specboard.web.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Inferred entities: reading the current mockups again (as a job after every mockup change, or on request),
 * recording each inference as a thought, and a user's confirmations, renames and removals, which later
 * inferences respect.
 */
@ApplicationScoped
public class EntityService {

    private static final Pattern ENTITY_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,99}$");
    private static final Pattern FIELD_NAME = Pattern.compile("^[a-z][a-z0-9_]{0," + (EntityInference.MAX_FIELD - 1) + "}$");
    private static final Set<String> KINDS = Set.of("observation", "entity", "field", "relationship", "question");

    @Inject
    EntityManager em;

    @Inject
    MockupService mockups;

    @Inject
    ThoughtService thoughts;

    @Inject
    ChainUpkeep upkeep;

    /** The project's entities, most certain first; one query. */
    public List<InferredEntity> list(UUID projectId) {
        return InferredEntity.<InferredEntity>find("projectId = ?1 order by confidenceScore desc, entityName", projectId).list();
    }

    /**
     * One page of the entities page ({@code page} null: the first; a refused form's entity: its page), with the thought
     * behind each entity and the picture and DDL of the whole model; a fixed number of queries.
     */
    public EntityListView page(Access access, Integer page, EntityListView.Failure failed, FormErrors errors) {
        List<InferredEntity> all = list(access.project().id);
        PageNumbers at = PageNumbers.of(failed == null ? page : Integer.valueOf(EntityListView.pageOf(all, failed.entity())), all.size(),
                EntityListView.PAGE_SIZE);
        EntityPicture.Drawn picture = EntityPicture.draw(all, access.slug(), at);
        return new EntityListView(access, all, at, thoughtsBySubject(access.project().id), picture.svg(), picture.key(),
                EntityDdl.ddl(all), failed, errors);
    }

    /** An observation's source: the page's mockup version it read. */
    private static ThoughtSource mockupSource(MockupService.CurrentMockup c) {
        return c == null ? null : ThoughtSource.of("mockup", c.mockupId(), ThoughtSource.mockupName(c.name(), c.version()));
    }

    private static Map<String, Thought> thoughtsBySubject(UUID projectId) {
        Map<String, Thought> bySubject = new HashMap<>();
        for (Thought t : Thought.<Thought>list("projectId = ?1 and subjectKey is not null", projectId)) {
            bySubject.put(t.subjectKey, t);
        }
        return bySubject;
    }

    public InferredEntity get(UUID projectId, UUID id) {
        return InferredEntity.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such entity in this project"));
    }

    /** Reads every current mockup again now and answers the entities; confirmed entities and rejected inferences stay as they are. */
    @Transactional
    public List<InferredEntity> infer(Access access) {
        access.requireWrite(Role.MEMBER);
        run(access.project().id);
        return list(access.project().id);
    }

    /** The job's part: the same inference, run after a mockup of the project changed, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inferInJob(UUID projectId) {
        run(projectId);
    }

    private void run(UUID projectId) {
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

        Map<String, Thought> bySubject = thoughtsBySubject(projectId);
        Map<String, InferredEntity> existing = new HashMap<>();
        Set<String> takenNames = new HashSet<>();
        // The inference names entities as the mockups do; relationships point at the names people gave them instead.
        Map<String, String> namedNow = new HashMap<>();
        for (InferredEntity e : list(projectId)) {
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

    /** A user confirms an entity: later inferences leave it (and its fields) as it is. */
    @Transactional
    public InferredEntity confirm(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        InferredEntity e = lock(access.project().id, id);
        e.userConfirmed = true;
        Thought.bySubject(e.projectId, "entity:" + e.inferredName).filter(t -> !t.decided()).ifPresent(t -> t.decide("confirmed", null, access.accountId()));
        return e;
    }

    /** Renames an entity (it stays the entity later inferences find, and counts as confirmed). */
    @Transactional
    public InferredEntity rename(Access access, UUID id, String name, Integer version) {
        access.requireWrite(Role.MEMBER);
        // An unknown entity is 404 whatever the name sent.
        InferredEntity e = lock(access.project().id, id);
        String n = name == null ? "" : name.strip();
        if (!ENTITY_NAME.matcher(n).matches()) {
            throw ValidationException.of("name", "A name starts with a letter and has only letters, digits and underscores (at most 100)");
        }
        e.requireVersion(version, Map.of(), Map.of("entityName", n));
        InferredEntity.<InferredEntity>find("projectId = ?1 and entityName = ?2", e.projectId, n).firstResultOptional()
                .filter(o -> !o.id.equals(e.id)).ifPresent(o -> {
                    throw ApiException.conflict("There is already an entity named " + n + ".");
                });
        String was = e.entityName;
        e.entityName = n;
        // The plural names the table of the SQL export: left as it was, Letter kept the table "messages".
        e.pluralName = EntityInference.pluralName(n);
        e.userConfirmed = true;
        // The others' relationships name it: left as they were, the SQL export referenced a table it no longer makes.
        list(e.projectId).forEach(o -> o.retarget(was, n));
        return e;
    }

    /** Renames one field of an entity (the entity then counts as confirmed). */
    @Transactional
    public InferredEntity renameField(Access access, UUID id, String field, String to, Integer version) {
        try {
            return updateField(access, id, field, new FieldChange(to == null ? "" : to, null, null), version);
        } catch (ValidationException e) {
            throw e.renamed("name", "to");
        }
    }

    /** What a user changes in a field: its name, type or whether it is required; null leaves that part as it is. */
    public record FieldChange(String name, String type, Boolean required) {
    }

    /**
     * Changes a field's name, type or requiredness at once (the entity then counts as confirmed); a bad name or type is
     * refused naming "name" or "type", a name another field has is a conflict.
     */
    @Transactional
    public InferredEntity updateField(Access access, UUID id, String field, FieldChange change, Integer version) {
        access.requireWrite(Role.MEMBER);
        // An unknown entity or field is 404 whatever the change sent.
        InferredEntity e = lock(access.project().id, id);
        Map<String, EntityModel.Field> fields = e.fieldMap();
        EntityModel.Field f = fields.get(field);
        if (f == null) {
            // Renamed or removed since the version the edit started from: a stale edit (409), not an unknown field.
            if (version != null) {
                e.requireFieldVersion(version, field, change.name(), change.type(), change.required());
            }
            throw ApiException.notFound("No field " + field + " in " + e.entityName);
        }
        String n = change.name() == null ? null : change.name().strip();
        String type = change.type() == null ? null : change.type().strip();
        FormErrors errors = FormErrors.none();
        if (n != null && !FIELD_NAME.matcher(n).matches()) {
            errors.add("name", "A field name is lowercase letters, digits and underscores, starting with a letter, at most "
                    + EntityInference.MAX_FIELD + " characters");
        }
        if (type != null && !EntityModel.FIELD_TYPES.contains(type)) {
            errors.add("type", "A field type is one of " + String.join(", ", EntityModel.FIELD_TYPES));
        }
        if (errors.any()) {
            throw new ValidationException(errors);
        }
        e.requireFieldVersion(version, field, n, type, change.required());
        boolean renamed = n != null && !n.equals(field);
        if (renamed && fields.containsKey(n)) {
            throw ApiException.conflict(e.entityName + " already has a field " + n + ".");
        }
        if (type != null || change.required() != null) {
            e.editField(field, type == null ? f.typeOrString() : type,
                    change.required() == null ? f.mandatory() : change.required());
        }
        if (renamed) {
            e.renameField(field, n);
        }
        return e;
    }

    /** Removes a field: its inference is rejected, so a later inference does not bring it back, and what built on it is flagged. */
    @Transactional
    public InferredEntity removeField(Access access, UUID id, String field) {
        access.requireWrite(Role.MEMBER);
        InferredEntity e = lock(access.project().id, id);
        if (!e.fieldMap().containsKey(field)) {
            throw ApiException.notFound("No field " + field + " in " + e.entityName);
        }
        Thought t = Thought.bySubject(e.projectId, "field:" + e.inferredName + "." + field).filter(x -> !"rejected".equals(x.status)).orElse(null);
        if (t != null) {
            thoughts.rejectLocked(access, t);
        } else {
            e.removeField(field);
        }
        return e;
    }

    /** Removes an entity: its inference is rejected (a later inference does not bring it back) and what built on it is flagged. */
    @Transactional
    public void remove(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        InferredEntity e = lock(access.project().id, id);
        Thought t = Thought.bySubject(e.projectId, "entity:" + e.inferredName).filter(x -> !"rejected".equals(x.status)).orElse(null);
        if (t != null) {
            thoughts.rejectLocked(access, t);
        } else {
            e.delete();
        }
    }

    /** The decision's first database access: the inference lock, then the entity's row. */
    private InferredEntity lock(UUID projectId, UUID id) {
        InferredEntity.lockInference(projectId);
        InferredEntity e = get(projectId, id);
        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        return e;
    }
}
