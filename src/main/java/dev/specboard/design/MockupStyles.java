package dev.specboard.design;

import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.HandlerBase;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.LexicalUnit;
import org.htmlunit.cssparser.parser.Locator;
import org.htmlunit.cssparser.parser.condition.Condition;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;
import org.htmlunit.cssparser.parser.media.MediaQuery;
import org.htmlunit.cssparser.parser.media.MediaQueryList;
import org.htmlunit.cssparser.parser.selector.ElementSelector;
import org.htmlunit.cssparser.parser.selector.Selector;
import org.htmlunit.cssparser.parser.selector.SelectorList;
import org.htmlunit.cssparser.parser.selector.SimpleSelector;
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
 * What a mockup's stylesheets, style attributes and colour attributes declare, read by the htmlunit CSS parser as
 * one document handler: colours in every form (with where they are used), spacing, font families and sizes, custom
 * properties and media queries. {@link MockupAnalyzer} feeds it a mockup's sheets and reads the structure itself.
 */
final class MockupStyles extends HandlerBase implements CSSErrorHandler {

    private static final Set<String> SPACING = Set.of("margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
            "margin-block", "margin-inline", "margin-block-start", "margin-block-end", "margin-inline-start", "margin-inline-end",
            "padding", "padding-top", "padding-right", "padding-bottom", "padding-left", "padding-block", "padding-inline",
            "padding-block-start", "padding-block-end", "padding-inline-start", "padding-inline-end", "gap", "row-gap", "column-gap",
            "grid-gap", "grid-row-gap", "grid-column-gap");
    private static final Set<String> GENERIC_FAMILIES = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
            "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong", "inherit", "initial", "unset");

    final List<MockupAnalyzer.Declaration> declarations = new ArrayList<>();
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
    private List<MockupAnalyzer.Subject> current = List.of();
    private MockupAnalyzer.Subject inline;
    private MediaQueryList media;
    private int mediaRules;

    /** Reads a stylesheet ({@code <style>} or the mockup's CSS). */
    void parseSheet(String css) {
        parse(null, parser -> parser.parseStyleSheet(new InputSource(new StringReader(css))));
    }

    /** Reads an element's {@code style} attribute, whose declarations style that element. */
    void parseInline(String style, MockupAnalyzer.Subject subject) {
        parse(subject, parser -> parser.parseStyleDeclaration(new InputSource(new StringReader(style))));
    }

    private interface Parse {
        void run(CSS3Parser parser) throws IOException;
    }

    private void parse(MockupAnalyzer.Subject subject, Parse parse) {
        CSS3Parser parser = new CSS3Parser();
        parser.setDocumentHandler(this);
        parser.setErrorHandler(this);
        inline = subject;
        try {
            parse.run(parser);
        } catch (IOException | RuntimeException e) {
            errors++;
        } finally {
            inline = null;
        }
    }

    @Override
    public void startSelector(SelectorList selectors, Locator locator) {
        List<MockupAnalyzer.Subject> subjects = new ArrayList<>();
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
                Double px = p.getValue() == null ? null : CssLengths.px(p.getValue().getCssText());
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
            for (Map.Entry<String, Integer> d : MockupAnalyzer.DEVICES.entrySet()) {
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
        declarations.add(new MockupAnalyzer.Declaration(property, value, inline != null ? List.of(inline) : current));
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

    void measure(MockupAnalyzer.Declaration d) {
        String p = d.property();
        if (!p.startsWith("--")) {
            colors(d.value(), CssColors.isColorProperty(p), hex -> countColor(hex, contexts(p, d.subjects())));
        }
        if (SPACING.contains(p)) {
            for (LexicalUnit u = d.value(); u != null; u = u.getNextLexicalUnit()) {
                Double px = CssLengths.px(u, false);
                if (px != null && px > 0) {
                    spacing.merge(round(px), 1, Integer::sum);
                }
            }
        } else if (p.equals("font-size")) {
            Double px = CssLengths.px(d.value(), true);
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
        MockupAnalyzer.Subject s = MockupAnalyzer.subject(e);
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
        stacks.putIfAbsent(primary, String.join(", ", stack.stream().map(MockupStyles::quoteFamily).toList()));
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
            return CssLengths.sizeWord(u.getStringValue());
        }
        if (u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.INTEGER || u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.REAL) {
            return null; // a weight like 700, not a size
        }
        return CssLengths.px(u, true);
    }

    /** The analysis: what the styles declared, with the components and interactions the HTML shows. */
    MockupAnalysis result(List<MockupAnalysis.ComponentUse> components, List<MockupAnalysis.Interaction> interactions) {
        List<MockupAnalysis.ColorUse> usage = new ArrayList<>();
        colorCounts.forEach((hex, n) -> usage.add(new MockupAnalysis.ColorUse(hex, n, List.copyOf(colorContexts.get(hex)))));
        usage.sort(Comparator.comparingInt(MockupAnalysis.ColorUse::count).reversed());
        SpacingScale scale = SpacingScale.of(spacing);
        List<MockupAnalysis.Measure> spacingValues = spacing.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList();
        List<MockupAnalysis.Family> fams = new ArrayList<>();
        families.forEach((name, n) -> fams.add(new MockupAnalysis.Family(name, n, stacks.get(name))));
        fams.sort(Comparator.comparingInt(MockupAnalysis.Family::count).reversed());
        List<MockupAnalysis.Measure> sizeValues = sizes.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList();
        return new MockupAnalysis(usage.stream().map(MockupAnalysis.ColorUse::value).toList(), usage,
                components.stream().map(MockupAnalysis.ComponentUse::type).toList(), components,
                new MockupAnalysis.SpacingAnalysis(scale.base(), scale.consistent(), scale.consistency(), spacingValues),
                new MockupAnalysis.Typography(fams, sizeValues), Map.copyOf(customColors), interactions,
                new MockupAnalysis.ResponsiveRules(breakpoints), errors);
    }

    private static MockupAnalyzer.Subject subjectOf(Selector selector) {
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
        return new MockupAnalyzer.Subject(tag, classes, pseudo, type, role);
    }

    /** Where a colour is used: its role (backgrounds, text, borders...) and the kinds of element it styles (buttons, links...). */
    static Set<String> contexts(String property, List<MockupAnalyzer.Subject> subjects) {
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
        for (MockupAnalyzer.Subject s : subjects) {
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

    private static double round(double v) {
        return Math.round(v * 100) / 100d;
    }

    private static String quoteFamily(String name) {
        return GENERIC_FAMILIES.contains(name.toLowerCase(Locale.ROOT)) || name.matches("[A-Za-z-]+") ? name : "\"" + name.replace("\"", "") + "\"";
    }
}
