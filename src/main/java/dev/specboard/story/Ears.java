package dev.specboard.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises EARS requirements in acceptance criteria: one per line, in the forms
 * {@code WHEN … THE SYSTEM SHALL …} (event), {@code IF … THEN … SHALL …} (unwanted behaviour),
 * {@code WHILE …} (state), {@code WHERE …} (optional feature) and plain {@code THE … SHALL …}.
 */
public final class Ears {

    /** A recognised requirement, numbered in the order it appears. */
    public record Requirement(int number, String kind, String text) {
    }

    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]\\s+(?:\\[[ xX]]\\s+)?|\\d+[.)]\\s+|>\\s*)*");
    private static final Pattern SHALL = Pattern.compile("(?i)\\bshall\\b\\s+\\S");
    private static final Pattern THE_SHALL = Pattern.compile("(?i)^the\\s+\\S.*?\\bshall\\b\\s+\\S.*");
    private static final Pattern IF_THEN = Pattern.compile("(?i)^if\\b.+?\\bthen\\b.+");

    private Ears() {
    }

    public static List<Requirement> recognise(String acceptanceCriteria) {
        List<Requirement> out = new ArrayList<>();
        if (acceptanceCriteria == null || acceptanceCriteria.isBlank()) {
            return out;
        }
        for (String raw : acceptanceCriteria.split("\\R")) {
            String line = LIST_MARKER.matcher(raw).replaceFirst("").replace("**", "").replace("__", "").trim();
            String kind = kindOf(line);
            if (kind != null) {
                out.add(new Requirement(out.size() + 1, kind, line));
            }
        }
        return out;
    }

    /** The EARS pattern of one line, or null when the line is not a requirement. */
    static String kindOf(String line) {
        if (line.isEmpty() || !SHALL.matcher(line).find()) {
            return null;
        }
        String first = line.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (first) {
            case "when" -> "event-driven";
            case "if" -> IF_THEN.matcher(line).matches() ? "unwanted behaviour" : null;
            case "while" -> "state-driven";
            case "where" -> "optional feature";
            case "the" -> THE_SHALL.matcher(line).matches() ? "ubiquitous" : null;
            default -> null;
        };
    }
}
