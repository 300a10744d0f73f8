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

import java.util.List;
import java.util.Map;
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

    @Inject
    EntityManager em;

    @Inject
    ThoughtService thoughts;

    @Inject
    EntityInferenceRun inference;

    /** The project's entities, most certain first; one query. */
    public List<InferredEntity> list(UUID projectId) {
        return InferredEntity.listByProject(projectId);
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
        return new EntityListView(access, all, at, Thought.bySubjectKey(access.project().id), picture.svg(), picture.key(),
                EntityDdl.ddl(all), failed, errors);
    }

    public InferredEntity get(UUID projectId, UUID id) {
        return InferredEntity.inProject(projectId, id).orElseThrow(() -> ApiException.notFound("No such entity in this project"));
    }

    /** Reads every current mockup again now and answers the entities; confirmed entities and rejected inferences stay as they are. */
    @Transactional
    public List<InferredEntity> infer(Access access) {
        access.requireWrite(Role.MEMBER);
        inference.run(access.project().id);
        return list(access.project().id);
    }

    /** The job's part: the same inference, run after a mockup of the project changed, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inferInJob(UUID projectId) {
        inference.run(projectId);
    }

    /** A user confirms an entity: later inferences leave it (and its fields) as it is. */
    @Transactional
    public InferredEntity confirm(Access access, UUID id) {
        access.requireWrite(Role.MEMBER);
        InferredEntity e = lock(access.project().id, id);
        e.change(access.accountId(), () -> e.userConfirmed = true);
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
        e.requireVersion(version, Map.of(), Map.of("entityName", n), access.accountId());
        List<Object> before = e.content();
        InferredEntity.<InferredEntity>find("projectId = ?1 and entityName = ?2", e.projectId, n).firstResultOptional()
                .filter(o -> !o.id.equals(e.id)).ifPresent(o -> {
                    throw ApiException.conflict("There is already an entity named " + n + ".");
                });
        String was = e.entityName;
        e.entityName = n;
        // The plural names the table of the SQL export: left as it was, Letter kept the table "messages".
        e.pluralName = EntityInference.pluralName(n);
        e.userConfirmed = true;
        // Before the query below flushes the rename: recorded after it, the saver made a second version of one rename.
        e.savedBy(before, access.accountId());
        // The others' relationships name it: left as they were, the SQL export referenced a table it no longer makes.
        list(e.projectId).forEach(o -> o.change(access.accountId(), () -> o.retarget(was, n)));
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
                e.requireFieldVersion(version, field, change.name(), change.type(), change.required(), access.accountId());
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
        e.requireFieldVersion(version, field, n, type, change.required(), access.accountId());
        List<Object> before = e.content();
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
        e.savedBy(before, access.accountId());
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
            e.change(access.accountId(), () -> e.removeField(field));
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
