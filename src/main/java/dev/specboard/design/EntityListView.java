package dev.specboard.design;

import dev.specboard.kernel.ConflictView;
import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;
import dev.specboard.web.PageNumbers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entity model: a page of its entities ({@link #PAGE_SIZE} at a time, as the other lists) with their fields and the
 * thoughts behind them, and the picture with its key and the DDL of them all.
 */
public record EntityListView(Access access, List<InferredEntity> entities, PageNumbers at, Map<String, Thought> thoughts, String svg,
                             String key, String ddl, Failure failure, FormErrors errors) {

    /** Entities a page shows: a hundred, each with a table of its fields and their forms, made a page of several megabytes. */
    public static final int PAGE_SIZE = 50;

    /** The page (from 1) that shows the entity {@code id} among {@code all}, in their order; the first when it is not there. */
    public static int pageOf(List<InferredEntity> all, UUID id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id.equals(id)) {
                return i / PAGE_SIZE + 1;
            }
        }
        return 1;
    }

    /** The entities of this page. */
    public List<InferredEntity> shown() {
        return entities.subList(Math.min(at.offset(), entities.size()), Math.min(at.offset() + at.size(), entities.size()));
    }

    /**
     * The form that was refused: the entity's, or one of its fields' when {@code field} is set, with what was typed or
     * chosen in it, so the page shows it again; after a stale save (409), {@code conflict} shows the entity's version
     * saved meanwhile beside it.
     */
    public record Failure(UUID entity, String field, String typed, String type, Boolean required, ConflictView conflict) {

        public Failure(UUID entity, String field, String typed) {
            this(entity, field, typed, null, null, null);
        }
    }

    /** The entity's name as its rename form shows it: what was typed when that form was refused. */
    public String nameInput(InferredEntity e) {
        return failed(e) && failure.field() == null && failure.typed() != null ? failure.typed() : e.entityName;
    }

    /** A field's name as its rename form shows it: what was typed when that form was refused. */
    public String fieldInput(InferredEntity e, String field) {
        return failed(e) && field.equals(failure.field()) && failure.typed() != null ? failure.typed() : field;
    }

    /** A field's type as its edit form shows it: the one chosen when a stale save of that form was refused. */
    public String typeInput(InferredEntity e, String field, String saved) {
        return failed(e) && field.equals(failure.field()) && failure.type() != null ? failure.type() : saved;
    }

    /** Whether a field's edit form shows it required: as chosen when a stale save of that form was refused. */
    public boolean requiredInput(InferredEntity e, String field, boolean saved) {
        return failed(e) && field.equals(failure.field()) && failure.required() != null ? failure.required() : saved;
    }

    /** The thought behind a field, an entity or a relationship, or null. */
    public Thought thought(InferredEntity e, String kind, String name) {
        return thoughts.get(Thought.key(kind + ":" + e.inferredName + (name == null || name.isEmpty() ? "" : "." + name)));
    }

    public Thought entityThought(InferredEntity e) {
        return thoughts.get("entity:" + e.inferredName);
    }

    public Thought fieldThought(InferredEntity e, String field) {
        return thoughts.get(Thought.key("field:" + e.inferredName + "." + field));
    }

    /** The types a field may be given. */
    /** Whether the inference made as many entities as it makes, so that mockups naming more were left out. */
    public boolean atEntityCap() {
        return entities.size() >= EntityInference.MAX_ENTITIES;
    }

    public int entityCap() {
        return EntityInference.MAX_ENTITIES;
    }

    public int fieldCap() {
        return EntityInference.MAX_TOTAL_FIELDS;
    }

    public List<String> fieldTypes() {
        return EntityModel.FIELD_TYPES;
    }

    /**
     * The refused row form's part of its fields' ids, for the error summary atop the page: the entity's id for its rename
     * form ({@code name-<id>}), with the field's key for a field's forms ({@code to-<id>-<key>}); null when none was refused.
     */
    public String errorRow() {
        if (failure == null || failure.entity() == null) {
            return null;
        }
        return failure.field() == null ? failure.entity().toString() : failure.entity() + "-" + failure.field();
    }

    public boolean failed(InferredEntity e) {
        return failure != null && e.id.equals(failure.entity());
    }
}
