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
 * delete button deletes). {@link EntityInference} merges the sightings of every page.
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
    private static final Pattern DELETE = Pattern.compile("(?i)\\b(delete|remove|destroy|trash)\\b");
    private static final Pattern EDIT = Pattern.compile("(?i)(^|[^a-z])(edit|update|settings|profile)([^a-z]|$)");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$|^\\d{1,2}/\\d{1,2}/\\d{2,4}$");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?[$€£]?\\d[\\d,]*(\\.\\d+)?%?$");

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
            add(out, table(page, table, "table-" + n));
        }
        n = 0;
        for (List<Element> grid : cardGrids(doc)) {
            n++;
            add(out, cards(page, grid, "cards-" + n));
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

    // ---- tables

    private static Sighting table(PageInput page, Element table, String key) {
        if (table.closest("form") != null) {
            return null;
        }
        List<Element> headers = table.select("thead th, tr:first-child th");
        if (headers.isEmpty()) {
            return null;
        }
        String entity = EntityNames.listEntity(table, table, page);
        if (entity == null) {
            return null;
        }
        String obsKey = "observation:" + page.path() + "#" + key;
        List<SightedField> fields = new ArrayList<>();
        Element firstRow = table.selectFirst("tbody tr:has(td)");
        List<String> fieldNames = new ArrayList<>();
        List<Element> distinct = new ArrayList<>(new LinkedHashSet<>(headers));
        for (int i = 0; i < distinct.size(); i++) {
            String name = EntityInference.fieldName(snake(distinct.get(i).text()));
            if (name.isEmpty() || name.equals("actions") || name.equals("id")) {
                continue;
            }
            String sample = firstRow == null || firstRow.select("td").size() <= i ? "" : firstRow.select("td").get(i).text().strip();
            fieldNames.add(name);
            fields.add(new SightedField(name, new EntityModel.Field(typeFromSample(sample), null, null, null, null, distinct.get(i).text().strip(),
                    List.of(), Map.of(), List.of(), null), 0.45));
        }
        boolean deletes = table.select("button, a").stream().anyMatch(b -> DELETE.matcher(b.text() + " " + b.className()).find());
        return new Sighting(entity, 0.1, new Observation(obsKey, page.path(), "table", entity, fieldNames, "The page " + page.path() + " lists "
                + entity + " in a table with the columns " + listed(fieldNames) + "."), fields, Set.of(), List.of(),
                false, true, false, deletes);
    }

    static String typeFromSample(String sample) {
        if (sample.isEmpty()) {
            return "string";
        }
        if (EMAIL.matcher(sample).matches()) {
            return "email";
        }
        if (DATE.matcher(sample).matches()) {
            return "date";
        }
        if (NUMBER.matcher(sample).matches()) {
            return sample.matches("^[-+]?\\d+$") ? "integer" : "number";
        }
        if (sample.matches("(?i)^(yes|no|true|false)$")) {
            return "boolean";
        }
        if (sample.matches("(?i)^https?://\\S+$")) {
            return "url";
        }
        return "string";
    }

    // ---- card grids and lists

    /** Groups of at least two sibling elements sharing a card-like or item-like class (a card grid, a list of items). */
    static List<List<Element>> cardGrids(Document doc) {
        List<List<Element>> out = new ArrayList<>();
        Set<Element> parents = new LinkedHashSet<>();
        for (Element e : doc.select("[class~=(?i)(card|item|tile)]")) {
            if (e.parent() != null && e.closest("form") == null && e.closest("table") == null) {
                parents.add(e.parent());
            }
        }
        for (Element parent : parents) {
            Map<String, List<Element>> byClass = new LinkedHashMap<>();
            for (Element child : parent.children()) {
                for (String c : child.classNames()) {
                    if (c.matches("(?i).*(card|item|tile).*")) {
                        byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(child);
                    }
                }
            }
            // The most specific class shared by two or more siblings ("lesson-card" over "card").
            byClass.entrySet().stream().filter(en -> en.getValue().size() >= 2)
                    .max(java.util.Comparator.comparingInt((Map.Entry<String, List<Element>> en) -> en.getKey().length()))
                    .ifPresent(en -> out.add(en.getValue()));
        }
        return out;
    }

    private static Sighting cards(PageInput page, List<Element> cards, String key) {
        Element first = cards.get(0);
        String entity = EntityNames.listEntity(first, first.parent(), page);
        if (entity == null) {
            return null;
        }
        String obsKey = "observation:" + page.path() + "#" + key;
        List<SightedField> fields = new ArrayList<>();
        List<String> hasMany = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        for (Element part : first.select("*")) {
            if (part == first) {
                continue;
            }
            String name = null;
            String type = "string";
            String tag = part.normalName();
            if (tag.matches("h[1-6]")) {
                name = "title";
            } else if (tag.equals("time")) {
                name = part.classNames().stream().findFirst().map(PageEntities::partName).orElse("date");
                type = part.attr("datetime").contains("T") ? "datetime" : "date";
            } else if (tag.equals("img")) {
                name = "image_url";
                type = "url";
            } else if (tag.equals("a") && part.attr("href").startsWith("mailto:")) {
                name = "email";
                type = "email";
            } else if (!part.classNames().isEmpty() && !tag.equals("a") && !tag.equals("button") && part.children().isEmpty()) {
                name = partName(part.classNames().iterator().next());
                type = typeFromSample(part.text().strip());
            }
            if (name == null || name.isEmpty() || fieldNames.contains(name)) {
                continue;
            }
            fieldNames.add(name);
            fields.add(new SightedField(name, new EntityModel.Field(type, null, null, null, null, null, List.of(), Map.of(), List.of(), null), 0.35));
        }
        for (Element nested : first.select("ul[class], ol[class]")) {
            String target = EntityNames.nameFromAttributes(nested);
            if (target != null && !target.equals(entity)) {
                hasMany.add(target);
            }
        }
        boolean deletes = cards.stream().anyMatch(c -> c.select("button, a").stream().anyMatch(b -> DELETE.matcher(b.text() + " " + b.className()).find()));
        return new Sighting(entity, 0.05, new Observation(obsKey, page.path(), "cards", entity, fieldNames, "The page " + page.path() + " shows "
                + cards.size() + " " + first.classNames().stream().filter(c -> c.matches("(?i).*(card|item|tile).*")).findFirst().orElse("card")
                + " elements, read as a list of " + entity + (fieldNames.isEmpty() ? "." : " with " + listed(fieldNames) + ".")),
                fields, Set.of(), hasMany, false, true, false, deletes);
    }

    /** A card part's class as a field name: {@code lesson-title} → {@code title} when the card is a lesson. */
    private static String partName(String cls) {
        String s = snake(cls);
        int i = s.lastIndexOf('_');
        return EntityInference.fieldName(i > 0 && i < s.length() - 1 ? s.substring(i + 1) : s);
    }

    /** Field names for an observation's sentence: the first {@link EntityInference#MAX_FIELDS}, then how many more, so that a huge form makes no huge thought. */
    static String listed(List<String> names) {
        if (names.size() <= EntityInference.MAX_FIELDS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, EntityInference.MAX_FIELDS)) + " and " + (names.size() - EntityInference.MAX_FIELDS) + " more";
    }
}
