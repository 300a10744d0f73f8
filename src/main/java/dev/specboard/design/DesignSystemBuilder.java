package dev.specboard.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregates the patterns of a project's current mockups into its design system: colour tokens with
 * usage counts, contexts and pages (named by members, else by the mockups' custom properties, else
 * numbered), the spacing scale and its base unit, typography, component patterns, confidence scores,
 * and the flags (near-duplicate colours, off-scale spacing). Pure: the worker feeds it and stores the result.
 */
public final class DesignSystemBuilder {

    /** The most near-duplicate pairs flagged, most used colours first. */
    static final int NEAR_FLAGS = 100;

    /** Colours closer than this (CIE76 delta E) are flagged as near duplicates. */
    public static final double NEAR = 5.0;

    private DesignSystemBuilder() {
    }

    /** One page's current mockup analysis. */
    public record PageInput(String page, MockupAnalysis analysis) {
    }

    private static final class Acc {
        int count;
        final Set<String> contexts = new LinkedHashSet<>();
        final Set<String> pages = new LinkedHashSet<>();
        final Set<String> mergedFrom = new LinkedHashSet<>();
        String stack;
    }

    /** The custom property name most used for a colour and free, the alphabetically first on a tie; null when none is. */
    private static String cssName(Map<String, Integer> names, Set<String> taken) {
        return names == null ? null : names.entrySet().stream().filter(n -> !taken.contains(n.getKey()))
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    public static DesignTokens.Result build(List<PageInput> inputs, DesignTokens.Confirmations confirmations) {
        DesignTokens.Confirmations conf = confirmations == null ? DesignTokens.Confirmations.none() : confirmations;
        Map<String, DesignTokens.ColorConfirmation> named = conf.colors() == null ? Map.of() : conf.colors();
        Map<String, String> merges = conf.merges() == null ? Map.of() : conf.merges();

        Map<String, Acc> colors = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> propertyNames = new HashMap<>();
        Map<String, Map<String, Integer>> mergedNames = new HashMap<>();
        Map<Double, Acc> spacing = new TreeMap<>();
        Map<String, Acc> families = new LinkedHashMap<>();
        Map<Double, Acc> sizes = new TreeMap<>();
        Map<String, Acc> components = new LinkedHashMap<>();
        Map<String, Set<String>> variants = new HashMap<>();
        Map<String, Set<String>> states = new HashMap<>();
        Map<String, Map<String, Integer>> baseClasses = new HashMap<>();

        for (PageInput in : inputs) {
            MockupAnalysis a = in.analysis();
            for (MockupAnalysis.ColorUse use : a.colorUsage()) {
                String hex = resolve(use.value(), merges);
                if (conf.rejected().contains(hex)) {
                    continue;
                }
                Acc acc = colors.computeIfAbsent(hex, k -> new Acc());
                acc.count += use.count();
                acc.contexts.addAll(use.contexts());
                acc.pages.add(in.page());
                if (!hex.equals(use.value())) {
                    acc.mergedFrom.add(use.value());
                }
            }
            a.customProperties().forEach((name, hex) -> {
                // A colour merged into another lends it its CSS names only when it has none of its own: "--ink" merged into
                // "--line" must not rename the colour that stays (alphabetically first won a tie).
                String into = resolve(hex, merges);
                (into.equals(hex) ? propertyNames : mergedNames).computeIfAbsent(into, k -> new HashMap<>()).merge(slug(name), 1, Integer::sum);
            });
            for (MockupAnalysis.Measure m : a.spacingAnalysis().values()) {
                add(spacing.computeIfAbsent(m.px(), k -> new Acc()), m.count(), in.page());
            }
            for (MockupAnalysis.Family f : a.typography().families()) {
                Acc acc = families.computeIfAbsent(f.name(), k -> new Acc());
                add(acc, f.count(), in.page());
                if (acc.stack == null) {
                    acc.stack = f.stack();
                }
            }
            for (MockupAnalysis.Measure m : a.typography().sizes()) {
                add(sizes.computeIfAbsent(m.px(), k -> new Acc()), m.count(), in.page());
            }
            for (MockupAnalysis.ComponentUse c : a.components()) {
                add(components.computeIfAbsent(c.type(), k -> new Acc()), c.count(), in.page());
                variants.computeIfAbsent(c.type(), k -> new LinkedHashSet<>()).addAll(c.variants());
                states.computeIfAbsent(c.type(), k -> new LinkedHashSet<>()).addAll(c.states());
                if (c.baseClasses() != null && !c.baseClasses().isBlank()) {
                    baseClasses.computeIfAbsent(c.type(), k -> new HashMap<>()).merge(c.baseClasses(), 1, Integer::sum);
                }
            }
        }

        // Colours, most used first; names: a member's, else the mockups' custom property, else numbered.
        List<Map.Entry<String, Acc>> ranked = new ArrayList<>(colors.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Acc>>comparingInt(e -> -e.getValue().count).thenComparing(Map.Entry::getKey));
        Set<String> taken = new HashSet<>();
        named.forEach((hex, c) -> {
            if (c.name() != null && colors.containsKey(hex)) {
                taken.add(c.name());
            }
        });
        Map<String, DesignTokens.ColorToken> colorTokens = new LinkedHashMap<>();
        int numbered = 0;
        for (Map.Entry<String, Acc> e : ranked) {
            String hex = e.getKey();
            DesignTokens.ColorConfirmation c = named.get(hex);
            String name;
            String source;
            if (c != null && c.name() != null) {
                name = c.name();
                source = "member";
            } else {
                String own = cssName(propertyNames.get(hex), taken);
                String fromCss = own != null ? own : cssName(mergedNames.get(hex), taken);
                if (fromCss != null) {
                    name = fromCss;
                    source = "custom-property";
                } else {
                    do {
                        name = "color-" + (++numbered);
                    } while (taken.contains(name));
                    source = "generated";
                }
                taken.add(name);
            }
            Acc acc = e.getValue();
            colorTokens.put(name, new DesignTokens.ColorToken(hex, acc.count, List.copyOf(acc.contexts), List.copyOf(acc.pages),
                    c != null && c.confirmed(), List.copyOf(acc.mergedFrom), source));
        }

        List<Map.Entry<String, DesignTokens.ColorToken>> tokenList = new ArrayList<>(colorTokens.entrySet());
        Set<String> involved = new HashSet<>();
        // Pairs grow with the square of the colours: the flags keep the first ones, the confidence counts them all.
        List<DesignTokens.NearDuplicate> near = NearDuplicates.find(tokenList, NEAR, NEAR_FLAGS, involved);

        // Spacing: the scale of the base unit, named space-1, space-2... by multiples of the base.
        Map<Double, Integer> spacingCounts = new TreeMap<>();
        spacing.forEach((px, acc) -> spacingCounts.put(px, acc.count));
        SpacingScale scale = SpacingScale.of(spacingCounts);
        List<DesignTokens.SpacingValue> spacingValues = new ArrayList<>();
        List<DesignTokens.SpacingValue> offScale = new ArrayList<>();
        spacing.forEach((px, acc) -> {
            boolean onScale = scale.base() != null && SpacingScale.on(px, scale.base());
            String name = onScale ? "space-" + SpacingScale.px(px / scale.base()).replace("px", "") : null;
            DesignTokens.SpacingValue v = new DesignTokens.SpacingValue(name, px, acc.count, List.copyOf(acc.pages), onScale);
            spacingValues.add(v);
            if (!onScale) {
                offScale.add(v);
            }
        });
        DesignTokens.Spacing spacingTokens = new DesignTokens.Spacing(
                scale.base() == null ? null : new DesignTokens.Base(scale.base() + "px", scale.consistency()),
                scale.scale(), spacingValues, scale.consistency());

        // Typography: the most used family; sizes named around the most used one (base, lg, xl... sm, xs...).
        List<DesignTokens.FamilyToken> familyTokens = new ArrayList<>();
        families.forEach((name, acc) -> familyTokens.add(new DesignTokens.FamilyToken(name, acc.stack, acc.count, List.copyOf(acc.pages))));
        familyTokens.sort(Comparator.comparingInt(DesignTokens.FamilyToken::usageCount).reversed());
        Double base = sizes.entrySet().stream()
                .max(Comparator.<Map.Entry<Double, Acc>>comparingInt(e -> e.getValue().count).thenComparing(e -> -Math.abs(e.getKey() - 16)))
                .map(Map.Entry::getKey).orElse(null);
        List<Double> sortedSizes = new ArrayList<>(sizes.keySet());
        Map<String, String> sizeNames = new LinkedHashMap<>();
        List<DesignTokens.SizeToken> sizeTokens = new ArrayList<>();
        int baseIndex = base == null ? -1 : sortedSizes.indexOf(base);
        for (int i = 0; i < sortedSizes.size(); i++) {
            double px = sortedSizes.get(i);
            String name = sizeName(i - baseIndex);
            sizeNames.put(name, SpacingScale.px(px));
            Acc acc = sizes.get(px);
            sizeTokens.add(new DesignTokens.SizeToken(name, px, acc.count, List.copyOf(acc.pages)));
        }
        DesignTokens.Typography typography = new DesignTokens.Typography(familyTokens.isEmpty() ? null : familyTokens.get(0).name(),
                sizeNames, familyTokens, sizeTokens);

        Map<String, DesignTokens.ComponentPattern> patterns = new LinkedHashMap<>();
        components.forEach((type, acc) -> patterns.put(type, new DesignTokens.ComponentPattern(
                baseClasses.getOrDefault(type, Map.of()).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(""),
                List.copyOf(variants.getOrDefault(type, Set.of())), List.copyOf(states.getOrDefault(type, Set.of())), acc.count,
                List.copyOf(acc.pages))));

        int mockups = inputs.size();
        double coverage = Math.min(1, mockups / 3.0);
        Map<String, Double> confidence = new LinkedHashMap<>();
        confidence.put("colors", colorTokens.isEmpty() ? 0 : round(coverage * (1 - (double) involved.size() / colorTokens.size())));
        confidence.put("spacing", round(coverage * scale.consistency()));
        int familyUses = familyTokens.stream().mapToInt(DesignTokens.FamilyToken::usageCount).sum();
        confidence.put("typography", familyUses == 0 ? 0 : round(coverage * familyTokens.get(0).usageCount() / familyUses));
        long shared = patterns.values().stream().filter(p -> p.pages().size() > 1).count();
        confidence.put("components", patterns.isEmpty() ? 0 : round(coverage * (mockups < 2 ? 0.5 : (double) shared / patterns.size())));

        DesignTokens.Tokens tokens = new DesignTokens.Tokens(colorTokens, spacingTokens, typography, new DesignTokens.Flags(near, offScale));
        return new DesignTokens.Result(tokens, patterns, confidence, conf.isEmpty() ? "emergent" : "hybrid", mockups);
    }

    private static void add(Acc acc, int count, String page) {
        acc.count += count;
        acc.pages.add(page);
    }

    /** Follows merges (a → b → c) to the colour that absorbs {@code hex}. */
    static String resolve(String hex, Map<String, String> merges) {
        String h = hex;
        for (int i = 0; i < 10 && merges.containsKey(h); i++) {
            h = merges.get(h);
        }
        return h;
    }

    static String sizeName(int offset) {
        if (offset == 0) {
            return "base";
        }
        if (offset == 1) {
            return "lg";
        }
        if (offset == -1) {
            return "sm";
        }
        if (offset > 1) {
            return (offset == 2 ? "" : (offset - 1)) + "xl";
        }
        return (offset == -2 ? "" : (-offset - 1)) + "xs";
    }

    /** A token name: lowercase letters, digits and hyphens. */
    public static String slug(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                sb.append(ch);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100d;
    }
}
