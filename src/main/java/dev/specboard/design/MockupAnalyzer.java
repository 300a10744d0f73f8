package dev.specboard.design;

import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.HandlerBase;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.LexicalUnit;
import org.htmlunit.cssparser.parser.Locator;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;
import org.htmlunit.cssparser.parser.media.MediaQuery;
import org.htmlunit.cssparser.parser.media.MediaQueryList;
import org.htmlunit.cssparser.parser.selector.ElementSelector;
import org.htmlunit.cssparser.parser.selector.Selector;
import org.htmlunit.cssparser.parser.selector.SelectorList;
import org.htmlunit.cssparser.parser.selector.SimpleSelector;
import org.htmlunit.cssparser.parser.condition.Condition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Extracts a mockup's patterns by parsing it: jsoup reads the HTML (structure, classes, inline
 * {@code style} attributes, {@code <style>} blocks, declared interactions), the htmlunit CSS parser reads
 * every stylesheet and style attribute (colours in every form, font families and sizes, spacing,
 * pseudo-class states, media queries). Stateless and reusable: context items run HTML files through it too.
 */
public final class MockupAnalyzer {

    /** The device frames mockups are shown in, by width. */
    public static final Map<String, Integer> DEVICES = devices();

    private static final Set<String> SPACING = Set.of("margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
            "margin-block", "margin-inline", "margin-block-start", "margin-block-end", "margin-inline-start", "margin-inline-end",
            "padding", "padding-top", "padding-right", "padding-bottom", "padding-left", "padding-block", "padding-inline",
            "padding-block-start", "padding-block-end", "padding-inline-start", "padding-inline-end", "gap", "row-gap", "column-gap",
            "grid-gap", "grid-row-gap", "grid-column-gap");
    private static final Set<String> STATES = Set.of("hover", "focus", "focus-visible", "focus-within", "active", "disabled", "checked",
            "visited", "invalid", "required", "placeholder-shown");
    private static final Set<String> MODIFIERS = Set.of("primary", "secondary", "tertiary", "ghost", "outline", "outlined", "danger",
            "success", "warning", "info", "link", "large", "small", "lg", "sm", "xs", "icon", "block", "flat", "raised", "featured",
            "compact", "elevated", "active");
    private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset", "image");
    private static final Map<String, Double> SIZE_WORDS = Map.of("xx-small", 9d, "x-small", 10d, "small", 13d, "medium", 16d,
            "large", 18d, "x-large", 24d, "xx-large", 32d, "xxx-large", 48d);
    private static final Set<String> GENERIC_FAMILIES = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
            "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong", "inherit", "initial", "unset");

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

    /** One declaration with the subjects of its rule (several for a selector list) and the media query around it. */
    record Declaration(String property, LexicalUnit value, List<Subject> subjects) {
    }

    /** Parses the mockup's HTML and its separate CSS (either may be empty). */
    public static MockupAnalysis analyze(String html, String css) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        Collector c = new Collector();
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
        for (Element e : doc.select("[style]")) {
            c.parseInline(e.attr("style"), subject(e));
        }
        c.collectCustomProperties();
        for (Declaration d : c.declarations) {
            c.measure(d);
        }
        for (Element e : doc.select("[fill], [stroke], [bgcolor], font[color]")) {
            c.attributeColors(e);
        }
        Map<String, ComponentAcc> components = components(doc, c.declarations);
        List<MockupAnalysis.Interaction> interactions = interactions(doc);
        return c.result(components, interactions);
    }

    // --- HTML structure

    static Subject subject(Element e) {
        return new Subject(e.normalName(), new LinkedHashSet<>(e.classNames()), Set.of(), e.attr("type").toLowerCase(Locale.ROOT),
                e.attr("role").toLowerCase(Locale.ROOT));
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

    private static Map<String, ComponentAcc> components(Document doc, List<Declaration> declarations) {
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
        for (Declaration d : declarations) {
            for (Subject s : d.subjects()) {
                for (String kind : s.kinds()) {
                    ComponentAcc acc = found.get(kind);
                    if (acc != null) {
                        s.pseudo().stream().filter(STATES::contains).forEach(acc.states::add);
                    }
                }
            }
        }
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
                    out.add(new MockupAnalysis.Interaction(name.substring(2), selector(e), "script", null));
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

    // --- CSS

    private static final class Collector extends HandlerBase implements CSSErrorHandler {
        final List<Declaration> declarations = new ArrayList<>();
        final Map<String, LexicalUnit> customRaw = new LinkedHashMap<>();
        final Map<String, String> customColors = new LinkedHashMap<>();
        final Map<String, Integer> colorCounts = new LinkedHashMap<>();
        final Map<String, Set<String>> colorContexts = new HashMap<>();
        final Map<Double, Integer> spacing = new TreeMap<>();
        final Map<Double, Integer> sizes = new TreeMap<>();
        final Map<String, Integer> families = new LinkedHashMap<>();
        final Map<String, String> stacks = new HashMap<>();
        final List<MockupAnalysis.Breakpoint> breakpoints = new ArrayList<>();
        int errors;
        private List<Subject> current = List.of();
        private Subject inline;
        private MediaQueryList media;
        private int mediaRules;

        void parseSheet(String css) {
            CSS3Parser parser = new CSS3Parser();
            parser.setDocumentHandler(this);
            parser.setErrorHandler(this);
            inline = null;
            try {
                parser.parseStyleSheet(new InputSource(new StringReader(css)));
            } catch (IOException | RuntimeException e) {
                errors++;
            }
        }

        void parseInline(String style, Subject subject) {
            CSS3Parser parser = new CSS3Parser();
            parser.setDocumentHandler(this);
            parser.setErrorHandler(this);
            inline = subject;
            try {
                parser.parseStyleDeclaration(new InputSource(new StringReader(style)));
            } catch (IOException | RuntimeException e) {
                errors++;
            } finally {
                inline = null;
            }
        }

        @Override
        public void startSelector(SelectorList selectors, Locator locator) {
            List<Subject> subjects = new ArrayList<>();
            for (Selector s : selectors) {
                subjects.add(subjectOf(s));
            }
            current = subjects;
            if (media != null) {
                mediaRules++;
            }
        }

        @Override
        public void endSelector(SelectorList selectors) {
            current = List.of();
        }

        @Override
        public void startMedia(MediaQueryList list, Locator locator) {
            media = list;
            mediaRules = 0;
        }

        @Override
        public void endMedia(MediaQueryList list) {
            for (MediaQuery q : list.getMediaQueries()) {
                Integer min = null;
                Integer max = null;
                for (Property p : q.getProperties()) {
                    Double px = p.getValue() == null ? null : lengthOf(p.getValue().getCssText());
                    if (px == null) {
                        continue;
                    }
                    if (p.getName().equalsIgnoreCase("min-width")) {
                        min = (int) Math.round(px);
                    } else if (p.getName().equalsIgnoreCase("max-width")) {
                        max = (int) Math.round(px);
                    }
                }
                List<String> devices = new ArrayList<>();
                for (Map.Entry<String, Integer> d : DEVICES.entrySet()) {
                    if ((min == null || d.getValue() >= min) && (max == null || d.getValue() <= max) && (min != null || max != null) && !q.isNot()) {
                        devices.add(d.getKey());
                    }
                }
                breakpoints.add(new MockupAnalysis.Breakpoint(q.toString(), min, max, devices, mediaRules));
            }
            media = null;
        }

        @Override
        public void property(String name, LexicalUnit value, boolean important, Locator locator) {
            if (value == null) {
                return;
            }
            String property = name.toLowerCase(Locale.ROOT);
            if (property.startsWith("--")) {
                customRaw.put(name, value);
            }
            declarations.add(new Declaration(property, value, inline != null ? List.of(inline) : current));
        }

        @Override
        public void warning(CSSParseException e) {
        }

        @Override
        public void error(CSSParseException e) {
            errors++;
        }

        @Override
        public void fatalError(CSSParseException e) {
            errors++;
        }

        void collectCustomProperties() {
            for (String name : customRaw.keySet()) {
                CssColors.ofCustomProperty(customRaw, name).ifPresent(hex -> customColors.put(name.substring(2), hex));
            }
        }

        void measure(Declaration d) {
            String p = d.property();
            if (!p.startsWith("--")) {
                colors(d.value(), CssColors.isColorProperty(p), hex -> countColor(hex, contexts(p, d.subjects())));
            }
            if (SPACING.contains(p)) {
                for (LexicalUnit u = d.value(); u != null; u = u.getNextLexicalUnit()) {
                    Double px = px(u, false);
                    if (px != null && px > 0) {
                        spacing.merge(round(px), 1, Integer::sum);
                    }
                }
            } else if (p.equals("font-size")) {
                Double px = px(d.value(), true);
                if (px != null && px > 0) {
                    sizes.merge(round(px), 1, Integer::sum);
                }
            } else if (p.equals("font-family")) {
                family(d.value());
            } else if (p.equals("font")) {
                fontShorthand(d.value());
            }
        }

        void attributeColors(Element e) {
            Subject s = subject(e);
            for (String attr : List.of("fill", "stroke", "bgcolor", "color")) {
                if (!e.hasAttr(attr) || attr.equals("color") && !e.normalName().equals("font")) {
                    continue;
                }
                try {
                    LexicalUnit u = new CSS3Parser().parsePropertyValue(new InputSource(new StringReader(e.attr(attr))));
                    String property = attr.equals("bgcolor") ? "background-color" : attr;
                    colors(u, true, hex -> countColor(hex, contexts(property, List.of(s))));
                } catch (IOException | RuntimeException ex) {
                    errors++;
                }
            }
        }

        private void colors(LexicalUnit first, boolean identsAreColors, Consumer<String> out) {
            CssColors.each(first, identsAreColors, name -> CssColors.ofCustomProperty(customRaw, name), out);
        }

        private void countColor(String hex, Set<String> contexts) {
            colorCounts.merge(hex, 1, Integer::sum);
            colorContexts.computeIfAbsent(hex, k -> new LinkedHashSet<>()).addAll(contexts);
        }

        private void family(LexicalUnit first) {
            List<String> stack = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            for (LexicalUnit u = first; u != null; u = u.getNextLexicalUnit()) {
                switch (u.getLexicalUnitType()) {
                    case OPERATOR_COMMA -> {
                        if (!name.isEmpty()) {
                            stack.add(name.toString());
                        }
                        name.setLength(0);
                    }
                    case IDENT, STRING_VALUE -> name.append(name.isEmpty() ? "" : " ").append(u.getStringValue());
                    default -> {
                    }
                }
            }
            if (!name.isEmpty()) {
                stack.add(name.toString());
            }
            if (stack.isEmpty() || Set.of("inherit", "initial", "unset", "revert").contains(stack.get(0).toLowerCase(Locale.ROOT))) {
                return;
            }
            String primary = stack.get(0);
            families.merge(primary, 1, Integer::sum);
            stacks.putIfAbsent(primary, String.join(", ", stack.stream().map(MockupAnalyzer::quoteFamily).toList()));
        }

        /** {@code font: [style] [weight] size[/line-height] family, ...}: the size, then everything after it is the family stack. */
        private void fontShorthand(LexicalUnit first) {
            for (LexicalUnit u = first; u != null; u = u.getNextLexicalUnit()) {
                Double px = sizeUnit(u);
                if (px != null) {
                    if (px > 0) {
                        sizes.merge(round(px), 1, Integer::sum);
                    }
                    LexicalUnit rest = u.getNextLexicalUnit();
                    if (rest != null && rest.getLexicalUnitType() == LexicalUnit.LexicalUnitType.OPERATOR_SLASH) {
                        rest = rest.getNextLexicalUnit() == null ? null : rest.getNextLexicalUnit().getNextLexicalUnit();
                    }
                    if (rest != null) {
                        family(rest);
                    }
                    return;
                }
            }
        }

        private Double sizeUnit(LexicalUnit u) {
            if (u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.IDENT) {
                return SIZE_WORDS.get(u.getStringValue().toLowerCase(Locale.ROOT));
            }
            if (u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.INTEGER || u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.REAL) {
                return null; // a weight like 700, not a size
            }
            return px(u, true);
        }

        MockupAnalysis result(Map<String, ComponentAcc> components, List<MockupAnalysis.Interaction> interactions) {
            List<MockupAnalysis.ColorUse> usage = new ArrayList<>();
            colorCounts.forEach((hex, n) -> usage.add(new MockupAnalysis.ColorUse(hex, n, List.copyOf(colorContexts.get(hex)))));
            usage.sort(Comparator.comparingInt(MockupAnalysis.ColorUse::count).reversed());
            List<MockupAnalysis.ComponentUse> comps = new ArrayList<>();
            components.forEach((kind, acc) -> comps.add(new MockupAnalysis.ComponentUse(kind, acc.count, List.copyOf(acc.variants),
                    List.copyOf(acc.states), acc.common == null ? "" : String.join(" ", acc.common))));
            SpacingScale scale = SpacingScale.of(spacing);
            List<MockupAnalysis.Measure> spacingValues = spacing.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList();
            List<MockupAnalysis.Family> fams = new ArrayList<>();
            families.forEach((name, n) -> fams.add(new MockupAnalysis.Family(name, n, stacks.get(name))));
            fams.sort(Comparator.comparingInt(MockupAnalysis.Family::count).reversed());
            List<MockupAnalysis.Measure> sizeValues = sizes.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList();
            return new MockupAnalysis(usage.stream().map(MockupAnalysis.ColorUse::value).toList(), usage,
                    comps.stream().map(MockupAnalysis.ComponentUse::type).toList(), comps,
                    new MockupAnalysis.SpacingAnalysis(scale.base(), scale.consistent(), scale.consistency(), spacingValues),
                    new MockupAnalysis.Typography(fams, sizeValues), Map.copyOf(customColors), interactions,
                    new MockupAnalysis.ResponsiveRules(breakpoints), errors);
        }
    }

    private static Subject subjectOf(Selector selector) {
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

    /** Where a colour is used: its role (backgrounds, text, borders...) and the kinds of element it styles (buttons, links...). */
    static Set<String> contexts(String property, List<Subject> subjects) {
        Set<String> out = new LinkedHashSet<>();
        if (property.startsWith("background")) {
            out.add("backgrounds");
        } else if (property.equals("color") || property.startsWith("text-decoration") || property.equals("caret-color")) {
            out.add("text");
        } else if (property.startsWith("border") || property.startsWith("outline") || property.startsWith("column-rule")) {
            out.add("borders");
        } else if (property.endsWith("shadow")) {
            out.add("shadows");
        } else if (property.equals("fill") || property.equals("stroke") || property.endsWith("-color")) {
            out.add("graphics");
        }
        for (Subject s : subjects) {
            for (String kind : s.kinds()) {
                out.add(plural(kind));
            }
        }
        return out;
    }

    static String plural(String kind) {
        return switch (kind) {
            case "nav" -> "nav";
            case "list" -> "lists";
            default -> kind + "s";
        };
    }

    /** A length in CSS pixels (rem and em at 16px); font sizes also take percentages and size words. Null for anything else. */
    static Double px(LexicalUnit u, boolean fontSize) {
        if (u == null) {
            return null;
        }
        double v = u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.IDENT ? 0 : safeDouble(u);
        return switch (u.getLexicalUnitType()) {
            case PIXEL -> v;
            case REM, EM -> v * 16;
            case POINT -> v * 4 / 3;
            case PICA -> v * 16;
            case INCH -> v * 96;
            case CENTIMETER -> v * 96 / 2.54;
            case MILLIMETER -> v * 96 / 25.4;
            case QUARTER -> v * 96 / 101.6;
            case PERCENTAGE -> fontSize ? v / 100 * 16 : null;
            case IDENT -> fontSize ? SIZE_WORDS.get(u.getStringValue().toLowerCase(Locale.ROOT)) : null;
            default -> null;
        };
    }

    private static double safeDouble(LexicalUnit u) {
        try {
            return u.getDoubleValue();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Double lengthOf(String cssText) {
        try {
            return px(new CSS3Parser().parsePropertyValue(new InputSource(new StringReader(cssText))), false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100d;
    }

    private static String quoteFamily(String name) {
        return GENERIC_FAMILIES.contains(name.toLowerCase(Locale.ROOT)) || name.matches("[A-Za-z-]+") ? name : "\"" + name.replace("\"", "") + "\"";
    }
}
