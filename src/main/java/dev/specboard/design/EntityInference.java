package dev.specboard.design;

import dev.specboard.kernel.TextAscii;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Infers a data model from mockups: merges what each page's forms, tables and card grids say ({@link PageEntities})
 * into entities, each field's type and validation as the pages agree on them, relationships (a select naming another
 * entity, a nested list) and where the entity is created, read, updated and deleted. Confidence grows with the
 * number of pages that agree.
 */
public final class EntityInference {

    /** A page's current mockup: its path (the pages an inference came from are named by path), name and HTML. */
    public record PageInput(String path, String name, String html) {
    }

    /** What was seen on one page: a form, table or card grid, with the fields it offered. */
    public record Observation(String key, String page, String kind, String entity, List<String> fields, String description) {
    }

    /** A field as the pages agree on it, and the observations it came from. */
    public record FieldResult(String name, EntityModel.Field field, List<String> observations) {
    }

    /** An inferred entity with its fields, relationships, CRUD locations and confidence, and the observations behind it. */
    public record Result(String name, String plural, Map<String, FieldResult> fields, List<EntityModel.Relationship> relationships,
                         EntityModel.CrudLocations crud, double confidence, List<String> pages, List<String> observations, int omittedFields) {
    }

    /** The whole inference: the entities, every observation, and how many entities the cap left out. */
    public record Model(List<Result> entities, List<Observation> observations, int omittedEntities) {
    }

    /**
     * The most fields an entity takes from the mockups: one form of 26,500 inputs made an entity whose page ran out of
     * memory (and PostgreSQL allows 1,600 columns a table). Those past it are left out and the entity's thought says so.
     */
    static final int MAX_FIELDS = 200;

    /** The most entities an inference makes; forms and tables naming others are left out. */
    static final int MAX_ENTITIES = 100;

    /** The most fields of all entities together, so that the entities page (a table row per field) stays a few megabytes at most. */
    static final int MAX_TOTAL_FIELDS = 1000;

    private EntityInference() {
    }

    /** Infers entities from the current mockups of a project's pages. */
    public static Model infer(List<PageInput> pages) {
        Map<String, Acc> entities = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        Set<String> omitted = new HashSet<>();
        int[] budget = {MAX_TOTAL_FIELDS};
        for (PageInput page : pages) {
            for (PageEntities.Sighting s : PageEntities.read(page)) {
                if (!entities.containsKey(s.entity()) && entities.size() >= MAX_ENTITIES) {
                    omitted.add(s.entity());
                    continue;
                }
                entities.computeIfAbsent(s.entity(), name -> new Acc(name, budget)).add(page.path(), s);
                observations.add(s.observation());
            }
        }
        List<Result> results = new ArrayList<>();
        Set<String> names = entities.keySet();
        for (Acc a : entities.values()) {
            results.add(a.result(names));
        }
        return new Model(results, observations, omitted.size());
    }

    /** The sentence saying that the cap left some of an entity's fields out, or nothing. */
    static String omissions(Result r) {
        return r.omittedFields() == 0 ? "" : " Its mockups show " + r.omittedFields() + " more fields, left out: an entity keeps at most "
                + MAX_FIELDS + ", all entities together " + MAX_TOTAL_FIELDS + ".";
    }

    // ---- names

    static String snake(String s) {
        String out = TextAscii.of(s.strip()).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return out.replaceAll("^_+|_+$", "");
    }

    /** The plural name of an entity as stored, at most {@link #MAX_NAME} characters; a rename gives the new name's. */
    static String pluralName(String name) {
        String plural = plural(name);
        return plural.length() > MAX_NAME ? plural.substring(0, MAX_NAME) : plural;
    }

    static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static String plural(String name) {
        String w = snake(name);
        if (w.endsWith("y") && !w.matches(".*[aeiou]y$")) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        return w + "s";
    }

    /** The longest entity name (and plural) the inferred_entities columns hold. */
    static final int MAX_NAME = 100;

    /**
     * The longest field name: a column name of the DDL export (PostgreSQL keeps 63 characters), the limit a rename has too.
     * The thought about a field ({@code relationship:<entity>.<field>} at most) then fits a key whole, so that a decision
     * on it names the field as stored.
     */
    static final int MAX_FIELD = 63;

    /** A field name in snake case, at most {@link #MAX_FIELD} characters (an input's name, a heading or a class may be any length). */
    static String fieldName(String snake) {
        return snake.length() > MAX_FIELD ? snake.substring(0, MAX_FIELD).replaceAll("_+$", "") : snake;
    }

    /** An entity name from snake-case words, at most {@link #MAX_NAME} characters (a data-entity or id may be any length). */
    static String pascal(String snake) {
        StringBuilder b = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.length() > MAX_NAME ? b.substring(0, MAX_NAME) : b.toString();
    }

    /** A type more specific than a plain string wins when two pages disagree. */
    private static String mergeType(String a, String b) {
        if (a == null || a.equals("string")) {
            return b;
        }
        if (b == null || b.equals("string")) {
            return a;
        }
        if (a.equals("integer") && b.equals("number") || a.equals("number") && b.equals("integer")) {
            return "number";
        }
        return a.equals("text") || b.equals("text") ? "text" : a;
    }

    private static double round(double d) {
        return Math.round(Math.min(0.95, d) * 100) / 100.0;
    }

    /** What the pages say about one entity, gathered page by page. */
    private static final class Acc {
        final String name;
        final Set<String> pages = new LinkedHashSet<>();
        final List<String> observations = new ArrayList<>();
        double bonus;
        final Map<String, FieldAcc> fields = new LinkedHashMap<>();
        final Set<String> omittedFields = new HashSet<>();
        final Map<String, String> selects = new LinkedHashMap<>();
        final Map<String, String> hasMany = new LinkedHashMap<>();
        final Set<String> create = new LinkedHashSet<>();
        final Set<String> read = new LinkedHashSet<>();
        final Set<String> update = new LinkedHashSet<>();
        final Set<String> delete = new LinkedHashSet<>();

        /** The fields all entities may still take, shared by the inference's entities. */
        final int[] budget;

        Acc(String name, int[] budget) {
            this.name = name;
            this.budget = budget;
        }

        /** Adds what one form, table or card grid of this page showed of the entity. */
        void add(String page, PageEntities.Sighting s) {
            String observation = s.observation().key();
            pages.add(page);
            observations.add(observation);
            bonus = Math.max(bonus, s.bonus());
            for (PageEntities.SightedField f : s.fields()) {
                field(f.name(), f.field(), page, observation, f.base());
            }
            s.selects().forEach(name -> selects.put(name, page));
            s.hasMany().forEach(target -> hasMany.put(target, page));
            if (s.creates()) {
                create.add(page);
            }
            if (s.reads()) {
                read.add(page);
            }
            if (s.updates()) {
                update.add(page);
            }
            if (s.deletes()) {
                delete.add(page);
            }
        }

        private void field(String fieldName, EntityModel.Field f, String page, String observation, double base) {
            if (!fields.containsKey(fieldName)) {
                if (fields.size() >= MAX_FIELDS || budget[0] <= 0) {
                    omittedFields.add(fieldName);
                    return;
                }
                budget[0]--;
            }
            FieldAcc fa = fields.computeIfAbsent(fieldName, k -> new FieldAcc());
            fa.pages.add(page);
            fa.observations.add(observation);
            fa.base = Math.max(fa.base, base);
            fa.type = mergeType(fa.type, f.type());
            fa.required |= f.mandatory();
            if (f.maxLength() != null) {
                fa.maxLength = fa.maxLength == null ? f.maxLength() : Math.min(fa.maxLength, f.maxLength());
            }
            if (fa.label == null || fa.label.isBlank()) {
                fa.label = f.label();
            }
            fa.options.addAll(f.options());
            fa.validation.putAll(f.validation());
        }

        Result result(Set<String> entityNames) {
            Map<String, FieldResult> out = new LinkedHashMap<>();
            List<EntityModel.Relationship> relationships = new ArrayList<>();
            for (Map.Entry<String, FieldAcc> e : fields.entrySet()) {
                FieldAcc fa = e.getValue();
                String fieldName = e.getKey();
                String type = fa.type == null ? "string" : fa.type;
                List<String> options = new ArrayList<>(fa.options);
                // A select whose name is another entity (or ends in _id) points at it rather than listing values.
                String target = selects.containsKey(fieldName) ? referenceTarget(fieldName, entityNames) : null;
                if (target != null) {
                    type = "reference";
                    String fk = fieldName.endsWith("_id") ? fieldName : fieldName + "_id";
                    relationships.add(new EntityModel.Relationship("belongs_to", target, fk, "has_many", fieldName, List.copyOf(fa.pages)));
                }
                double confidence = round(fa.base + 0.15 * (fa.pages.size() - 1) + (fa.label != null && !fa.label.isBlank() ? 0.05 : 0));
                out.put(fieldName, new FieldResult(fieldName, new EntityModel.Field(type, fa.required, null, type.equals("email") ? Boolean.TRUE : null,
                        fa.maxLength, fa.label == null || fa.label.isBlank() ? null : fa.label, type.equals("enum") || type.equals("reference") ? options : List.of(),
                        fa.validation, List.copyOf(fa.pages), confidence), List.copyOf(new LinkedHashSet<>(fa.observations))));
            }
            for (Map.Entry<String, String> m : hasMany.entrySet()) {
                relationships.add(new EntityModel.Relationship("has_many", m.getKey(), snake(name) + "_id", "belongs_to", null, List.of(m.getValue())));
            }
            double confidence = round(0.35 + 0.2 * pages.size() + bonus);
            return new Result(name, pluralName(name), out, relationships,
                    new EntityModel.CrudLocations(List.copyOf(create), List.copyOf(read), List.copyOf(update), List.copyOf(delete)), confidence,
                    List.copyOf(pages), List.copyOf(observations), omittedFields.size());
        }

        private String referenceTarget(String fieldName, Set<String> entityNames) {
            String base = fieldName.endsWith("_id") ? fieldName.substring(0, fieldName.length() - 3) : fieldName;
            String candidate = pascal(singular(base));
            if (entityNames.contains(candidate) && !candidate.equals(name)) {
                return candidate;
            }
            return fieldName.endsWith("_id") ? candidate : null;
        }
    }

    private static final class FieldAcc {
        final Set<String> pages = new LinkedHashSet<>();
        final List<String> observations = new ArrayList<>();
        double base;
        String type;
        boolean required;
        Integer maxLength;
        String label;
        final Set<String> options = new LinkedHashSet<>();
        final Map<String, Object> validation = new LinkedHashMap<>();
    }
}
