package dev.specboard.kernel;

import java.text.Normalizer;
import java.util.Map;

/**
 * Names in ASCII, for entity, field, table and column names from mockups and for project slugs: accents dropped,
 * Cyrillic and Greek transliterated, any other letter or digit as {@code u} and its code point. Without it,
 * {@code Контакт} and {@code Событие} both became the entity "" (and one entity), and "Demo Ünï" the slug "demo-n".
 */
public final class TextAscii {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"),
            Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('є', "ie"),
            Map.entry('ґ', "g"),
            Map.entry('α', "a"), Map.entry('β', "b"), Map.entry('γ', "g"), Map.entry('δ', "d"), Map.entry('ε', "e"), Map.entry('ζ', "z"),
            Map.entry('η', "i"), Map.entry('θ', "th"), Map.entry('ι', "i"), Map.entry('κ', "k"), Map.entry('λ', "l"), Map.entry('μ', "m"),
            Map.entry('ν', "n"), Map.entry('ξ', "x"), Map.entry('ο', "o"), Map.entry('π', "p"), Map.entry('ρ', "r"), Map.entry('σ', "s"),
            Map.entry('ς', "s"), Map.entry('τ', "t"), Map.entry('υ', "y"), Map.entry('φ', "f"), Map.entry('χ', "ch"), Map.entry('ψ', "ps"),
            Map.entry('ω', "o"), Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('ø', "o"), Map.entry('œ', "oe"), Map.entry('ł', "l"),
            Map.entry('đ', "d"), Map.entry('þ', "th"));

    private TextAscii() {
    }

    /** The text in ASCII; a capital stays a capital, so that camel case still splits into words. */
    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                out.append((char) cp);
                continue;
            }
            String t = cp <= Character.MAX_VALUE ? LETTERS.get((char) Character.toLowerCase(cp)) : null;
            if (t != null) {
                out.append(Character.isUpperCase(cp) && !t.isEmpty() ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
            } else if (Character.isLetterOrDigit(cp)) {
                // A script with no transliteration here (Chinese, Arabic…): the code point keeps two names apart.
                out.append("_u").append(Integer.toHexString(cp)).append('_');
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
