package dev.specboard.design;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a feature looks like (seed 004's {@code features.visual_specifications}): the component patterns its pages'
 * current mockups use and the design system's colour tokens on those pages, most used first. Read when asked rather than
 * stored, so that it never lags behind a redesign of one of its pages or a renamed token.
 */
@RegisterForReflection
public record FeatureLooks(List<String> components, List<Colour> colors) {

    /** The most colours named, most used first: a mockup with thousands of colours must not make every feature page list them all. */
    static final int MAX_COLORS = 50;

    /** A colour token by its name and hex value ({@code #dc2626}). */
    @RegisterForReflection
    public record Colour(String name, String value) {
        /** The anchor of its row on the design system page. */
        public String anchor() {
            return "color-" + value.replace("#", "");
        }
    }

    /** The project's colour tokens and the pages that use each: one statement reading the design system's tokens alone. */
    public static DesignTokens.Tokens tokens(UUID projectId) {
        return DesignSystem.getEntityManager().createQuery("select d.tokens from DesignSystem d where d.projectId = :p", String.class)
                .setParameter("p", projectId).setMaxResults(1).getResultList().stream().findFirst()
                .map(json -> DesignJson.read(json, DesignTokens.Tokens.class, DesignTokens.Tokens.none())).orElse(DesignTokens.Tokens.none());
    }

    /** The looks of a feature with these pages; the design system is read only when there are pages to look at. */
    public static FeatureLooks of(UUID projectId, List<PageRow> pages) {
        return of(pages, pages.isEmpty() ? DesignTokens.Tokens.none() : tokens(projectId));
    }

    /** The looks of a feature with these pages, given the project's {@link #tokens}. */
    public static FeatureLooks of(List<PageRow> pages, DesignTokens.Tokens tokens) {
        Set<String> used = new LinkedHashSet<>();
        pages.forEach(p -> used.addAll(p.relatedPatterns()));
        // Tokens name the pages that use them by name (DesignSystemBuilder).
        Set<String> names = pages.stream().map(PageRow::name).collect(Collectors.toSet());
        Map<String, DesignTokens.ColorToken> all = tokens.colors() == null ? Map.of() : tokens.colors();
        List<Colour> onPages = all.entrySet().stream()
                .filter(e -> e.getValue().pages() != null && e.getValue().pages().stream().anyMatch(names::contains))
                .sorted(Comparator.comparingInt((Map.Entry<String, DesignTokens.ColorToken> e) -> -e.getValue().usageCount()).thenComparing(Map.Entry::getKey))
                .limit(MAX_COLORS).map(e -> new Colour(e.getKey(), e.getValue().value())).toList();
        return new FeatureLooks(MockupAnalyzer.COMPONENT_KINDS.stream().filter(used::contains).toList(), onPages);
    }

    public boolean none() {
        return components.isEmpty() && colors.isEmpty();
    }

    /** The sentence a story drafted from the feature carries, so that whoever builds it reuses the design system. */
    public String sentence() {
        StringBuilder s = new StringBuilder("It looks like its pages");
        if (!components.isEmpty()) {
            s.append(": the ").append(words(components)).append(components.size() == 1 ? " component" : " components");
        }
        if (!colors.isEmpty()) {
            s.append(components.isEmpty() ? ": " : "; ").append(colors.size() == 1 ? "the colour " : "the colours ")
                    .append(words(colors.stream().map(c -> c.name() + " (" + c.value() + ")").toList()));
        }
        return s.append(" of the design system.").toString();
    }

    /** Items as a sentence lists them: "a", "a and b", "a, b and c". */
    static String words(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
