package dev.specboard.design;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A text's key terms: its words (Java's word break iterator) less common English words, most frequent first. */
public final class TextTerms {

    private static final Set<String> STOP = Set.of("the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one",
            "our", "out", "has", "have", "had", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get",
            "let", "say", "she", "too", "use", "that", "with", "this", "from", "they", "will", "would", "there", "their", "what", "about",
            "which", "when", "make", "like", "time", "just", "know", "take", "into", "your", "some", "could", "them", "than", "then",
            "look", "only", "come", "over", "also", "back", "after", "work", "first", "well", "even", "want", "because", "these", "give",
            "most", "should", "been", "were", "more", "very", "each", "other", "such", "where", "while", "does", "must", "here", "being",
            "those", "both", "through", "between", "same", "many", "much", "before", "without", "within", "every", "able", "need", "needs");

    private TextTerms() {
    }

    public static List<String> keyTerms(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String w = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (w.length() < 3 || !Character.isLetter(w.charAt(0)) || STOP.contains(w)) {
                continue;
            }
            counts.merge(w, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> b.getValue() - a.getValue()); // stable: ties keep their first appearance
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }
}
