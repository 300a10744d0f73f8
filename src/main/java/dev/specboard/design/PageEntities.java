package dev.specboard.design;

import dev.specboard.design.EntityInference.Observation;
import dev.specboard.design.EntityInference.PageInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.specboard.design.EntityInference.snake;

/**
 * What ONE page's mockup says about entities, parsed with jsoup: each form, table and card grid is a sighting of
 * an entity, with the fields its inputs (or columns, or the parts of a card) show, the selects and nested lists
 * that may point at other entities, and what the page does with it (a form creates or edits, a list reads, a
 * delete button deletes); {@link PageLists} reads the tables and card grids. {@link EntityInference} merges the sightings of every page.
 */
final class PageEntities {

    /** One form, table or card grid read as an entity: its fields, hints of relationships, and what the page does with it. */
    record Sighting(String entity, double bonus, Observation observation, List<SightedField> fields, Set<String> selects, List<String> hasMany,
                    boolean creates, boolean reads, boolean updates, boolean deletes) {
    }

    /** A field as one sighting shows it, with the confidence that kind of sighting gives it. */
    record SightedField(String name, EntityModel.Field field, double base) {
    }

    private static final Set<String> NOT_FIELDS = Set.of("submit", "button", "reset", "image", "hidden", "search");
    static final Pattern DELETE = Pattern.compile("(?i)\\b(delete|remove|destroy|trash)\\b");
    private static final Pattern EDIT = Pattern.compile("(?i)(^|[^a-z])(edit|update|settings|profile)([^a-z]|$)");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)]");

    private PageEntities() {
    }

    /** The sightings of one page's mockup, in the page's order: its forms, then its tables, then its card grids. */
    static List<Sighting> read(PageInput page) {
        List<Sighting> out = new ArrayList<>();
        if (page.html() == null || page.html().isBlank()) {
            return out;
        }
        Document doc = Jsoup.parse(page.html());
        Map<String, Element> labels = labelsByFor(doc);
        int n = 0;
        for (Element form : doc.select("form")) {
            n++;
            add(out, form(page, doc, labels, form, "form-" + n));
        }
        n = 0;
        for (Element table : doc.select("table")) {
            n++;
            add(out, PageLists.table(page, table, "table-" + n));
        }
        n = 0;
        for (List<Element> grid : PageLists.cardGrids(doc)) {
            n++;
            add(out, PageLists.cards(page, grid, "cards-" + n));
        }
        return out;
    }

    private static void add(List<Sighting> out, Sighting s) {
        if (s != null) {
            out.add(s);
        }
    }

    // ---- forms

    private static Sighting form(PageInput page, Document doc, Map<String, Element> labels, Element form, String key) {
        List<Element> inputs = form.select("input, select, textarea").stream()
                .filter(e -> !(e.normalName().equals("input") && NOT_FIELDS.contains(e.attr("type").toLowerCase(Locale.ROOT))))
                .filter(e -> !e.attr("name").equalsIgnoreCase("q"))
                .toList();
        if (inputs.isEmpty()) {
            return null;
        }
        String entity = EntityNames.entityName(form, doc, page);
        String obsKey = "observation:" + page.path() + "#" + key;
        List<SightedField> fields = new ArrayList<>();
        Set<String> selects = new LinkedHashSet<>();
        List<String> hasMany = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        boolean prefilled = false;
        Map<String, List<String>> radios = radioOptions(form);
        for (Element in : inputs) {
            String name = fieldName(in, labels);
            if (name.isEmpty() || name.equals("id") || name.equals("csrf") || name.startsWith("_")) {
                continue;
            }
            if (in.hasAttr("value") && !in.attr("value").isBlank() && !in.attr("type").equalsIgnoreCase("checkbox") && !in.attr("type").equalsIgnoreCase("radio")) {
                prefilled = true;
            }
            fieldNames.add(name);
            fields.add(new SightedField(name, fieldFromInput(in, labels, radios), in.hasAttr("name") ? 0.6 : 0.5));
            if (in.normalName().equals("select")) {
                selects.add(name);
            }
        }
        // A list or table inside the form: its rows are another entity the form's one has many of.
        for (Element nested : form.select("table, ul[class], ol[class]")) {
            String target = EntityNames.nameFromAttributes(nested);
            if (target != null && !target.equals(entity)) {
                hasMany.add(target);
            }
        }
        String signals = String.join(" ", form.id(), form.attr("name"), form.attr("action"), form.className(), form.attr("data-intent"),
                page.path(), EntityNames.heading(form, doc));
        boolean edits = prefilled || EDIT.matcher(signals).find() || form.attr("data-intent").equalsIgnoreCase("update");
        boolean deletes = form.select("button, a, input[type=submit]").stream()
                .anyMatch(b -> DELETE.matcher(b.text() + " " + b.className() + " " + b.val()).find());
        return new Sighting(entity, 0.15, new Observation(obsKey, page.path(), "form", entity, fieldNames, "The page " + page.path() + " has a form ("
                + (edits ? "editing" : "creating") + " " + entity + ") with the inputs " + listed(fieldNames) + "."),
                fields, selects, hasMany, !edits, false, edits, deletes);
    }

    private static EntityModel.Field fieldFromInput(Element in, Map<String, Element> labels, Map<String, List<String>> radios) {
        String tag = in.normalName();
        String t = in.attr("type").toLowerCase(Locale.ROOT);
        String type;
        List<String> options = List.of();
        if (tag.equals("textarea")) {
            type = "text";
        } else if (tag.equals("select")) {
            type = "enum";
            options = in.select("option").stream().filter(o -> !o.attr("value").isEmpty() || !o.text().isBlank())
                    .filter(o -> !(o.attr("value").isEmpty() && o.hasAttr("value")))
                    .map(o -> o.hasAttr("value") ? o.attr("value") : o.text().strip()).distinct().toList();
        } else {
            type = switch (t) {
                case "email" -> "email";
                case "number", "range" -> in.attr("step").matches("^\\d+$|^$") && !in.attr("step").equals("any") ? "integer" : "number";
                case "date" -> "date";
                case "datetime-local" -> "datetime";
                case "time" -> "time";
                case "url" -> "url";
                case "tel" -> "tel";
                case "password" -> "password";
                case "checkbox" -> "boolean";
                case "radio" -> "enum";
                case "color" -> "color";
                case "file" -> "file";
                default -> "string";
            };
            if (t.equals("radio")) {
                options = radios.getOrDefault(in.attr("name"), List.of());
            }
            if (type.equals("string") && in.hasAttr("pattern")) {
                String p = in.attr("pattern");
                if (p.matches(".*\\\\d.*") && !p.matches(".*[a-zA-Z]-[a-zA-Z].*")) {
                    type = "string";
                }
            }
        }
        Map<String, Object> validation = new LinkedHashMap<>();
        if (in.hasAttr("pattern")) {
            validation.put("pattern", in.attr("pattern"));
        }
        for (String attr : List.of("min", "max", "minlength", "step")) {
            if (in.hasAttr(attr) && !in.attr(attr).isBlank()) {
                validation.put(attr.equals("minlength") ? "min_length" : attr, number(in.attr(attr)));
            }
        }
        Integer maxLength = in.hasAttr("maxlength") && in.attr("maxlength").matches("\\d{1,6}") ? Integer.valueOf(in.attr("maxlength")) : null;
        return new EntityModel.Field(type, in.hasAttr("required") || "true".equals(in.attr("aria-required")), null, null, maxLength,
                label(in, labels), options, validation, List.of(), null);
    }

    private static Object number(String s) {
        try {
            return s.contains(".") ? (Object) Double.parseDouble(s) : (Object) Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** The field's name: its {@code name} (without an {@code entity[...]} wrapper), else its id, else its label. */
    static String fieldName(Element in, Map<String, Element> labels) {
        String raw = in.attr("name");
        if (!raw.isBlank()) {
            java.util.regex.Matcher m = BRACKETED.matcher(raw);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            raw = last != null ? last : raw.replace("[]", "");
        } else if (!in.id().isBlank()) {
            raw = in.id().replaceFirst("^(f|field|input)-", "");
        } else {
            raw = label(in, labels);
        }
        return EntityInference.fieldName(snake(raw == null ? "" : raw));
    }

    /** The distinct non-blank values of the form's radio buttons by their name, gathered once per form. */
    private static Map<String, List<String>> radioOptions(Element form) {
        Map<String, Set<String>> values = new HashMap<>();
        for (Element r : form.select("input[type=radio]")) {
            if (!r.val().isBlank()) {
                values.computeIfAbsent(r.attr("name"), k -> new LinkedHashSet<>()).add(r.val());
            }
        }
        Map<String, List<String>> options = new HashMap<>();
        values.forEach((name, v) -> options.put(name, List.copyOf(v)));
        return options;
    }

    /**
     * Each {@code label[for]} of the document by the id it names (the first when several do), looked up once per mockup:
     * a search of the document per input made a form of thousands of inputs take seconds.
     */
    private static Map<String, Element> labelsByFor(Document doc) {
        Map<String, Element> labels = new HashMap<>();
        for (Element l : doc.select("label[for]")) {
            labels.putIfAbsent(l.attr("for"), l);
        }
        return labels;
    }

    static String label(Element in, Map<String, Element> labels) {
        if (!in.id().isBlank()) {
            Element l = labels.get(in.id());
            if (l != null) {
                return l.ownText().isBlank() ? l.text().strip() : l.ownText().strip();
            }
        }
        Element parent = in.closest("label");
        if (parent != null) {
            return parent.ownText().strip();
        }
        if (!in.attr("aria-label").isBlank()) {
            return in.attr("aria-label").strip();
        }
        return in.attr("placeholder").strip();
    }

    /** Field names for an observation's sentence: the first {@link EntityInference#MAX_FIELDS}, then how many more, so that a huge form makes no huge thought. */
    static String listed(List<String> names) {
        if (names.size() <= EntityInference.MAX_FIELDS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, EntityInference.MAX_FIELDS)) + " and " + (names.size() - EntityInference.MAX_FIELDS) + " more";
    }
}
