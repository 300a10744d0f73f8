package dev.specboard.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignSystemBuilderTest {

    static final String HOME_CSS = ":root { --primary: #DC2626; } body { font-family: Inter, sans-serif; font-size: 16px; color: #1e293b; margin: 0; }"
            + " .btn { background: var(--primary); padding: 8px 16px; } .btn:hover { background: #b91c1c; } h1 { font-size: 32px; margin-bottom: 24px; }";
    static final String LIST_CSS = "body { font-family: Inter; color: #1E293B; } .card { padding: 16px; border: 1px solid #e2e8f0; }"
            + " .btn { background: rgb(220, 38, 38); padding: 8px 16px; } .note { margin: 13px; color: #dc2727; }";
    static final String SETTINGS_CSS = "body { font-family: 'Inter'; font-size: 1rem; color: rgb(30 41 59); } form { gap: 24px; }"
            + " input { padding: 8px; border: 1px solid #E2E8F0; } .btn { background: #dc2626; }";

    static List<DesignSystemBuilder.PageInput> threePages() {
        return List.of(
                new DesignSystemBuilder.PageInput("Home", MockupAnalyzer.analyze("<h1>Hi</h1><button class='btn btn-primary'>Go</button>", HOME_CSS)),
                new DesignSystemBuilder.PageInput("Lessons", MockupAnalyzer.analyze(
                        "<div class='card'><a class='btn' href='/l/1'>Open</a></div><p class='note'>n</p>", LIST_CSS)),
                new DesignSystemBuilder.PageInput("Settings", MockupAnalyzer.analyze(
                        "<form><input name='n'><button class='btn' disabled>Save</button></form>", SETTINGS_CSS)));
    }

    @Test
    void coloursAggregateAcrossThreeMockupsWithCountsPagesAndContexts() {
        DesignTokens.Result r = DesignSystemBuilder.build(threePages(), DesignTokens.Confirmations.none());
        DesignTokens.ColorToken primary = r.tokens().colors().get("primary");
        assertEquals("#dc2626", primary.value(), "named after the custom property --primary");
        assertEquals(3, primary.usageCount(), "var(--primary), rgb(220, 38, 38) and #dc2626");
        assertEquals(List.of("Home", "Lessons", "Settings"), primary.pages());
        assertTrue(primary.contexts().containsAll(List.of("backgrounds", "buttons")), primary.contexts().toString());
        assertEquals("custom-property", primary.source());
        DesignTokens.ColorToken text = r.tokens().colors().values().stream().filter(c -> c.value().equals("#1e293b")).findFirst().orElseThrow();
        assertEquals(3, text.usageCount(), "#1e293b, #1E293B and rgb(30 41 59)");
        assertTrue(text.contexts().contains("text"));
        assertEquals("emergent", r.generationMethod());
        assertEquals(3, r.mockupCount());
    }

    @Test
    void nearDuplicateColoursAndOffScaleSpacingAreFlaggedWithTheirPages() {
        DesignTokens.Result r = DesignSystemBuilder.build(threePages(), DesignTokens.Confirmations.none());
        DesignTokens.NearDuplicate d = r.tokens().flags().nearDuplicateColors().stream()
                .filter(n -> n.value().equals("#dc2626") || n.nearValue().equals("#dc2626")).findFirst().orElseThrow();
        assertTrue(List.of(d.value(), d.nearValue()).contains("#dc2727"));
        assertTrue(d.distance() < 1);
        assertTrue(d.pages().contains("Lessons") || d.nearPages().contains("Lessons"));
        assertEquals("8px", r.tokens().spacing().base().value());
        assertEquals(List.of(13d), r.tokens().flags().offScaleSpacing().stream().map(DesignTokens.SpacingValue::px).toList());
        assertEquals(List.of("Lessons"), r.tokens().flags().offScaleSpacing().get(0).pages());
        assertEquals(List.of(8d, 16d, 24d), r.tokens().spacing().scale());
        assertTrue(r.confidenceScores().get("colors") < 1, "near duplicates lower the colour confidence");
    }

    @Test
    void typographyAndComponentPatterns() {
        DesignTokens.Result r = DesignSystemBuilder.build(threePages(), DesignTokens.Confirmations.none());
        assertEquals("Inter", r.tokens().typography().fontFamily());
        assertEquals(3, r.tokens().typography().families().get(0).usageCount());
        assertEquals("16px", r.tokens().typography().sizes().get("base"));
        assertEquals("32px", r.tokens().typography().sizes().get("lg"));
        DesignTokens.ComponentPattern button = r.componentPatterns().get("button");
        assertEquals(3, button.usageCount());
        assertEquals("btn", button.baseClasses());
        assertTrue(button.variants().contains("primary"));
        assertTrue(button.states().containsAll(List.of("hover", "disabled")), button.states().toString());
        assertEquals(1.0, r.confidenceScores().get("typography"));
    }

    @Test
    void membersNameMergeAndConfirmTokens() {
        DesignTokens.Confirmations conf = new DesignTokens.Confirmations(
                Map.of("#1e293b", new DesignTokens.ColorConfirmation("ink", true, "ada", "2026-01-01T00:00:00Z")),
                Map.of("#dc2727", "#dc2626"), java.util.List.of());
        DesignTokens.Result r = DesignSystemBuilder.build(threePages(), conf);
        assertTrue(r.tokens().colors().get("ink").confirmed());
        assertEquals("member", r.tokens().colors().get("ink").source());
        DesignTokens.ColorToken primary = r.tokens().colors().get("primary");
        assertEquals(4, primary.usageCount(), "the merged #dc2727 counts as primary");
        assertEquals(List.of("#dc2727"), primary.mergedFrom());
        assertFalse(r.tokens().colors().values().stream().anyMatch(c -> c.value().equals("#dc2727")));
        assertTrue(r.tokens().flags().nearDuplicateColors().stream().noneMatch(n -> n.value().equals("#dc2727") || n.nearValue().equals("#dc2727")));
        assertEquals("hybrid", r.generationMethod());
    }

    /**
     * "--ink" (named brand-red by a member) merged into "--line": the colour that stays keeps its own name, line; the
     * merged colour's CSS name won the tie, being first in the alphabet, and renamed it ink.
     */
    @Test
    void aColourMergedIntoAnotherLeavesTheTargetsNameAlone() {
        String css = ":root { --ink: #1f2937; --line: #d1d5db; } body { color: var(--ink); } hr { border-color: var(--line); }";
        List<DesignSystemBuilder.PageInput> page = List.of(new DesignSystemBuilder.PageInput("Home", MockupAnalyzer.analyze("<p>Hi</p><hr>", css)));
        DesignTokens.Confirmations conf = new DesignTokens.Confirmations(
                Map.of("#1f2937", new DesignTokens.ColorConfirmation("brand-red", false, "ada", "2026-01-01T00:00:00Z")),
                Map.of("#1f2937", "#d1d5db"), List.of());
        Map<String, DesignTokens.ColorToken> colors = DesignSystemBuilder.build(page, conf).tokens().colors();
        assertEquals("#d1d5db", colors.get("line").value(), colors.toString());
        assertEquals(List.of("#1f2937"), colors.get("line").mergedFrom());
        assertFalse(colors.containsKey("ink"), colors.toString());

        // A target without a CSS name of its own still takes the merged colour's.
        Map<String, DesignTokens.ColorToken> named = DesignSystemBuilder.build(List.of(new DesignSystemBuilder.PageInput("Home",
                MockupAnalyzer.analyze("<p>Hi</p><hr>", ":root { --ink: #1f2937; } body { color: var(--ink); } hr { border-color: #d1d5db; }"))),
                new DesignTokens.Confirmations(Map.of(), Map.of("#1f2937", "#d1d5db"), List.of())).tokens().colors();
        assertEquals("#d1d5db", named.get("ink").value(), named.toString());
    }

    @Test
    void exportsCssCustomPropertiesAndW3cDesignTokens() throws Exception {
        DesignTokens.Tokens t = DesignSystemBuilder.build(threePages(), DesignTokens.Confirmations.none()).tokens();
        String css = DesignSystemExport.css("Shop", t);
        assertTrue(css.contains("--color-primary: #dc2626;"), css);
        assertTrue(css.contains("--space-base: 8px;"));
        assertTrue(css.contains("--space-2: 16px;"));
        assertTrue(css.contains("--font-family-base: Inter, sans-serif;"), css);
        assertTrue(css.contains("--font-size-base: 16px;"));
        JsonNode json = new ObjectMapper().readTree(DesignSystemExport.designTokens(t));
        assertEquals("color", json.at("/color/$type").asText());
        assertEquals("#dc2626", json.at("/color/primary/$value").asText());
        assertEquals("dimension", json.at("/spacing/$type").asText());
        assertEquals("8px", json.at("/spacing/base/$value").asText());
        assertEquals("fontFamily", json.at("/font/family/$type").asText());
        assertEquals("Inter", json.at("/font/family/inter/$value").asText());
        assertEquals("16px", json.at("/font/size/base/$value").asText());
    }

    @Test
    void noMockupsNoTokens() {
        DesignTokens.Result r = DesignSystemBuilder.build(List.of(), null);
        assertTrue(r.tokens().colors().isEmpty());
        assertNull(r.tokens().spacing().base());
        assertEquals(0.0, r.confidenceScores().get("colors"));
    }

    @Test
    void storedJsonKeepsTheSeedShape() throws Exception {
        DesignTokens.Result r = DesignSystemBuilder.build(threePages(), DesignTokens.Confirmations.none());
        JsonNode n = new ObjectMapper().readTree(DesignJson.write(r.tokens()));
        assertEquals(3, n.at("/colors/primary/usage_count").asInt());
        assertEquals("8px", n.at("/spacing/base/value").asText());
        assertEquals("Inter", n.at("/typography/font_family").asText());
        DesignTokens.Tokens back = DesignJson.read(DesignJson.write(r.tokens()), DesignTokens.Tokens.class, null);
        assertEquals(r.tokens(), back);
        MockupAnalysis a = threePages().get(0).analysis();
        assertEquals(a, DesignJson.read(DesignJson.write(a), MockupAnalysis.class, null));
        assertTrue(DesignJson.write(a).contains("\"colors_used\""));
    }
}
