package dev.specboard.design;

import dev.specboard.design.EntityInference.Observation;
import dev.specboard.design.EntityInference.PageInput;
import dev.specboard.design.PageEntities.SightedField;
import dev.specboard.design.PageEntities.Sighting;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.specboard.design.EntityInference.snake;

/**
 * What ONE page's mockup lists, for {@link PageEntities}: a table read by its headers and first row, a card grid by
 * the parts of its first card; each is a sighting of an entity the page reads (and deletes, with a delete button).
 */
final class PageLists {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$|^\\d{1,2}/\\d{1,2}/\\d{2,4}$");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?[$€£]?\\d[\\d,]*(\\.\\d+)?%?$");

    private PageLists() {
    }

    // ---- tables

    static Sighting table(PageInput page, Element table, String key) {
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
        boolean deletes = table.select("button, a").stream().anyMatch(b -> PageEntities.DELETE.matcher(b.text() + " " + b.className()).find());
        return new Sighting(entity, 0.1, new Observation(obsKey, page.path(), "table", entity, fieldNames, "The page " + page.path() + " lists "
                + entity + " in a table with the columns " + PageEntities.listed(fieldNames) + "."), fields, Set.of(), List.of(),
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

    static Sighting cards(PageInput page, List<Element> cards, String key) {
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
                name = part.classNames().stream().findFirst().map(PageLists::partName).orElse("date");
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
        boolean deletes = cards.stream().anyMatch(c -> c.select("button, a").stream().anyMatch(b -> PageEntities.DELETE.matcher(b.text() + " " + b.className()).find()));
        return new Sighting(entity, 0.05, new Observation(obsKey, page.path(), "cards", entity, fieldNames, "The page " + page.path() + " shows "
                + cards.size() + " " + first.classNames().stream().filter(c -> c.matches("(?i).*(card|item|tile).*")).findFirst().orElse("card")
                + " elements, read as a list of " + entity + (fieldNames.isEmpty() ? "." : " with " + PageEntities.listed(fieldNames) + ".")),
                fields, Set.of(), hasMany, false, true, false, deletes);
    }

    /** A card part's class as a field name: {@code lesson-title} → {@code title} when the card is a lesson. */
    private static String partName(String cls) {
        String s = snake(cls);
        int i = s.lastIndexOf('_');
        return EntityInference.fieldName(i > 0 && i < s.length() - 1 ? s.substring(i + 1) : s);
    }
}
