package dev.specboard.design;

import org.htmlunit.cssparser.parser.LexicalUnit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every CSS colour form the CSS parser hands us (hex, which it reads as {@code rgb()}, {@code rgb()}/{@code rgba()},
 * {@code hsl()}/{@code hsla()}, {@code hwb()} and the named colours) as lowercase hex: {@code #rrggbb}, or
 * {@code #rrggbbaa} when the colour is translucent. Fully transparent colours are no colour at all. Also finds the
 * colours of a property value (custom properties resolved) and measures how far apart two colours look.
 */
public final class CssColors {

    /** CSS Color 4 named colours. */
    private static final String NAMED = "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc "
            + "bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 "
            + "cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c "
            + "cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 "
            + "darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 "
            + "darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f darkslategrey 2f4f4f "
            + "darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969 dimgrey 696969 "
            + "dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc "
            + "ghostwhite f8f8ff gold ffd700 goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 "
            + "honeydew f0fff0 hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa "
            + "lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff "
            + "lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 "
            + "lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 "
            + "lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 "
            + "mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 "
            + "mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 "
            + "midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 "
            + "oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa "
            + "palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f "
            + "pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f "
            + "royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee "
            + "sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa "
            + "springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 "
            + "violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32";

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        String[] parts = NAMED.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            NAMES.put(parts[i], "#" + parts[i + 1]);
        }
    }

    private CssColors() {
    }

    /** The hex of a named colour ({@code RebeccaPurple} too), if the word is one. */
    public static Optional<String> named(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(NAMES.get(word.toLowerCase(Locale.ROOT)));
    }

    /** The hex of a colour function unit ({@code rgb}, {@code rgba}, {@code hsl}, {@code hsla}, {@code hwb}); empty for others. */
    public static Optional<String> of(LexicalUnit unit) {
        if (unit == null) {
            return Optional.empty();
        }
        return switch (unit.getLexicalUnitType()) {
            case RGBCOLOR -> rgb(unit.getParameters());
            case HSLCOLOR -> hsl(unit.getParameters(), false);
            case HWBCOLOR -> hsl(unit.getParameters(), true);
            case IDENT -> named(unit.getStringValue());
            default -> Optional.empty();
        };
    }

    /** Properties whose plain words are colours ({@code color: red}); elsewhere a word like {@code red} is not read as one. */
    public static boolean isColorProperty(String p) {
        return p.equals("color") || p.startsWith("background") || p.startsWith("border") || p.startsWith("outline") || p.equals("fill")
                || p.equals("stroke") || p.endsWith("shadow") || p.startsWith("text-decoration") || p.equals("caret-color")
                || p.equals("accent-color") || p.startsWith("column-rule") || p.equals("stop-color") || p.equals("flood-color");
    }

    /**
     * Every colour of a property value, in order, inside functions too: named colours only when {@code identsAreColors};
     * a {@code var()} gives the colour {@code variables} finds for its custom property, else its fallback's.
     */
    public static void each(LexicalUnit first, boolean identsAreColors, Function<String, Optional<String>> variables, Consumer<String> out) {
        for (LexicalUnit u = first; u != null; u = u.getNextLexicalUnit()) {
            switch (u.getLexicalUnitType()) {
                case RGBCOLOR, HSLCOLOR, HWBCOLOR -> of(u).ifPresent(out);
                case IDENT -> {
                    if (identsAreColors) {
                        named(u.getStringValue()).ifPresent(out);
                    }
                }
                case FUNCTION -> {
                    if ("var".equalsIgnoreCase(u.getFunctionName()) && u.getParameters() != null) {
                        Optional<String> resolved = variables.apply(u.getParameters().getStringValue());
                        if (resolved.isPresent()) {
                            out.accept(resolved.get());
                        } else {
                            each(u.getParameters().getNextLexicalUnit(), identsAreColors, variables, out); // the fallback
                        }
                    } else {
                        each(u.getParameters(), identsAreColors, variables, out);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The colour a custom property ({@code --brand}) holds, through {@code var()} chains up to 8 deep; empty when it holds none. */
    public static Optional<String> ofCustomProperty(Map<String, LexicalUnit> properties, String name) {
        return ofCustomProperty(properties, name, 0);
    }

    private static Optional<String> ofCustomProperty(Map<String, LexicalUnit> properties, String name, int depth) {
        LexicalUnit u = properties.get(name);
        if (u == null || depth > 8) {
            return Optional.empty();
        }
        if (u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.FUNCTION && "var".equalsIgnoreCase(u.getFunctionName())
                && u.getParameters() != null) {
            return ofCustomProperty(properties, u.getParameters().getStringValue(), depth + 1);
        }
        return u.getNextLexicalUnit() == null ? of(u) : Optional.empty();
    }

    private record Components(List<Double> values, List<LexicalUnit> units, Double alpha) {
    }

    /** The comma- or space-separated components of a colour function, and its alpha after a slash (or as the 4th value). */
    private static Components components(LexicalUnit params) {
        List<Double> values = new ArrayList<>();
        List<LexicalUnit> units = new ArrayList<>();
        Double alpha = null;
        boolean afterSlash = false;
        for (LexicalUnit u = params; u != null; u = u.getNextLexicalUnit()) {
            switch (u.getLexicalUnitType()) {
                case OPERATOR_COMMA -> {
                }
                case OPERATOR_SLASH -> afterSlash = true;
                default -> {
                    if (afterSlash) {
                        alpha = alpha(u);
                    } else {
                        units.add(u);
                        values.add(u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.IDENT ? 0d : u.getDoubleValue());
                    }
                }
            }
        }
        if (alpha == null && units.size() == 4) {
            alpha = alpha(units.get(3));
        }
        return new Components(values, units, alpha);
    }

    private static Double alpha(LexicalUnit u) {
        return switch (u.getLexicalUnitType()) {
            case PERCENTAGE -> u.getDoubleValue() / 100d;
            case INTEGER, REAL -> u.getDoubleValue();
            default -> 1d;
        };
    }

    private static Optional<String> rgb(LexicalUnit params) {
        Components c = components(params);
        if (c.units().size() < 3) {
            return Optional.empty();
        }
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            LexicalUnit u = c.units().get(i);
            double v = u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.PERCENTAGE ? c.values().get(i) * 2.55 : c.values().get(i);
            rgb[i] = clamp(v);
        }
        return hex(rgb[0], rgb[1], rgb[2], c.alpha());
    }

    /** hsl() or hwb(): a hue, then saturation and lightness (or whiteness and blackness) as percentages or numbers. */
    private static Optional<String> hsl(LexicalUnit params, boolean hwb) {
        Components c = components(params);
        if (c.units().size() < 3) {
            return Optional.empty();
        }
        double hue = hue(c.units().get(0));
        double a = c.values().get(1) / 100d;
        double b = c.values().get(2) / 100d;
        double[] rgb;
        if (hwb) {
            double w = a;
            double k = b;
            if (w + k >= 1) {
                double gray = w / (w + k);
                rgb = new double[]{gray, gray, gray};
            } else {
                double[] pure = hslToRgb(hue, 1, .5);
                rgb = new double[3];
                for (int i = 0; i < 3; i++) {
                    rgb[i] = pure[i] * (1 - w - k) + w;
                }
            }
        } else {
            rgb = hslToRgb(hue, clamp01(a), clamp01(b));
        }
        return hex(clamp(rgb[0] * 255), clamp(rgb[1] * 255), clamp(rgb[2] * 255), c.alpha());
    }

    private static double hue(LexicalUnit u) {
        double v = u.getLexicalUnitType() == LexicalUnit.LexicalUnitType.IDENT ? 0 : u.getDoubleValue();
        return switch (u.getLexicalUnitType()) {
            case RADIAN -> Math.toDegrees(v);
            case GRADIAN -> v * 0.9;
            case TURN -> v * 360;
            default -> v;
        };
    }

    static double[] hslToRgb(double hue, double s, double l) {
        double h = ((hue % 360) + 360) % 360;
        double[] out = new double[3];
        int[] n = {0, 8, 4};
        double a = s * Math.min(l, 1 - l);
        for (int i = 0; i < 3; i++) {
            double k = (n[i] + h / 30) % 12;
            out[i] = l - a * Math.max(-1, Math.min(Math.min(k - 3, 9 - k), 1));
        }
        return out;
    }

    private static Optional<String> hex(int r, int g, int b, Double alpha) {
        double a = alpha == null ? 1 : Math.max(0, Math.min(1, alpha));
        if (a == 0) {
            return Optional.empty();
        }
        String hex = String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        return Optional.of(a < 1 ? hex + String.format(Locale.ROOT, "%02x", (int) Math.round(a * 255)) : hex);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The perceived distance of two hex colours (CIE76 delta E in Lab; alpha ignored): below about 2 people see no difference. */
    public static double distance(String hexA, String hexB) {
        double[] a = lab(hexA);
        double[] b = lab(hexB);
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** Red, green and blue (0-255) of {@code #rrggbb} or {@code #rrggbbaa}. */
    public static int[] rgbOf(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        return new int[]{Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16), Integer.parseInt(h.substring(4, 6), 16)};
    }

    /** Hex of red, green and blue values. */
    public static String hex(int r, int g, int b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", clamp(r), clamp(g), clamp(b));
    }

    /** CIE Lab of a hex colour (alpha ignored), as {@link #distance} compares them. */
    static double[] lab(String hex) {
        int[] rgb = rgbOf(hex);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255d;
            lin[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (lin[0] * 0.4124 + lin[1] * 0.3576 + lin[2] * 0.1805) / 0.95047;
        double y = lin[0] * 0.2126 + lin[1] * 0.7152 + lin[2] * 0.0722;
        double z = (lin[0] * 0.0193 + lin[1] * 0.1192 + lin[2] * 0.9505) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216d / 24389 ? Math.cbrt(t) : (24389d / 27 * t + 16) / 116;
    }
}
