package dev.specboard.repo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ManifestHashTest {

    @Test
    void canonicalJsonSortsKeysAndHasNoWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, "x y", true));
        m.put("a", null);
        m.put("c", Map.of("z", 1, "y", 2));
        assertEquals("{\"a\":null,\"b\":[1,\"x y\",true],\"c\":{\"y\":2,\"z\":1}}", ManifestHash.canonicalJson(m));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", ManifestHash.canonicalJson("a\"b\\c\nd\u0001"));
    }

    @Test
    void hashIsSha256HexOfTheCanonicalJson() {
        // sha256("{}")
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ManifestHash.of(Map.of()));
    }

    @Test
    void keyOrderAndNumberTypeDoNotChangeTheHash() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("size", 12);
        a.put("path", "x");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("path", "x");
        b.put("size", 12L);
        assertEquals(ManifestHash.of(a), ManifestHash.of(b));
        assertEquals(ManifestHash.of(Map.of("n", 12)), ManifestHash.of(Map.of("n", new BigDecimal("12.0"))));
    }

    @Test
    void anyChangedValueChangesTheHash() {
        assertNotEquals(ManifestHash.of(Map.of("files", List.of(Map.of("blobSha", "aa")))),
                ManifestHash.of(Map.of("files", List.of(Map.of("blobSha", "ab")))));
    }
}
