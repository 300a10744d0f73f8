package dev.specboard.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The base unit a set of spacing values shares: the candidate unit that divides the most occurrences
 * (the larger unit wins a tie), the share of occurrences on its scale, and the values off it.
 */
public record SpacingScale(Integer base, double consistency, List<Double> scale, List<Double> offScale) {

    private static final int[] CANDIDATES = {16, 12, 10, 8, 6, 5, 4, 2};

    /** At least this share of the values sit on the scale for the spacing to count as consistent. */
    public static final double CONSISTENT = 0.8;

    /** The scale of values (in px) with their occurrence counts; zero is ignored. */
    public static SpacingScale of(Map<Double, Integer> counts) {
        int total = 0;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getKey() > 0) {
                total += e.getValue();
            }
        }
        if (total == 0) {
            return new SpacingScale(null, 0, List.of(), List.of());
        }
        int best = 0;
        double bestShare = -1;
        for (int candidate : CANDIDATES) {
            int on = 0;
            for (Map.Entry<Double, Integer> e : counts.entrySet()) {
                if (e.getKey() > 0 && on(e.getKey(), candidate)) {
                    on += e.getValue();
                }
            }
            double share = (double) on / total;
            if (share > bestShare + 1e-9) {
                best = candidate;
                bestShare = share;
            }
        }
        if (bestShare < 0.5) {
            return new SpacingScale(null, round(bestShare), List.of(), counts.keySet().stream().filter(v -> v > 0).sorted().toList());
        }
        List<Double> scale = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (Double v : counts.keySet().stream().filter(v -> v > 0).sorted().toList()) {
            (on(v, best) ? scale : off).add(v);
        }
        return new SpacingScale(best, round(bestShare), scale, off);
    }

    public boolean consistent() {
        return base != null && consistency >= CONSISTENT;
    }

    static boolean on(double value, int unit) {
        double q = value / unit;
        return Math.abs(q - Math.rint(q)) < 1e-6;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100d;
    }

    /** A length for people: {@code 16px}, {@code 13.5px}. */
    public static String px(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "")) + "px";
    }
}
