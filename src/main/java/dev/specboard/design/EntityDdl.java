package dev.specboard.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The entity model as the PostgreSQL {@code CREATE TABLE} statements a developer would start from. */
public final class EntityDdl {

    /**
     * The words PostgreSQL refuses as a table or column name unquoted: its reserved keywords and those that can only be a
     * function or type name ({@code pg_get_keywords()} with catcode R or T); a field named {@code to} or {@code when} broke the export.
     */
    static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
            "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is",
            "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose");

    /** PostgreSQL keeps the first 63 bytes of a name: two longer names alike up to there would be the same table or column. */
    static final int MAX_IDENT = 63;

    /** The longest varchar PostgreSQL takes; a longer maxlength is a text column. */
    private static final int MAX_VARCHAR = 10_485_760;

    /** The columns every table has. */
    private static final List<String> GENERATED = List.of("id", "created_at", "updated_at");

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
        // OrderItem and Order_Item are both order_items: each table gets a name of its own.
        Set<String> takenTables = new java.util.HashSet<>();
        entities.forEach(e -> {
            tables.put(e.entityName, unique(EntityInference.plural(e.entityName), takenTables));
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

    static String create(InferredEntity e, Map<String, String> tables, java.util.Set<String> made, List<String> later) {
        List<String> lines = new ArrayList<>();
        String table = tables.get(e.entityName);
        lines.add("id uuid PRIMARY KEY DEFAULT gen_random_uuid()");
        // A field named created_at (a date on the form) is a column of its own beside the generated one: created_at_2.
        Set<String> taken = new java.util.HashSet<>(GENERATED);
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
                String col = unique(name.endsWith("_id") ? name : name + "_id", taken);
                column = col + " uuid" + notNull(field);
                if (made.contains(target)) {
                    column += " REFERENCES " + tables.get(target) + " (id)";
                } else if (tables.containsKey(target)) {
                    later.add("ALTER TABLE " + table + " ADD FOREIGN KEY (" + col + ") REFERENCES " + tables.get(target) + " (id);");
                }
            } else if ("password".equals(field.type())) {
                column = unique(name + "_hash", taken) + " varchar(255)" + notNull(field);
            } else {
                String col = unique(name, taken);
                column = col + " " + sqlType(field) + notNull(field) + (Boolean.TRUE.equals(field.unique()) ? " UNIQUE" : "") + checks(col, field);
            }
            lines.add(column);
        }
        lines.add("created_at timestamptz NOT NULL DEFAULT now()");
        lines.add("updated_at timestamptz NOT NULL DEFAULT now()");
        return "-- " + e.entityName.replaceAll("\\R", " ") + (e.userConfirmed ? " (confirmed)" : " (inferred, confidence " + Math.round(e.confidenceScore * 100) + "%)") + "\n"
                + "CREATE TABLE " + table + " (\n    " + String.join(",\n    ", lines) + "\n);\n";
    }

    static String sqlType(EntityModel.Field f) {
        return switch (f.type() == null ? "string" : f.type()) {
            case "text", "url" -> "text";
            case "email" -> varchar(f.maxLength(), 320);
            case "integer" -> "integer";
            case "number" -> "numeric";
            case "date" -> "date";
            case "datetime" -> "timestamptz";
            case "time" -> "time";
            case "tel" -> varchar(f.maxLength(), 32);
            case "boolean" -> "boolean";
            case "uuid", "reference" -> "uuid";
            case "color" -> "varchar(7)";
            case "enum" -> "varchar(" + Math.max(20, f.options().stream().mapToInt(String::length).max().orElse(20)) + ")";
            case "file" -> "text";
            default -> varchar(f.maxLength(), 255);
        };
    }

    /** A varchar of the input's maxlength: at least 1 ({@code maxlength="0"} made {@code varchar(0)}), text past PostgreSQL's limit. */
    private static String varchar(Integer maxLength, int otherwise) {
        int n = maxLength == null ? otherwise : Math.max(1, maxLength);
        return n > MAX_VARCHAR ? "text" : "varchar(" + n + ")";
    }

    /** Whether the column holds text, the only kind a pattern or a minimum length can be checked on. */
    private static boolean textual(EntityModel.Field f) {
        String type = sqlType(f);
        return type.equals("text") || type.startsWith("varchar");
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
        // A pattern or minlength on a number, date or checkbox input: ~ and length() take text only.
        Object minLength = f.validation().get("min_length");
        if (minLength instanceof Number && textual(f)) {
            out.add("length(" + column + ") >= " + minLength);
        }
        Object pattern = f.validation().get("pattern");
        if (pattern instanceof String p && !p.isBlank() && textual(f)) {
            out.add(column + " ~ " + literal("^(?:" + p + ")$"));
        }
        return out.isEmpty() ? "" : " CHECK (" + String.join(" AND ", out) + ")";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A name in snake case no longer than PostgreSQL keeps, and not in {@code taken} (which it joins): a second
     * {@code order_items} is {@code order_items_2}. Quoted when it is a reserved word.
     */
    static String unique(String name, Set<String> taken) {
        String n = bare(name);
        String candidate = n;
        for (int i = 2; !taken.add(candidate); i++) {
            String suffix = "_" + i;
            candidate = cut(n, MAX_IDENT - suffix.length()) + suffix;
        }
        return quoted(candidate);
    }

    /** The name in snake case, starting with a letter or underscore, at most {@link #MAX_IDENT} characters (all ASCII). */
    private static String bare(String name) {
        String n = EntityInference.snake(name);
        if (n.isEmpty()) {
            n = "unnamed";
        }
        if (Character.isDigit(n.charAt(0))) {
            n = "_" + n;
        }
        return cut(n, MAX_IDENT);
    }

    private static String cut(String n, int max) {
        return n.length() <= max ? n : n.substring(0, max);
    }

    private static String quoted(String n) {
        return RESERVED.contains(n.toLowerCase(Locale.ROOT)) ? "\"" + n + "\"" : n;
    }
}
