package dev.specboard.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Counts with their noun in English, for every template: {@code {n.plural('task')}} gives "1 task", "0 tasks",
 * "3 stories"; {@code {n.plural('person', 'people')}} names an irregular plural.
 */
@TemplateExtension
public final class PluralExtensions {

    private PluralExtensions() {
    }

    /** The count and the noun, made plural by the usual English rules unless the count is one. */
    public static String plural(Number count, String noun) {
        return plural(count, noun, pluralOf(noun));
    }

    /** The count and the singular or the given plural form. */
    public static String plural(Number count, String singular, String plural) {
        long n = count == null ? 0 : count.longValue();
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The usual English plural: story → stories, match → matches, class → classes, task → tasks. */
    static String pluralOf(String noun) {
        int last = noun.length() - 1;
        if (last > 0 && noun.charAt(last) == 'y' && "aeiou".indexOf(noun.charAt(last - 1)) < 0) {
            return noun.substring(0, last) + "ies";
        }
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("z") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        return noun + "s";
    }
}
