package dev.specboard.design;


import java.util.List;

/**
 * What parsing found in a context item (the seed's {@code ai_analysis}: {@code detected_elements},
 * {@code color_palette}, {@code layout_type}, {@code relevant_to}), plus an image's size and format, the
 * share of each palette colour, a text's key terms, and a note when something could not be analysed.
 */
public record ContextAnalysis(List<String> detectedElements, List<String> colorPalette, List<Double> paletteShares, String layoutType,
                              List<String> relevantTo, Integer width, Integer height, String format, List<String> keyTerms, String note) {

    public static ContextAnalysis none() {
        return new ContextAnalysis(List.of(), List.of(), List.of(), null, List.of(), null, null, null, List.of(), null);
    }

    /** What a kept item's analysis says while it waits for its turn. */
    public static ContextAnalysis pending() {
        return note("Analysing\u2026 the item is kept; its analysis follows in a moment.");
    }

    public static ContextAnalysis note(String note) {
        return new ContextAnalysis(List.of(), List.of(), List.of(), null, List.of(), null, null, null, List.of(), note);
    }

    /** Palette colours with their share, for swatches. */
    public List<Swatch> swatches() {
        java.util.ArrayList<Swatch> out = new java.util.ArrayList<>();
        for (int i = 0; i < colorPalette.size(); i++) {
            out.add(new Swatch(colorPalette.get(i), i < paletteShares.size() ? paletteShares.get(i) : null));
        }
        return out;
    }

    public record Swatch(String hex, Double share) {
        public String percent() {
            return share == null ? "" : Math.round(share * 100) + "%";
        }
    }
}
