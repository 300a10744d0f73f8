package dev.specboard.design;

import org.htmlunit.cssparser.parser.LexicalUnit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The font families and sizes a mockup's styles declare, counted as {@link MockupStyles} reads them. */
final class MockupFonts {

    private static final Set<String> GENERIC_FAMILIES = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
            "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong", "inherit", "initial", "unset");

    private final Map<Double, Integer> sizes = new TreeMap<>();
    private final Map<String, Integer> families = new LinkedHashMap<>();
    private final Map<String, String> stacks = new HashMap<>();

    /** Counts a {@code font-size} in pixels, if it is one. */
    void size(Double px) {
        if (px != null && px > 0) {
            sizes.merge(MockupStyles.round(px), 1, Integer::sum);
        }
    }

    /** Counts a {@code font-family} stack by its first family. */
    void family(LexicalUnit first) {
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
        stacks.putIfAbsent(primary, String.join(", ", stack.stream().map(MockupFonts::quoteFamily).toList()));
    }

    /** {@code font: [style] [weight] size[/line-height] family, ...}: the size, then everything after it is the family stack. */
    void shorthand(LexicalUnit first) {
        for (LexicalUnit u = first; u != null; u = u.getNextLexicalUnit()) {
            Double px = sizeUnit(u);
            if (px != null) {
                if (px > 0) {
                    sizes.merge(MockupStyles.round(px), 1, Integer::sum);
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

    MockupAnalysis.Typography typography() {
        List<MockupAnalysis.Family> fams = new ArrayList<>();
        families.forEach((name, n) -> fams.add(new MockupAnalysis.Family(name, n, stacks.get(name))));
        fams.sort(Comparator.comparingInt(MockupAnalysis.Family::count).reversed());
        return new MockupAnalysis.Typography(fams, sizes.entrySet().stream().map(e -> new MockupAnalysis.Measure(e.getKey(), e.getValue())).toList());
    }

    private static String quoteFamily(String name) {
        return GENERIC_FAMILIES.contains(name.toLowerCase(Locale.ROOT)) || name.matches("[A-Za-z-]+") ? name : "\"" + name.replace("\"", "") + "\"";
    }
}
