package dev.specboard.design;

import dev.specboard.design.EntityInference.PageInput;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.specboard.design.EntityInference.pascal;
import static dev.specboard.design.EntityInference.singular;
import static dev.specboard.design.EntityInference.snake;

/**
 * The entity a form, table or card grid of a mockup is about, named from what the markup says: a {@code data-entity},
 * an id, name or class, a form's action, a caption or heading, else the page's name ({@link PageEntities} reads the rest).
 */
final class EntityNames {

    private static final Set<String> NOISE = Set.of("form", "new", "edit", "create", "add", "update", "the", "a", "an", "your", "my", "list",
            "table", "grid", "card", "cards", "item", "items", "row", "rows", "details", "detail", "section", "container", "wrapper", "box", "main",
            "page", "view", "modal", "dialog", "js", "panel", "all", "manage", "delete", "remove", "save", "entry");
    /** Words that name a field of the thing before them rather than a thing: "lesson title", "course overview". */
    private static final Set<String> FIELD_WORDS = Set.of("title", "titles", "name", "names", "heading", "header", "info", "information",
            "overview", "summary", "description", "descriptions");
    private static final Set<String> USER_WORDS = Set.of("signup", "sign", "register", "registration", "login", "signin", "account", "profile",
            "user", "users", "join", "member", "settings");

    private static final int HEADING_LOOKBACK = 32;

    private EntityNames() {
    }

    /** The entity a form is about: its data-entity, id or name, its action, its heading, else the page's name. */
    static String entityName(Element form, Document doc, PageInput page) {
        String fromAttrs = nameFromAttributes(form);
        if (fromAttrs != null) {
            return fromAttrs;
        }
        String action = form.attr("action");
        if (!action.isBlank()) {
            List<String> segments = new ArrayList<>();
            for (String s : action.replaceFirst("^[a-z]+://[^/]+", "").split("[/?#]")) {
                if (!s.isBlank() && !s.matches("\\d+|[0-9a-f-]{36}|:?id|\\{id}")) {
                    segments.add(s);
                }
            }
            for (int i = segments.size() - 1; i >= 0; i--) {
                String n = nameFromWords(segments.get(i));
                if (n != null) {
                    return n;
                }
            }
        }
        String fromHeading = nameFromWords(heading(form, doc));
        if (fromHeading != null) {
            return fromHeading;
        }
        String fromPage = nameFromWords(page.name());
        return fromPage != null ? fromPage : "Record";
    }

    /**
     * What a table or card grid lists: the name its attributes give, a table's caption, the heading before
     * {@code headed}, else the page's name; null when none names an entity.
     */
    static String listEntity(Element list, Element headed, PageInput page) {
        String entity = nameFromAttributes(list);
        if (entity == null && list.normalName().equals("table")) {
            Element caption = list.selectFirst("caption");
            entity = caption != null ? nameFromWords(caption.text()) : null;
        }
        if (entity == null) {
            entity = nameFromWords(precedingHeading(headed));
        }
        return entity != null ? entity : nameFromWords(page.name());
    }

    /** An entity name from an element's data-entity, id, name or (for lists) class: {@code new-contact-form} → Contact. */
    static String nameFromAttributes(Element e) {
        // A data-entity of punctuation alone names nothing (it gave the entity "" with the plural "s"): the other names are asked.
        String named = pascal(singular(snake(e.attr("data-entity"))));
        if (!named.isEmpty()) {
            return named;
        }
        for (String candidate : List.of(e.id(), e.attr("name"), e.attr("aria-label"))) {
            String n = nameFromWords(candidate);
            if (n != null) {
                return n;
            }
        }
        for (String cls : e.classNames()) {
            if (cls.matches("(?i).*[-_](card|item|tile|list|table|grid|row)s?$")) {
                String n = nameFromWords(cls);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    /** The meaningful word(s) of a text as an entity name; sign-up, login and profile words mean the User. */
    static String nameFromWords(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : snake(text).split("_")) {
            if (w.isEmpty() || w.matches("\\d+")) {
                continue;
            }
            if (USER_WORDS.contains(w) || w.equals("in") && words.contains("sign") || w.equals("up") && words.contains("sign")) {
                return "User";
            }
            if (!NOISE.contains(w)) {
                words.add(w);
            }
        }
        words.remove("sign");
        if (words.size() > 1 && FIELD_WORDS.contains(words.get(words.size() - 1))) {
            // "Lesson title" heads the lesson's title field: the thing is the lesson, not a LessonTitle.
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.size() > 3) {
            return null;
        }
        words.set(words.size() - 1, singular(words.get(words.size() - 1)));
        return pascal(String.join("_", words));
    }

    static String heading(Element form, Document doc) {
        Element h = form.selectFirst("legend, h1, h2, h3");
        return h != null ? h.text() : precedingHeading(form);
    }

    /**
     * The nearest heading before the element, looking back at most {@link #HEADING_LOOKBACK} elements: a heading
     * farther away is not the form's, and an unbounded walk made each of thousands of sibling forms search all the
     * others before it.
     */
    private static String precedingHeading(Element e) {
        int budget = HEADING_LOOKBACK;
        for (Element at = e; at != null && budget > 0; at = at.parent()) {
            for (Element sib = at.previousElementSibling(); sib != null && budget > 0; sib = sib.previousElementSibling(), budget--) {
                if (sib.normalName().matches("h[1-6]")) {
                    return sib.text();
                }
                Element inner = sib.selectFirst("h1, h2, h3");
                if (inner != null) {
                    return inner.text();
                }
            }
        }
        return "";
    }
}
