package dev.specboard.design;

import org.htmlunit.cssparser.parser.condition.Condition;
import org.htmlunit.cssparser.parser.selector.ElementSelector;
import org.htmlunit.cssparser.parser.selector.Selector;
import org.htmlunit.cssparser.parser.selector.SimpleSelector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extracts a mockup's patterns by parsing it: jsoup reads the HTML (structure, classes, inline
 * {@code style} attributes, {@code <style>} blocks, declared interactions), the htmlunit CSS parser reads
 * every stylesheet and style attribute (colours in every form, font families and sizes, spacing,
 * pseudo-class states, media queries: {@link MockupStyles}). Stateless and reusable: context items run HTML files through it too.
 */
public final class MockupAnalyzer {

    /** The device frames mockups are shown in, by width. */
    public static final Map<String, Integer> DEVICES = devices();

    /**
     * Elements whose style or colour attributes one analysis reads, and interactions it lists; past them it reads the
     * first ones and says it is partial. A 264 KB mockup of 4,800 styled elements saved 40 times at once ran a 160 MB heap out.
     */
    public static final int MAX_STYLED_ELEMENTS = 2_000;
    public static final int MAX_INTERACTIONS = 500;
    /** Declarations one analysis reads (sheets and attributes together). */
    public static final int MAX_DECLARATIONS = MockupStyles.MAX_DECLARATIONS;

    private static final Set<String> STATES = Set.of("hover", "focus", "focus-visible", "focus-within", "active", "disabled", "checked",
            "visited", "invalid", "required", "placeholder-shown");
    private static final Set<String> MODIFIERS = Set.of("primary", "secondary", "tertiary", "ghost", "outline", "outlined", "danger",
            "success", "warning", "info", "link", "large", "small", "lg", "sm", "xs", "icon", "block", "flat", "raised", "featured",
            "compact", "elevated", "active");
    /** Every component kind {@link #kinds} finds: the patterns a page can use. */
    public static final List<String> COMPONENT_KINDS = List.of("button", "link", "input", "form", "card", "nav", "table", "list", "modal");
    private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset", "image");

    private MockupAnalyzer() {
    }

    private static Map<String, Integer> devices() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("mobile", 375);
        m.put("tablet", 768);
        m.put("desktop", 1280);
        return m;
    }

    /** What one selector's subject (its rightmost compound) is: element name, classes, pseudo-classes, type attribute. */
    record Subject(String tag, Set<String> classes, Set<String> pseudo, String type, String role) {
        Set<String> kinds() {
            return MockupAnalyzer.kinds(tag, classes, type, role);
        }
    }

    /** Parses the mockup's HTML and its separate CSS (either may be empty). */
    public static MockupAnalysis analyze(String html, String css) {
        return analyze(html, css, null);
    }

    /** Parses the mockup's HTML, its separate CSS and its separate JavaScript (any may be empty). */
    public static MockupAnalysis analyze(String html, String css, String js) {
        return analyze(html, css, js, new MockupStyles());
    }

    /** The analysis, read into the given styles (a test reads what they kept). */
    static MockupAnalysis analyze(String html, String css, String js, MockupStyles c) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        List<String> sheets = new ArrayList<>();
        if (css != null && !css.isBlank()) {
            sheets.add(css);
        }
        for (Element style : doc.select("style")) {
            sheets.add(style.data());
        }
        for (String sheet : sheets) {
            c.parseSheet(sheet);
        }
        int styled = 0;
        for (Element e : doc.select("[style], [fill], [stroke], [bgcolor], font[color]")) {
            if (++styled > MAX_STYLED_ELEMENTS) {
                c.partial = true;
                break;
            }
            Subject s = subject(e);
            if (e.hasAttr("style")) {
                c.parseInline(e.attr("style"), s);
            }
            for (String attr : List.of("fill", "stroke", "bgcolor", "color")) {
                if (e.hasAttr(attr) && (!attr.equals("color") || e.normalName().equals("font"))) {
                    c.parseAttributeColor(attr.equals("bgcolor") ? "background-color" : attr, e.attr(attr), s);
                }
            }
        }
        c.readAttributes();
        c.collectCustomProperties();
        List<MockupAnalysis.ComponentUse> components = new ArrayList<>();
        components(doc, c.styledStates).forEach((kind, acc) -> components.add(new MockupAnalysis.ComponentUse(kind, acc.count,
                List.copyOf(acc.variants), List.copyOf(acc.states), acc.common == null ? "" : String.join(" ", acc.common))));
        List<String> scripts = new ArrayList<>();
        scripts.add(js);
        for (Element script : doc.select("script:not([src])")) {
            scripts.add(script.data());
        }
        List<MockupAnalysis.Interaction> interactions = interactions(doc);
        interactions.addAll(MockupScripts.interactions(scripts));
        if (interactions.size() > MAX_INTERACTIONS) {
            interactions = new ArrayList<>(interactions.subList(0, MAX_INTERACTIONS));
            c.partial = true;
        }
        return c.result(components, interactions);
    }

    // --- HTML structure

    static Subject subject(Element e) {
        return new Subject(e.normalName(), new LinkedHashSet<>(e.classNames()), Set.of(), e.attr("type").toLowerCase(Locale.ROOT),
                e.attr("role").toLowerCase(Locale.ROOT));
    }

    /** The subject of a selector: its rightmost compound's element name, classes, pseudo-classes, type and role. */
    static Subject subjectOf(Selector selector) {
        SimpleSelector simple = selector.getSimpleSelector();
        String tag = "";
        Set<String> classes = new LinkedHashSet<>();
        Set<String> pseudo = new LinkedHashSet<>();
        String type = "";
        String role = "";
        if (simple instanceof ElementSelector e) {
            tag = e.getLocalNameLowerCase() == null ? "" : e.getLocalNameLowerCase();
            if (e.getConditions() != null) {
                for (Condition c : e.getConditions()) {
                    switch (c.getConditionType()) {
                        case CLASS_CONDITION -> classes.add(c.getValue());
                        case PSEUDO_CLASS_CONDITION -> pseudo.add(c.getValue() == null ? "" : c.getValue().toLowerCase(Locale.ROOT));
                        case ATTRIBUTE_CONDITION -> {
                            if ("type".equalsIgnoreCase(c.getLocalName()) && c.getValue() != null) {
                                type = c.getValue().toLowerCase(Locale.ROOT);
                            } else if ("role".equalsIgnoreCase(c.getLocalName()) && c.getValue() != null) {
                                role = c.getValue().toLowerCase(Locale.ROOT);
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        return new Subject(tag, classes, pseudo, type, role);
    }

    /** The component kinds an element (or a selector's subject) is, from its element name, role, type and common class names. */
    static Set<String> kinds(String tag, Set<String> classes, String type, String role) {
        Set<String> kinds = new LinkedHashSet<>();
        String t = tag == null ? "" : tag;
        Set<String> cls = new LinkedHashSet<>();
        classes.forEach(k -> cls.add(k.toLowerCase(Locale.ROOT)));
        boolean buttonClass = cls.stream().anyMatch(k -> k.equals("btn") || k.equals("button")
                || (t.equals("a") || t.isEmpty()) && (k.startsWith("btn-") || k.startsWith("button-") || k.startsWith("btn--") || k.startsWith("button--")));
        if (t.equals("button") || t.equals("input") && BUTTON_INPUTS.contains(type) || role.equals("button") || buttonClass) {
            kinds.add("button");
        } else if (t.equals("a")) {
            kinds.add("link");
        }
        if ((t.equals("input") && !BUTTON_INPUTS.contains(type) && !type.equals("hidden")) || t.equals("textarea") || t.equals("select")
                || cls.stream().anyMatch(k -> k.equals("input") || k.equals("form-control") || k.equals("text-field") || k.equals("form-input"))) {
            kinds.add("input");
        }
        if (t.equals("form") || cls.contains("form")) {
            kinds.add("form");
        }
        if (t.equals("article") || cls.stream().anyMatch(k -> k.equals("card") || k.endsWith("-card") || k.endsWith("_card") || k.startsWith("card--"))) {
            kinds.add("card");
        }
        if (t.equals("nav") || role.equals("navigation") || cls.stream().anyMatch(k -> k.equals("nav") || k.equals("navbar") || k.equals("navigation")
                || k.equals("menu") || k.equals("tabs"))) {
            kinds.add("nav");
        }
        if (t.equals("table") || role.equals("table") || role.equals("grid")) {
            kinds.add("table");
        }
        if (t.equals("ul") || t.equals("ol") || t.equals("dl") || role.equals("list") || cls.contains("list")) {
            kinds.add("list");
        }
        if (t.equals("dialog") || role.equals("dialog") || role.equals("alertdialog") || cls.contains("modal") || cls.contains("dialog")) {
            kinds.add("modal");
        }
        return kinds;
    }

    private static final class ComponentAcc {
        int count;
        final Set<String> variants = new LinkedHashSet<>();
        final Set<String> states = new LinkedHashSet<>();
        Set<String> common;
    }

    private static Map<String, ComponentAcc> components(Document doc, Map<String, Set<String>> styledStates) {
        Map<String, ComponentAcc> found = new LinkedHashMap<>();
        for (Element e : doc.body().getAllElements()) {
            Subject s = subject(e);
            Set<String> kinds = s.kinds();
            if (kinds.contains("list") && e.closest("nav") != null && !e.normalName().equals("nav")) {
                kinds.remove("list"); // a menu's list is part of the nav
            }
            for (String kind : kinds) {
                ComponentAcc acc = found.computeIfAbsent(kind, k -> new ComponentAcc());
                acc.count++;
                Set<String> classes = new LinkedHashSet<>(s.classes());
                if (acc.common == null) {
                    acc.common = classes;
                } else {
                    acc.common.retainAll(classes);
                }
                acc.variants.addAll(variants(kind, e, s.classes()));
                if (e.hasAttr("disabled")) {
                    acc.states.add("disabled");
                }
                if (e.hasAttr("aria-current")) {
                    acc.states.add("current");
                }
                if (e.hasAttr("aria-expanded")) {
                    acc.states.add("expanded");
                }
                if (e.hasAttr("checked")) {
                    acc.states.add("checked");
                }
                if (e.hasAttr("required")) {
                    acc.states.add("required");
                }
            }
        }
        // States the CSS styles on selectors whose subject is that kind (.btn:hover, input:focus).
        styledStates.forEach((kind, pseudo) -> {
            ComponentAcc acc = found.get(kind);
            if (acc != null) {
                pseudo.stream().filter(STATES::contains).forEach(acc.states::add);
            }
        });
        return found;
    }

    private static Set<String> variants(String kind, Element e, Set<String> classes) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : classes) {
            String k = raw.toLowerCase(Locale.ROOT);
            for (String base : List.of("btn", "button", "card", "nav", "input", "table", "list", "modal", "form")) {
                for (String sep : List.of("--", "-", "_")) {
                    if (k.startsWith(base + sep) && k.length() > base.length() + sep.length() && kinds(e.normalName(), Set.of(base), "", "").contains(kind)) {
                        String suffix = k.substring(base.length() + sep.length());
                        if (!kind.equals("card") || sep.equals("--") || MODIFIERS.contains(suffix)) {
                            out.add(suffix);
                        }
                    }
                }
            }
            if (MODIFIERS.contains(k)) {
                out.add(k);
            }
        }
        if (kind.equals("input")) {
            out.add(e.normalName().equals("input") ? (e.attr("type").isBlank() ? "text" : e.attr("type").toLowerCase(Locale.ROOT)) : e.normalName());
        }
        if (kind.equals("list")) {
            out.add(e.normalName().equals("ol") ? "ordered" : e.normalName().equals("dl") ? "definitions" : "unordered");
        }
        return out;
    }

    private static List<MockupAnalysis.Interaction> interactions(Document doc) {
        List<MockupAnalysis.Interaction> out = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") && name.length() > 2) {
                    out.add(MockupScripts.classify(name.substring(2), selector(e), a.getValue()));
                }
            }
            if (e.hasAttr("data-action")) {
                String trigger = e.hasAttr("data-trigger") ? e.attr("data-trigger") : e.normalName().equals("form") ? "submit" : "click";
                out.add(new MockupAnalysis.Interaction(trigger, selector(e), e.attr("data-action"), e.hasAttr("data-target") ? e.attr("data-target") : null));
            }
            switch (e.normalName()) {
                case "a" -> {
                    if (e.hasAttr("href")) {
                        out.add(new MockupAnalysis.Interaction("click", selector(e), "navigate", e.attr("href")));
                    }
                }
                case "form" -> out.add(new MockupAnalysis.Interaction("submit", selector(e), "submit_form",
                        e.hasAttr("action") ? e.attr("action") : null));
                case "details" -> out.add(new MockupAnalysis.Interaction("click", selector(e), "toggle", null));
                case "dialog" -> out.add(new MockupAnalysis.Interaction("open", selector(e), "show_dialog", null));
                default -> {
                }
            }
        }
        return out;
    }

    /** A short selector for an element: its name with its id or first classes. */
    static String selector(Element e) {
        StringBuilder sb = new StringBuilder(e.normalName());
        if (!e.id().isBlank()) {
            return sb.append('#').append(e.id()).toString();
        }
        e.classNames().stream().limit(2).forEach(k -> sb.append('.').append(k));
        return sb.toString();
    }

}
