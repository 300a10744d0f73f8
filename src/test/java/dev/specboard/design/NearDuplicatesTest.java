package dev.specboard.design;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The near-duplicate colours found through the Lab grid are those, in the order, of comparing every pair. */
class NearDuplicatesTest {

    @Test
    void theGridFindsThePairsOfThePairwiseLoopInItsOrder() {
        Random random = new Random(7);
        Map<String, DesignTokens.ColorToken> tokens = new LinkedHashMap<>();
        while (tokens.size() < 600) {
            // Clustered around a few bases so that many pairs are near; some with an alpha, which only pairs with its own.
            int base = random.nextInt(12) * 0x151515;
            int r = Math.min(255, (base >> 16 & 0xff) + random.nextInt(9));
            int g = Math.min(255, (base >> 8 & 0xff) + random.nextInt(9));
            int b = Math.min(255, (base & 0xff) + random.nextInt(9));
            String hex = CssColors.hex(r, g, b) + (random.nextInt(5) == 0 ? "80" : "");
            tokens.putIfAbsent("color-" + tokens.size(), token(hex));
        }
        List<Map.Entry<String, DesignTokens.ColorToken>> list = new ArrayList<>(tokens.entrySet());
        Set<String> involved = new HashSet<>();
        List<DesignTokens.NearDuplicate> found = NearDuplicates.find(list, DesignSystemBuilder.NEAR, Integer.MAX_VALUE, involved);
        Set<String> pairwiseInvolved = new HashSet<>();
        List<DesignTokens.NearDuplicate> pairwise = pairwise(list, pairwiseInvolved);
        assertTrue(pairwise.size() > 1_000, "the set has many near pairs: " + pairwise.size());
        assertEquals(pairwise, found);
        assertEquals(pairwiseInvolved, involved);
        assertEquals(pairwise.subList(0, 100), NearDuplicates.find(list, DesignSystemBuilder.NEAR, 100, new HashSet<>()), "the first ones kept");
    }

    @Test
    void aDesignSystemOfFiveThousandDistinctColoursIsBuiltWithItsFlagsCapped() {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            css.append(".c").append(i).append(" { color: ").append(String.format("#%06x", i * 3331)).append("; }\n");
        }
        DesignTokens.Result r = DesignSystemBuilder.build(List.of(new DesignSystemBuilder.PageInput("Home",
                MockupAnalyzer.analyze("<p class='c1'>Hi</p>", css.toString()))), DesignTokens.Confirmations.none());
        assertEquals(5_000, r.tokens().colors().size());
        assertEquals(DesignSystemBuilder.NEAR_FLAGS, r.tokens().flags().nearDuplicateColors().size());
        assertTrue(r.tokens().flags().nearDuplicateColors().stream().allMatch(n -> n.distance() < DesignSystemBuilder.NEAR));
    }

    /** The loop the grid replaced: every pair, each colour with the later ones. */
    private static List<DesignTokens.NearDuplicate> pairwise(List<Map.Entry<String, DesignTokens.ColorToken>> list, Set<String> involved) {
        List<DesignTokens.NearDuplicate> near = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                DesignTokens.ColorToken a = list.get(i).getValue();
                DesignTokens.ColorToken b = list.get(j).getValue();
                double d = CssColors.distance(a.value(), b.value());
                if (d < DesignSystemBuilder.NEAR && NearDuplicates.alpha(a.value()).equals(NearDuplicates.alpha(b.value()))) {
                    near.add(new DesignTokens.NearDuplicate(list.get(i).getKey(), a.value(), list.get(j).getKey(), b.value(),
                            Math.round(d * 100) / 100d, a.pages(), b.pages()));
                    involved.add(a.value());
                    involved.add(b.value());
                }
            }
        }
        return near;
    }

    private static DesignTokens.ColorToken token(String hex) {
        return new DesignTokens.ColorToken(hex, 1, List.of(), List.of("Home"), false, List.of(), "generated");
    }
}
