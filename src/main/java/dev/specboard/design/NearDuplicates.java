package dev.specboard.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the colour tokens too close to tell apart without comparing every pair: each colour goes into a cell of a grid
 * over Lab space as wide as the nearness, split by alpha, and is compared only with the colours of its own and the 26
 * neighbouring cells (any two nearer than that width are in neighbouring cells). Eighteen thousand colours compared
 * pairwise took longer than the recompute's transaction; the pairs found, and their order, are those of the pairwise loop.
 */
final class NearDuplicates {

    private NearDuplicates() {
    }

    private record Cell(String alpha, long l, long a, long b) {
    }

    /**
     * The first {@code keep} pairs nearer than {@code near} (delta E) and of the same alpha, in the tokens' order (each
     * token with the later ones, those in order); every colour of any pair, kept or not, is added to {@code involved}.
     */
    static List<DesignTokens.NearDuplicate> find(List<Map.Entry<String, DesignTokens.ColorToken>> tokens, double near, int keep,
                                                 Set<String> involved) {
        int n = tokens.size();
        double[][] labs = new double[n][];
        Cell[] cells = new Cell[n];
        Map<Cell, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String hex = tokens.get(i).getValue().value();
            labs[i] = CssColors.lab(hex);
            cells[i] = new Cell(alpha(hex), (long) Math.floor(labs[i][0] / near), (long) Math.floor(labs[i][1] / near),
                    (long) Math.floor(labs[i][2] / near));
            grid.computeIfAbsent(cells[i], k -> new ArrayList<>()).add(i);
        }
        List<DesignTokens.NearDuplicate> out = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            later.clear();
            Cell c = cells[i];
            for (long dl = -1; dl <= 1; dl++) {
                for (long da = -1; da <= 1; da++) {
                    for (long db = -1; db <= 1; db++) {
                        for (int j : grid.getOrDefault(new Cell(c.alpha(), c.l() + dl, c.a() + da, c.b() + db), List.of())) {
                            if (j > i) {
                                later.add(j);
                            }
                        }
                    }
                }
            }
            later.sort(null);
            for (int j : later) {
                double d = distance(labs[i], labs[j]);
                if (d < near) {
                    DesignTokens.ColorToken a = tokens.get(i).getValue();
                    DesignTokens.ColorToken b = tokens.get(j).getValue();
                    if (out.size() < keep) {
                        out.add(new DesignTokens.NearDuplicate(tokens.get(i).getKey(), a.value(), tokens.get(j).getKey(), b.value(),
                                Math.round(d * 100) / 100d, a.pages(), b.pages()));
                    }
                    involved.add(a.value());
                    involved.add(b.value());
                }
            }
        }
        return out;
    }

    /** As {@link CssColors#distance}, on colours already in Lab. */
    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static String alpha(String hex) {
        return hex.length() > 7 ? hex.substring(7) : "ff";
    }
}
