package dev.specboard.spec;

import dev.specboard.web.FormErrors;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecContentTest {

    static SpecContent.Phase phase(String name, String hours) {
        return new SpecContent.Phase(null, name, "d", hours == null ? null : new BigDecimal(hours), "c", List.of());
    }

    static SpecContent content(SpecContent.Phase... phases) {
        return new SpecContent("o", "a", "t", List.of(phases));
    }

    @Test
    void validPhasesPass() {
        assertFalse(content(phase("database-layer", "2"), phase("api-layer", "0")).validate().any());
    }

    @Test
    void aHierarchicalSpecNeedsAPhase() {
        assertEquals("A hierarchical spec needs at least one phase", content().validate().get("phases"));
    }

    @Test
    void phaseNamesMustBeSlugLikeAndUnique() {
        FormErrors e = content(phase("Database Layer", "1"), phase("api", "1"), phase("api", "1"), phase("", "1")).validate();
        assertTrue(e.get("phases[0].name").startsWith("Lowercase"));
        assertFalse(e.has("phases[1].name"));
        assertEquals("Another phase already has this name", e.get("phases[2].name"));
        assertEquals("Give the phase a name", e.get("phases[3].name"));
    }

    @Test
    void hoursMustBeBetweenZeroAnd9999() {
        FormErrors e = content(phase("a", "-1"), phase("b", "10000"), phase("c", null)).validate();
        assertEquals("Hours cannot be negative", e.get("phases[0].hours"));
        assertEquals("At most 9999 hours", e.get("phases[1].hours"));
        assertFalse(e.has("phases[2].hours"));
    }

    @Test
    void assignedFilesCannotLeaveTheRepository() {
        SpecContent c = new SpecContent(null, null, null, List.of(new SpecContent.Phase(null, "a", null, null, null, List.of("../etc/passwd"))));
        assertTrue(c.validate().has("phases[0].assignedFiles"));
    }

    @Test
    void filePathsTakeOneFormAndOnlyAWholeDotDotSegmentIsRefused() {
        SpecContent c = new SpecContent(null, null, null, List.of(new SpecContent.Phase(null, "a", null, null, null,
                List.of("./f.txt", "/f.txt", " f.txt/ ", "src//x/./a..b.txt", "f.txt", "..x", "x..")))).normalized();
        assertFalse(c.validate().any(), c.validate().asMap().toString());
        assertEquals(List.of("f.txt", "f.txt", "f.txt", "src/x/a..b.txt", "f.txt", "..x", "x.."), c.phaseList().get(0).files());
        assertEquals(List.of("f.txt", "src/x/a..b.txt", "..x", "x.."), c.withDistinctFiles().phaseList().get(0).files());
        SpecContent bad = new SpecContent(null, null, null, List.of(new SpecContent.Phase(null, "a", null, null, null,
                java.util.Arrays.asList("ok.txt", "", "a/../b", "./", null)))).normalized();
        FormErrors e = bad.validate();
        assertFalse(e.has("phases[0].assignedFiles[0]"));
        assertTrue(e.get("phases[0].assignedFiles[1]").startsWith("An empty file path"));
        assertTrue(e.get("phases[0].assignedFiles[2]").contains("without .."));
        assertTrue(e.has("phases[0].assignedFiles[3]") && e.has("phases[0].assignedFiles[4]"));
        assertTrue(e.get("phases[0].assignedFiles").startsWith("File 2: "), "the form's text area hears of the first: " + e.asMap());
    }

    @Test
    void theSeedsJsonRoundTripsWithItsFieldNames() {
        String seed = """
                {"overview": "High-level", "phases": [
                  {"number": 1, "name": "database-layer", "description": "Models", "hours": 2.0, "content": "## Phase 1", "assigned_files": ["a.py"]},
                  {"number": 2, "name": "api-layer", "description": "API", "hours": 3.0, "content": "## Phase 2"}],
                 "architecture": "Arch", "technology_stack": "Python"}""";
        SpecContent c = SpecContent.parse(seed);
        assertEquals("Python", c.technologyStack());
        assertEquals(List.of("a.py"), c.phaseList().get(0).files());
        assertEquals(0, new BigDecimal("5.0").compareTo(c.totalHours()));
        String json = c.normalized().toJson();
        assertTrue(json.contains("\"technology_stack\":\"Python\""));
        assertTrue(json.contains("\"assigned_files\":[\"a.py\"]"));
        assertEquals(c.normalized(), SpecContent.parse(json));
    }

    @Test
    void normalisingNumbersPhasesInOrder() {
        SpecContent c = content(phase(" b ", "1"), phase("a", "1")).normalized();
        assertEquals(List.of(1, 2), c.phaseList().stream().map(SpecContent.Phase::number).toList());
        assertEquals("b", c.phaseList().get(0).name());
    }

    @Test
    void brokenJsonIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> SpecContent.parse("{not json"));
    }
}
