package dev.specboard.design;

import dev.specboard.project.Access;
import dev.specboard.web.FormErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The design-system screen: swatches, the spacing scale, type specimens, component patterns, flags, confidence and exports. */
public record DesignSystemPage(Access access, DesignSystemService.View ds, FormErrors errors, String failedColor, String typedName,
                               String mergeFrom, String mergeInto) {

    /** The most colour rows the page shows. */
    static final int COLOR_ROWS = 200;

    /** The most colours the merge form lists. */
    static final int MERGE_CHOICES = 1000;

    public DesignSystemPage(Access access, DesignSystemService.View ds, FormErrors errors) {
        this(access, ds, errors, null, null, null, null);
    }

    /**
     * Whether the merge form's first list selects this colour: the one a refused merge sent, so that a merge made on a
     * stale page comes back with the member's choice beside the merge saved meanwhile; otherwise the least used.
     */
    public boolean mergeFromSelected(ColorEntry c, boolean hasNext) {
        return mergeFrom == null ? !hasNext : c.token().value().equalsIgnoreCase(mergeFrom.strip());
    }

    /** Whether the merge form's second list selects this colour: the one a refused merge sent, otherwise the most used. */
    public boolean mergeIntoSelected(ColorEntry c, int index) {
        return mergeInto == null ? index == 0 : c.token().value().equalsIgnoreCase(mergeInto.strip());
    }

    /** Whether naming this colour was just refused (its field shows what was typed, marked invalid). */
    public boolean failed(ColorEntry c) {
        return failedColor != null && errors.any() && c.token().value().equalsIgnoreCase(failedColor.strip());
    }

    /**
     * The refused colour's row (its hex value without the {@code #}), whose name field ({@code name-<row>}) the error summary
     * atop the page links to; null when no shown colour's form was refused (a merge, an unknown colour).
     */
    public String errorRow() {
        return shownColors().stream().filter(this::failed).findFirst().map(ColorEntry::id).orElse(null);
    }

    /** The name in a colour's field: what was typed when naming it was refused, otherwise its name. */
    public String nameFieldOf(ColorEntry c) {
        return failed(c) && typedName != null ? typedName : c.name();
    }

    /** A colour token with its name, for the swatch table. */
    public record ColorEntry(String name, DesignTokens.ColorToken token) {
        public String contextList() {
            return String.join(", ", token.contexts());
        }

        public String pageList() {
            return String.join(", ", token.pages());
        }

        public String mergedList() {
            return String.join(", ", token.mergedFrom());
        }

        public String id() {
            return token.value().substring(1);
        }
    }

    /** One line of the type specimen: a family at a size, drawn as SVG text (no inline styles needed). */
    public record Specimen(String label, String stack, double px, int y, int height) {
    }

    /** A bar of the spacing scale. */
    public record Bar(String label, String name, double width, int y, boolean onScale, int uses) {
    }

    public record PatternEntry(String type, DesignTokens.ComponentPattern pattern) {
        public String variantList() {
            return String.join(", ", pattern.variants());
        }

        public String stateList() {
            return String.join(", ", pattern.states());
        }

        public String pageList() {
            return String.join(", ", pattern.pages());
        }
    }

    public record Score(String area, double value) {
        public long percent() {
            return Math.round(value * 100);
        }
    }

    public List<ColorEntry> colors() {
        List<ColorEntry> out = new ArrayList<>();
        ds.tokens().colors().forEach((name, t) -> out.add(new ColorEntry(name, t)));
        return out;
    }

    /** The colour table's rows, most used first: at most {@link #COLOR_ROWS}, so that a mockup full of colours cannot make the page huge. */
    public List<ColorEntry> shownColors() {
        List<ColorEntry> all = colors();
        return all.size() > COLOR_ROWS ? all.subList(0, COLOR_ROWS) : all;
    }

    /** How many colours the table leaves out. */
    public int hiddenColors() {
        return Math.max(0, ds.tokens().colors().size() - COLOR_ROWS);
    }

    /** The colours the merge form offers (each once, in both of its lists), most used first. */
    public List<ColorEntry> mergeChoices() {
        List<ColorEntry> all = colors();
        return all.size() > MERGE_CHOICES ? all.subList(0, MERGE_CHOICES) : all;
    }

    /** The colours left out of the design system (in the wizard, or by rejecting their token thought), each of which can be added back. */
    public List<String> leftOut() {
        return ds.confirmations().rejected();
    }

    public Map<String, String> merges() {
        return ds.confirmations().merges() == null ? Map.of() : ds.confirmations().merges();
    }

    public List<Map.Entry<String, String>> mergeList() {
        return new ArrayList<>(merges().entrySet());
    }

    public List<Specimen> specimens() {
        List<Specimen> out = new ArrayList<>();
        DesignTokens.Typography t = ds.tokens().typography();
        String stack = t.families().isEmpty() ? "sans-serif" : t.families().get(0).stack();
        int y = 0;
        for (DesignTokens.SizeToken s : t.sizeUsage()) {
            double px = Math.min(s.px(), 72);
            y += (int) Math.ceil(px * 1.4);
            out.add(new Specimen(s.name() + " · " + s.label(), stack, px, y, (int) Math.ceil(px * 1.4)));
        }
        return out;
    }

    public int specimenHeight() {
        return specimens().stream().mapToInt(Specimen::height).sum() + 8;
    }

    public List<Bar> bars() {
        List<Bar> out = new ArrayList<>();
        int y = 4;
        for (DesignTokens.SpacingValue v : ds.tokens().spacing().values()) {
            out.add(new Bar(v.label(), v.name(), Math.min(v.px() * 4, 400), y, v.onScale(), v.usageCount()));
            y += 26;
        }
        return out;
    }

    public long spacingPercent() {
        return Math.round(ds.tokens().spacing().consistency() * 100);
    }

    public int barsHeight() {
        return ds.tokens().spacing().values().size() * 26 + 8;
    }

    public List<PatternEntry> components() {
        List<PatternEntry> out = new ArrayList<>();
        ds.componentPatterns().forEach((type, p) -> out.add(new PatternEntry(type, p)));
        return out;
    }

    public List<Score> scores() {
        List<Score> out = new ArrayList<>();
        ds.confidenceScores().forEach((k, v) -> out.add(new Score(k, v)));
        return out;
    }
}
