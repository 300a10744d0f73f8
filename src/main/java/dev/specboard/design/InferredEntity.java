package dev.specboard.design;

import dev.specboard.kernel.StaleVersionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An entity of the app's data model inferred from the mockups (seed 004's inferred_entities): fields with
 * types, validation, the pages they came from and a confidence; relationships; where it is created, read,
 * updated and deleted. A confirmed (or renamed) entity is never overwritten by a later inference.
 */
@Entity
@Table(name = "inferred_entities")
public class InferredEntity extends EditedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "entity_name")
    public String entityName;

    @Column(name = "plural_name")
    public String pluralName;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String fields = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String relationships = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "crud_locations")
    public String crudLocations = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "validation_rules")
    public String validationRules = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "business_rules")
    public String businessRules = "[]";

    @Column(name = "confidence_score")
    public double confidenceScore = 0.5;

    @Column(name = "user_confirmed")
    public boolean userConfirmed;

    @Column(name = "inferred_name", nullable = false, updatable = false)
    public String inferredName;

    /** Moves on with every saved change (a user's or an inference's): a rename or field edit names the version it changed. */
    @Version
    public int version;

    /**
     * Takes the project's inference lock until the transaction ends: one inference per project at a time, and a user's
     * decision on an entity or thought waits for a running inference, which reads rows without locking them and writes
     * them back whole, instead of being overwritten by it.
     */
    public static void lockInference(UUID projectId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('inferred_entities:' || cast(?1 as text)))")
                .setParameter(1, projectId).getSingleResult();
    }

    /** The project's entities, most certain first. */
    public static List<InferredEntity> listByProject(UUID projectId) {
        return find("projectId = ?1 order by confidenceScore desc, entityName", projectId).list();
    }

    public static Optional<InferredEntity> inProject(UUID projectId, UUID id) {
        return id == null ? Optional.empty() : find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    /**
     * The entity a thought about it leaves standing when a user rejects the thought: one a member confirmed, renamed or
     * edited ("confirmed entities are never overwritten"); removing it on the entities page still withdraws it.
     */
    public static Optional<InferredEntity> keptOnReject(Thought t) {
        return "entity".equals(t.subjectKind()) ? find("projectId = ?1 and inferredName = ?2 and userConfirmed = true", t.projectId,
                t.subjectName()).firstResultOptional() : Optional.empty();
    }

    /** What rejecting the thought leaves standing, in words ("The entity Invoice stays because a member confirmed it…"); null when nothing kept. */
    public static String keptNote(Thought t) {
        return keptOnReject(t).map(e -> "The entity " + e.entityName + " stays because a member confirmed it, and the thoughts built on it are "
                        + "flagged for review; remove it on the entities page if it should go.")
                .orElse(null);
    }

    /** The inferred names of the project's entities a member confirmed, renamed or edited: rejecting their thoughts leaves them standing. */
    static java.util.Set<String> confirmedNames(UUID projectId) {
        return new java.util.HashSet<>(getEntityManager().createQuery("select e.inferredName from InferredEntity e where e.projectId = ?1 and e.userConfirmed = true",
                String.class).setParameter(1, projectId).getResultList());
    }

    /** What a version holds: a change to any of it is a new version (counted by Hibernate), saved by whoever made it. */
    List<Object> content() {
        return java.util.Arrays.asList(entityName, pluralName, description, fields, relationships, crudLocations, validationRules,
                businessRules, confidenceScore, userConfirmed);
    }

    /**
     * Records {@code by} (null: the assistant, for a background inference) as who saved the new version when the entity
     * changed since {@code before} (its {@link #content()}); left alone, an unchanged entity stays at its version.
     */
    void savedBy(List<Object> before, UUID by) {
        if (!before.equals(content())) {
            savedBy(by);
        }
    }

    /** Makes {@code change} and records {@code by} as who saved it, if it changed anything. */
    void change(UUID by, Runnable change) {
        List<Object> before = content();
        change.run();
        savedBy(before, by);
    }

    public int confidencePercent() {
        return (int) Math.round(confidenceScore * 100);
    }

    public Map<String, EntityModel.Field> fieldMap() {
        return EntityModel.fields(fields);
    }

    public List<EntityModel.Relationship> relationshipList() {
        return EntityModel.relationships(relationships);
    }

    public EntityModel.CrudLocations crud() {
        return EntityModel.crud(crudLocations);
    }

    /** Withdraws a field, and the relationship it made; false when it had no such field. */
    public boolean removeField(String field) {
        Map<String, EntityModel.Field> map = fieldMap();
        if (map.remove(field) == null) {
            return false;
        }
        fields = DesignJson.write(map);
        removeRelationshipOf(field);
        return true;
    }

    public void removeRelationshipOf(String field) {
        List<EntityModel.Relationship> rels = new ArrayList<>(relationshipList());
        if (rels.removeIf(r -> field.equals(r.field()))) {
            relationships = DesignJson.write(rels);
        }
    }

    /**
     * Gives a field another type or makes it (not) required, keeping everything else known about it; choices (options)
     * stay only with a type that has them. An edited field counts as confirmed.
     */
    public void editField(String field, String type, boolean required) {
        Map<String, EntityModel.Field> map = fieldMap();
        EntityModel.Field f = map.get(field);
        boolean choices = type.equals("enum") || type.equals("reference");
        map.put(field, new EntityModel.Field(type, required, f.primary(), f.unique(), f.maxLength(), f.label(),
                choices ? f.options() : List.of(), f.validation(), f.inferredFrom(), f.confidence()));
        fields = DesignJson.write(map);
        userConfirmed = true;
    }

    /** Points its relationships to the entity {@code from} at {@code to} (that entity was renamed). */
    public void retarget(String from, String to) {
        List<EntityModel.Relationship> rels = relationshipList();
        if (rels.stream().anyMatch(r -> from.equals(r.targetEntity()))) {
            relationships = DesignJson.write(rels.stream().map(r -> retargeted(r, from, to)).toList());
        }
    }

    /** The relationship pointing at {@code to} when it points at {@code from}, else as it is. */
    static EntityModel.Relationship retargeted(EntityModel.Relationship r, String from, String to) {
        return from.equals(r.targetEntity()) && !from.equals(to)
                ? new EntityModel.Relationship(r.type(), to, r.foreignKey(), r.inverse(), r.field(), r.inferredFrom()) : r;
    }

    /** Renames a field, keeping everything known about it; a renamed field counts as confirmed. */
    public void renameField(String from, String to) {
        Map<String, EntityModel.Field> map = fieldMap();
        Map<String, EntityModel.Field> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
        fields = DesignJson.write(out);
        List<EntityModel.Relationship> rels = relationshipList().stream()
                .map(r -> from.equals(r.field()) ? new EntityModel.Relationship(r.type(), r.targetEntity(), r.foreignKey(), r.inverse(), to, r.inferredFrom()) : r)
                .toList();
        relationships = DesignJson.write(rels);
        userConfirmed = true;
    }

    /**
     * A rename or field edit says which version of the entity it changed (422 without one): saved after another change
     * (a user's, or an inference's on an unconfirmed entity) it would silently undo it, so it is refused (409) with the
     * entity as it is now ({@code entityName}, {@code fields}, and {@code theirs}: what the edit changes, as it is now)
     * and what was sent.
     */
    void requireVersion(Integer version, Map<String, String> theirs, Map<String, String> yours, UUID caller) {
        StaleVersionException.requireGiven("version", version);
        StaleVersionException.requireSaved("The entity " + entityName, version, this.version);
        if (version != this.version) {
            Map<String, String> current = new LinkedHashMap<>(theirs);
            current.put("entityName", entityName);
            current.put("fields", fields);
            throw new StaleVersionException("The entity " + entityName, version, this.version, current, yours, savedByAsSeenBy(caller));
        }
    }

    /**
     * The same for an edit of one field: the 409 shows its name, type and requiredness as they are now (none when it was
     * renamed or removed since) beside the ones sent (null: as the field has them), so that nothing chosen is lost.
     */
    void requireFieldVersion(Integer version, String field, String name, String type, Boolean required, UUID caller) {
        EntityModel.Field f = fieldMap().get(field);
        Map<String, String> theirs = f == null ? Map.of()
                : StaleVersionException.texts("name", field, "type", f.typeOrString(), "required", String.valueOf(f.mandatory()));
        requireVersion(version, theirs, StaleVersionException.texts("field", field, "name", name == null ? field : name,
                "type", type != null ? type : f == null ? "" : f.typeOrString(),
                "required", String.valueOf(required != null ? required : f != null && f.mandatory())), caller);
    }
}
