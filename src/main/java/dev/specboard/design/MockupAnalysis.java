package dev.specboard.design;


import java.util.List;
import java.util.Map;

/**
 * What parsing one mockup (or an HTML context item) found: the seed's {@code extracted_patterns}
 * ({@code colors_used}, {@code components_detected}, {@code spacing_analysis}) plus the details the design
 * system aggregates (colour uses with their contexts, typography, component variants and states,
 * colours named by custom properties), the interactions declared and the responsive rules. Stored as
 * JSON with snake_case keys. {@code partial}: the mockup had more styled elements, declarations or interactions than one
 * analysis reads ({@link MockupAnalyzer#MAX_STYLED_ELEMENTS}...), and only the first ones were read.
 */
public record MockupAnalysis(
        List<String> colorsUsed,
        List<ColorUse> colorUsage,
        List<String> componentsDetected,
        List<ComponentUse> components,
        SpacingAnalysis spacingAnalysis,
        Typography typography,
        Map<String, String> customProperties,
        List<Interaction> interactions,
        ResponsiveRules responsiveRules,
        int parseErrors,
        boolean partial) {

    /** One colour, how many declarations use it and where (backgrounds, text, borders, buttons, links...). */
    public record ColorUse(String value, int count, List<String> contexts) {
        public String contextList() {
            return String.join(", ", contexts);
        }
    }

    /** A component type found in the HTML, with its modifier variants, its states and the classes every instance shares. */
    public record ComponentUse(String type, int count, List<String> variants, List<String> states, String baseClasses) {
        public String variantList() {
            return String.join(", ", variants);
        }

        public String stateList() {
            return String.join(", ", states);
        }
    }

    /** A length in CSS pixels and how often it occurs. */
    public record Measure(double px, int count) {
        public String label() {
            return SpacingScale.px(px);
        }
    }

    /** A font family (the first of each declared stack), how often, and the whole stack first seen with it. */
    public record Family(String name, int count, String stack) {
    }

    /** The spacing values (margins, paddings, gaps), the base unit they share and how many sit on its scale. */
    public record SpacingAnalysis(Integer baseUnit, boolean consistent, double consistency, List<Measure> values) {
        public long percent() {
            return Math.round(consistency * 100);
        }
    }

    public record Typography(List<Family> families, List<Measure> sizes) {
    }

    /** An interaction the markup declares: a trigger on an element and what it does (navigate, submit_form, toggle, script...). */
    public record Interaction(String trigger, String selector, String action, String target) {
    }

    /** The media queries of the CSS with the widths they cover and the device frames (mobile, tablet, desktop) they apply to. */
    public record ResponsiveRules(List<Breakpoint> breakpoints) {
    }

    public record Breakpoint(String media, Integer min, Integer max, List<String> devices, int rules) {
        public String deviceList() {
            return devices.isEmpty() ? "no device frame" : String.join(", ", devices);
        }
    }

    public static MockupAnalysis empty() {
        return new MockupAnalysis(List.of(), List.of(), List.of(), List.of(), new SpacingAnalysis(null, false, 0, List.of()),
                new Typography(List.of(), List.of()), Map.of(), List.of(), new ResponsiveRules(List.of()), 0, false);
    }
}
