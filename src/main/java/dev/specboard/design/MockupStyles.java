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

    /** Declarations read at most in one analysis (sheets, style and colour attributes); past it the analysis is partial. */
    static final int MAX_DECLARATIONS = 10_000;

    /** Only declarations with a {@code var()} wait for every custom property to be read; the rest are measured as they come. */
    private record Pending(String property, LexicalUnit value, boolean identsAreColors, List<MockupAnalyzer.Subject> subjects) {
    }

    /** A style or colour attribute written into the one sheet of attributes as {@code #sN { ... }}. */
    private record Attribute(MockupAnalyzer.Subject subject, boolean colour) {
    }

    // One parser for the whole analysis: a new one (and its 40 KB of buffers) per style attribute took 330 MB for 4,800 of them.
    private final CSS3Parser parser = new CSS3Parser();
    private final StringBuilder attributeSheet = new StringBuilder();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    /** The pseudo-classes styled on selectors whose subject is each component kind ({@code .btn:hover}). */
    final Map<String, Set<String>> styledStates = new HashMap<>();
    int declarationsRead;
    boolean partial;
    private boolean statesTaken;
    private boolean readingAttributes;
    private Attribute attribute;
    final Map<String, LexicalUnit> customRaw = new LinkedHashMap<>();
    final Map<String, String> customColors = new LinkedHashMap<>();
    final Map<String, Integer> colorCounts = new LinkedHashMap<>();
    final Map<String, Set<String>> colorContexts = new HashMap<>();
    final Map<Double, Integer> spacing = new TreeMap<>();
    private final MockupFonts fonts = new MockupFonts();
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

    /**
     * Reads an element's {@code style} attribute, whose declarations style that element: written into one sheet with the
     * other attributes ({@link #readAttributes}), or read alone when it could reach past its own rule there.
     */
    void parseInline(String style, MockupAnalyzer.Subject subject) {
        if (closedWithin(style)) {
            attributes.add(new Attribute(subject, false));
            attributeSheet.append("#s").append(attributes.size() - 1).append('{').append(style).append("}\n");
        } else {
            parse(subject, p -> p.parseStyleDeclaration(new InputSource(new StringReader(style))));
        }
    }

    /** A colour attribute ({@code fill}, {@code stroke}, {@code bgcolor}, a font's {@code color}) as the property it stands for. */
    void parseAttributeColor(String property, String value, MockupAnalyzer.Subject subject) {
        String text = property + ':' + value;
        if (closedWithin(text)) {
            attributes.add(new Attribute(subject, true));
            attributeSheet.append("#s").append(attributes.size() - 1).append('{').append(text).append("}\n");
        } else {
            attribute = new Attribute(subject, true);
            parse(subject, p -> p.parseStyleDeclaration(new InputSource(new StringReader(text))));
            attribute = null;
        }
    }

    /** Whether a text cannot end its rule in the sheet of attributes early (braces, comments, strings, escapes, at-rules). */
    private static boolean closedWithin(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '{', '}', '/', '\\', '"', '\'', '@', '\n', '\r', '\f' -> {
                    return false;
                }
                case '(' -> depth++;
                case ')' -> depth--;
                default -> {
                }
            }
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Reads the style and colour attributes gathered so far, in one parse. */
    void readAttributes() {
        if (attributes.isEmpty()) {
            return;
        }
        String sheet = attributeSheet.toString();
        attributeSheet.setLength(0);
        readingAttributes = true;
        parse(null, p -> p.parseStyleSheet(new InputSource(new StringReader(sheet))));
        readingAttributes = false;
        attributes.clear();
    }

    private interface Parse {
        void run(CSS3Parser parser) throws IOException;
    }

    private void parse(MockupAnalyzer.Subject subject, Parse parse) {
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
        statesTaken = false;
        if (readingAttributes && selectors.size() == 1 && selectors.get(0).getSimpleSelector() instanceof ElementSelector e
                && e.getConditions() != null && e.getConditions().size() == 1
                && e.getConditions().get(0).getConditionType() == Condition.ConditionType.ID_CONDITION) {
            String id = e.getConditions().get(0).getValue();
            int n = id != null && id.matches("s[0-9]{1,7}") ? Integer.parseInt(id.substring(1)) : -1;
            if (n >= 0 && n < attributes.size()) {
                attribute = attributes.get(n);
                current = List.of(attribute.subject());
                return;
            }
        }
        List<MockupAnalyzer.Subject> subjects = new ArrayList<>();
        for (Selector s : selectors) {
            subjects.add(MockupAnalyzer.subjectOf(s));
        }
        current = subjects;
        if (media != null) {
            mediaRules++;
        }
    }

    @Override
    public void endSelector(SelectorList selectors) {
        current = List.of();
        attribute = null;
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
        if (declarationsRead >= MAX_DECLARATIONS) {
            partial = true;
            return;
        }
        declarationsRead++;
        String property = name.toLowerCase(Locale.ROOT);
        List<MockupAnalyzer.Subject> subjects = inline != null ? List.of(inline) : current;
        if (!statesTaken) {
            statesTaken = true;
            for (MockupAnalyzer.Subject s : subjects) {
                if (!s.pseudo().isEmpty()) {
                    s.kinds().forEach(kind -> styledStates.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(s.pseudo()));
                }
            }
        }
        if (property.startsWith("--")) {
            customRaw.put(name, value);
            return;
        }
        boolean identsAreColors = attribute != null && attribute.colour() || CssColors.isColorProperty(property);
        if (usesVar(value)) {
            pending.add(new Pending(property, value, identsAreColors, subjects));
        } else {
            measure(property, value, identsAreColors, subjects);
        }
    }

    private static boolean usesVar(LexicalUnit first) {
        for (LexicalUnit u = first; u != null; u = u.getNextLexicalUnit()) {
            if (u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.FUNCTION && "var".equalsIgnoreCase(u.getFunctionName())
                    || u.getParameters() != null && usesVar(u.getParameters())) {
                return true;
            }
        }
        return false;
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

    /** Once every sheet and attribute is read: the colours custom properties hold, and the declarations that use them. */
    void collectCustomProperties() {
        for (String name : customRaw.keySet()) {
            CssColors.ofCustomProperty(customRaw, name).ifPresent(hex -> customColors.put(name.substring(2), hex));
        }
        for (Pending d : pending) {
            measure(d.property(), d.value(), d.identsAreColors(), d.subjects());
        }
        pending.clear();
    }

    /** The number of declarations waiting for the custom properties (at most {@link #MAX_DECLARATIONS}). */
    int pending() {
        return pending.size();
    }

    private void measure(String p, LexicalUnit value, boolean identsAreColors, List<MockupAnalyzer.Subject> subjects) {
        colors(value, identsAreColors, hex -> countColor(hex, contexts(p, subjects)));
        if (SPACING.contains(p)) {
            for (LexicalUnit u = value; u != null; u = u.getNextLexicalUnit()) {
                Double px = CssLengths.px(u, false);
                if (px != null && px > 0) {
                    spacing.merge(round(px), 1, Integer::sum);
                }
            }
        } else if (p.equals("font-size")) {
            fonts.size(CssLengths.px(value, true));
        } else if (p.equals("font-family")) {
            fonts.family(value);
        } else if (p.equals("font")) {
            fonts.shorthand(value);
        }
    }

    private void colors(LexicalUnit first, boolean identsAreColors, Consumer<String> out) {
        CssColors.each(first, identsAreColors, name -> CssColors.ofCustomProperty(customRaw, name), out);
    }

    private void countColor(String hex, Set<String> contexts) {
        colorCounts.merge(hex, 1, Integer::sum);
        colorContexts.computeIfAbsent(hex, k -> new LinkedHashSet<>()).addAll(contexts);
    }

    /** The analysis: what the styles declared, with the components and interactions the HTML shows. */
    MockupAnalysis result(List<MockupAnalysis.ComponentUse> components, List<MockupAnalysis.Interaction> interactions) {
        List<MockupAnalysis.ColorUse> usage = new ArrayList<>();
        colorCounts.forEach((hex, n) -> usage.add(new MockupAnalysis.ColorUse(hex, n, List.copyOf(colorContexts.get(hex)))));
        usage.sort(Comparator.comparingInt(MockupAnalysis.ColorUse::count).reversed());
        SpacingScale scale = SpacingScale.of(spacing);
        List<MockupAnalysis.Measure> spacingValues = spacing.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList();
        return new MockupAnalysis(usage.stream().map(MockupAnalysis.ColorUse::value).toList(), usage,
                components.stream().map(MockupAnalysis.ComponentUse::type).toList(), components,
                new MockupAnalysis.SpacingAnalysis(scale.base(), scale.consistent(), scale.consistency(), spacingValues),
                fonts.typography(), Map.copyOf(customColors), interactions,
                new MockupAnalysis.ResponsiveRules(breakpoints), errors, partial);
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

    static double round(double v) {
        return Math.round(v * 100) / 100d;
    }
}
