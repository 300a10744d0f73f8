package dev.specboard.design;

import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.LexicalUnit;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;

/** CSS lengths in CSS pixels, as mockups and context items write them: absolute units, rem and em at 16px, font-size words. */
final class CssLengths {

    private static final Map<String, Double> SIZE_WORDS = Map.of("xx-small", 9d, "x-small", 10d, "small", 13d, "medium", 16d,
            "large", 18d, "x-large", 24d, "xx-large", 32d, "xxx-large", 48d);

    private CssLengths() {
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
            case IDENT -> fontSize ? sizeWord(u.getStringValue()) : null;
            default -> null;
        };
    }

    /** The same for a value written as text (a media query's width); null when it does not parse. */
    static Double px(String cssText) {
        try {
            return px(new CSS3Parser().parsePropertyValue(new InputSource(new StringReader(cssText))), false);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The pixels of a font-size keyword ({@code small}, {@code x-large}...), null for any other word. */
    static Double sizeWord(String word) {
        return SIZE_WORDS.get(word.toLowerCase(Locale.ROOT));
    }

    private static double safeDouble(LexicalUnit u) {
        try {
            return u.getDoubleValue();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
