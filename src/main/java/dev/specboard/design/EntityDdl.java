package dev.specboard.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The entity model as the PostgreSQL {@code CREATE TABLE} statements a developer would start from. */
public final class EntityDdl {

    private static final Set<String> RESERVED = Set.of("user", "order", "group", "select", "table", "from", "where", "limit", "offset", "check",
            "default", "primary", "references", "column", "grant", "desc", "asc", "end");

    private EntityDdl() {
    }

    /**
     * The statements in an order PostgreSQL runs: a table after the tables it references; a reference closing a cycle is
     * added once both tables exist ({@code ALTER TABLE}), and one to an entity the model no longer has stays a plain id.
     */
    public static String ddl(List<InferredEntity> entities) {
        StringBuilder out = new StringBuilder();
        Map<String, String> tables = new java.util.HashMap<>();
        Map<String, InferredEntity> byName = new java.util.LinkedHashMap<>();
        entities.forEach(e -> {
            tables.put(e.entityName, table(e));
            byName.put(e.entityName, e);
        });
        List<InferredEntity> ordered = new ArrayList<>();
        java.util.Set<String> visiting = new java.util.HashSet<>();
        byName.values().forEach(e -> place(e, byName, visiting, ordered));
        java.util.Set<String> made = new java.util.HashSet<>();
        List<String> later = new ArrayList<>();
        for (InferredEntity e : ordered) {
            if (!out.isEmpty()) {
                out.append("\n");
            }
            made.add(e.entityName);
            out.append(create(e, tables, made, later));
        }
        if (!later.isEmpty()) {
            out.append("\n-- References that close a cycle, once both tables exist\n").append(String.join("\n", later)).append("\n");
        }
        return out.toString();
    }

    /** Puts the entities it references first (depth first; one already being placed closes a cycle and waits). */
    private static void place(InferredEntity e, Map<String, InferredEntity> byName, java.util.Set<String> visiting, List<InferredEntity> ordered) {
        if (ordered.contains(e) || !visiting.add(e.entityName)) {
            return;
        }
        for (String target : references(e).values()) {
            InferredEntity t = byName.get(target);
            if (t != null && t != e) {
                place(t, byName, visiting, ordered);
            }
        }
        ordered.add(e);
    }

    private static Map<String, String> references(InferredEntity e) {
        return e.relationshipList().stream().filter(r -> "belongs_to".equals(r.type()) && r.field() != null)
                .collect(Collectors.toMap(EntityModel.Relationship::field, EntityModel.Relationship::targetEntity, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    static String table(InferredEntity e) {
        return ident(EntityInference.plural(e.entityName));
    }

    static String create(InferredEntity e, Map<String, String> tables, java.util.Set<String> made, List<String> later) {
        List<String> lines = new ArrayList<>();
        lines.add("id uuid PRIMARY KEY DEFAULT gen_random_uuid()");
        Map<String, String> refs = references(e);
        for (Map.Entry<String, EntityModel.Field> f : e.fieldMap().entrySet()) {
            String name = EntityInference.snake(f.getKey());
            if (name.isEmpty() || name.equals("id")) {
                continue;
            }
            EntityModel.Field field = f.getValue();
            String target = refs.get(f.getKey());
            String column;
            if (target != null) {
                String col = ident(name.endsWith("_id") ? name : name + "_id");
                column = col + " uuid" + notNull(field);
                if (made.contains(target)) {
                    column += " REFERENCES " + tables.get(target) + " (id)";
                } else if (tables.containsKey(target)) {
                    later.add("ALTER TABLE " + table(e) + " ADD FOREIGN KEY (" + col + ") REFERENCES " + tables.get(target) + " (id);");
                }
            } else if ("password".equals(field.type())) {
                column = ident(name + "_hash") + " varchar(255)" + notNull(field);
            } else {
                column = ident(name) + " " + sqlType(field) + notNull(field) + (Boolean.TRUE.equals(field.unique()) ? " UNIQUE" : "")
                        + checks(ident(name), field);
            }
            lines.add(column);
        }
        lines.add("created_at timestamptz NOT NULL DEFAULT now()");
        lines.add("updated_at timestamptz NOT NULL DEFAULT now()");
        return "-- " + e.entityName + (e.userConfirmed ? " (confirmed)" : " (inferred, confidence " + Math.round(e.confidenceScore * 100) + "%)") + "\n"
                + "CREATE TABLE " + table(e) + " (\n    " + String.join(",\n    ", lines) + "\n);\n";
    }

    static String sqlType(EntityModel.Field f) {
        return switch (f.type() == null ? "string" : f.type()) {
            case "text", "url" -> "text";
            case "email" -> "varchar(" + (f.maxLength() == null ? 320 : f.maxLength()) + ")";
            case "integer" -> "integer";
            case "number" -> "numeric";
            case "date" -> "date";
            case "datetime" -> "timestamptz";
            case "time" -> "time";
            case "tel" -> "varchar(" + (f.maxLength() == null ? 32 : f.maxLength()) + ")";
            case "boolean" -> "boolean";
            case "uuid", "reference" -> "uuid";
            case "color" -> "varchar(7)";
            case "enum" -> "varchar(" + Math.max(20, f.options().stream().mapToInt(String::length).max().orElse(20)) + ")";
            case "file" -> "text";
            default -> "varchar(" + (f.maxLength() == null ? 255 : f.maxLength()) + ")";
        };
    }

    private static String notNull(EntityModel.Field f) {
        if ("boolean".equals(f.type())) {
            return " NOT NULL DEFAULT false";
        }
        return f.mandatory() ? " NOT NULL" : "";
    }

    private static String checks(String column, EntityModel.Field f) {
        List<String> out = new ArrayList<>();
        if ("enum".equals(f.type()) && !f.options().isEmpty()) {
            out.add(column + " IN (" + f.options().stream().map(EntityDdl::literal).collect(Collectors.joining(", ")) + ")");
        }
        Object min = f.validation().get("min");
        Object max = f.validation().get("max");
        if (min instanceof Number && ("integer".equals(f.type()) || "number".equals(f.type()))) {
            out.add(column + " >= " + min);
        }
        if (max instanceof Number && ("integer".equals(f.type()) || "number".equals(f.type()))) {
            out.add(column + " <= " + max);
        }
        Object minLength = f.validation().get("min_length");
        if (minLength instanceof Number) {
            out.add("length(" + column + ") >= " + minLength);
        }
        Object pattern = f.validation().get("pattern");
        if (pattern instanceof String p && !p.isBlank()) {
            out.add(column + " ~ " + literal("^(?:" + p + ")$"));
        }
        return out.isEmpty() ? "" : " CHECK (" + String.join(" AND ", out) + ")";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String name) {
        String n = EntityInference.snake(name);
        if (n.isEmpty()) {
            n = "unnamed";
        }
        if (Character.isDigit(n.charAt(0))) {
            n = "_" + n;
        }
        return RESERVED.contains(n.toLowerCase(Locale.ROOT)) ? "\"" + n + "\"" : n;
    }
}
