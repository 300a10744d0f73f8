package dev.specboard.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSONB shapes of an inferred entity (seed 004's inferred_entities), with the seed's snake_case keys. */
public final class EntityModel {

    private EntityModel() {
    }

    /**
     * One field: its type (string, text, email, number, integer, date, datetime, time, url, tel, password, enum,
     * boolean, reference, uuid), whether it is required, its validation, the pages it came from and how sure we are.
     */
    /** The types a field may have: what inference gives and what a user may choose. */
    public static final List<String> FIELD_TYPES = List.of("string", "text", "email", "url", "tel", "integer", "number", "boolean",
            "date", "datetime", "time", "enum", "reference", "uuid", "color", "file");

    public record Field(String type, Boolean required, Boolean primary, Boolean unique, Integer maxLength, String label,
                        List<String> options, Map<String, Object> validation, List<String> inferredFrom, Double confidence) {

        public Field {
            options = options == null ? List.of() : options;
            validation = validation == null ? Map.of() : validation;
            inferredFrom = inferredFrom == null ? List.of() : inferredFrom;
        }

        public boolean mandatory() {
            return Boolean.TRUE.equals(required);
        }

        /** The type, a plain string when inference gave none. */
        public String typeOrString() {
            return type == null ? "string" : type;
        }

        public double confidenceOr0() {
            return confidence == null ? 0 : confidence;
        }

        public int confidencePercent() {
            return (int) Math.round(confidenceOr0() * 100);
        }
    }

    /** A relationship: {@code belongs_to} (a select naming another entity) or {@code has_many} (a nested list). */
    public record Relationship(String type, String targetEntity, String foreignKey, String inverse, String field, List<String> inferredFrom) {
        public Relationship {
            inferredFrom = inferredFrom == null ? List.of() : inferredFrom;
        }

        public String label() {
            return type == null ? "" : type.replace('_', ' ');
        }
    }

    /** Where the entity is created, read, updated and deleted: page paths. */
    public record CrudLocations(List<String> create, List<String> read, List<String> update, List<String> delete) {
        public CrudLocations {
            create = create == null ? List.of() : create;
            read = read == null ? List.of() : read;
            update = update == null ? List.of() : update;
            delete = delete == null ? List.of() : delete;
        }

        public static CrudLocations empty() {
            return new CrudLocations(List.of(), List.of(), List.of(), List.of());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Field> fields(String json) {
        Map<String, Field> out = new LinkedHashMap<>();
        FieldMap m = DesignJson.read(json, FieldMap.class, null);
        if (m != null) {
            out.putAll(m);
        }
        return out;
    }

    /** A typed map for Jackson. */
    public static class FieldMap extends LinkedHashMap<String, Field> {
    }

    public static List<Relationship> relationships(String json) {
        return List.of(DesignJson.read(json, Relationship[].class, new Relationship[0]));
    }

    public static CrudLocations crud(String json) {
        return DesignJson.read(json, CrudLocations.class, CrudLocations.empty());
    }
}
