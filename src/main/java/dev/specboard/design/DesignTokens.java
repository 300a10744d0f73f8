package dev.specboard.design;


import java.util.List;
import java.util.Map;

/**
 * The shapes of a design system's JSONB columns (the seed's structures, snake_case when stored):
 * {@code tokens} (colours, spacing, typography and the flags), {@code component_patterns},
 * {@code confidence_scores} and {@code user_confirmations}.
 */
public final class DesignTokens {

    private DesignTokens() {
    }

    public record Tokens(Map<String, ColorToken> colors, Spacing spacing, Typography typography, Flags flags) {
        public static Tokens none() {
            return new Tokens(Map.of(), new Spacing(null, List.of(), List.of(), 0), new Typography(null, Map.of(), List.of(), List.of()),
                    new Flags(List.of(), List.of()));
        }
    }

    /** A colour token: its hex, how often the current mockups use it, where, on which pages, and how it got its name. */
    public record ColorToken(String value, int usageCount, List<String> contexts, List<String> pages, boolean confirmed,
                             List<String> mergedFrom, String source) {
    }

    public record Spacing(Base base, List<Double> scale, List<SpacingValue> values, double consistency) {
    }

    public record Base(String value, double confidence) {
    }

    public record SpacingValue(String name, double px, int usageCount, List<String> pages, boolean onScale) {
        public String label() {
            return SpacingScale.px(px);
        }
    }

    public record Typography(String fontFamily, Map<String, String> sizes, List<FamilyToken> families, List<SizeToken> sizeUsage) {
    }

    public record FamilyToken(String name, String stack, int usageCount, List<String> pages) {
    }

    public record SizeToken(String name, double px, int usageCount, List<String> pages) {
        public String label() {
            return SpacingScale.px(px);
        }
    }

    /** What looks like a mistake: colours too close to tell apart and spacing off the scale, with the pages that use them. */
    public record Flags(List<NearDuplicate> nearDuplicateColors, List<SpacingValue> offScaleSpacing) {
    }

    public record NearDuplicate(String name, String value, String nearName, String nearValue, double distance, List<String> pages,
                                List<String> nearPages) {
    }

    public record ComponentPattern(String baseClasses, List<String> variants, List<String> states, int usageCount, List<String> pages) {
    }

    /**
     * Members' decisions, kept across recomputes: names and confirmations per colour, colours merged into others,
     * and colours whose inference as a token was rejected (they are left out of the design system).
     */
    public record Confirmations(Map<String, ColorConfirmation> colors, Map<String, String> merges, List<String> rejected) {
        public Confirmations {
            rejected = rejected == null ? List.of() : rejected;
        }

        public static Confirmations none() {
            return new Confirmations(Map.of(), Map.of(), List.of());
        }

        public boolean isEmpty() {
            return (colors == null || colors.isEmpty()) && (merges == null || merges.isEmpty()) && rejected.isEmpty();
        }
    }

    public record ColorConfirmation(String name, boolean confirmed, String by, String at) {
    }

    /** Everything one recompute writes. */
    public record Result(Tokens tokens, Map<String, ComponentPattern> componentPatterns, Map<String, Double> confidenceScores,
                         String generationMethod, int mockupCount) {
    }
}
