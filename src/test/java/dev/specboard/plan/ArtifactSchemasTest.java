package dev.specboard.plan;

import dev.specboard.web.FormErrors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactSchemasTest {

    private final ArtifactSchemas schemas = new ArtifactSchemas();

    @Test
    void validStepsPass() {
        FormErrors e = schemas.check(ArtifactType.IMPLEMENTATION_STEPS,
                "{\"steps\":[{\"name\":\"cart-api\",\"title\":\"Cart API\",\"hours\":3,\"files\":[\"src/checkout/Cart.java\"]}]}");
        assertFalse(e.any(), e.asMap().toString());
    }

    @Test
    void eachProblemIsNamedByItsJsonPointer() {
        FormErrors e = schemas.check(ArtifactType.IMPLEMENTATION_STEPS,
                "{\"steps\":[{\"name\":\"ok\",\"title\":\"A\"},{\"name\":\"Bad Name\",\"hours\":-1}]}");
        System.out.println(e.asMap());
        assertTrue(e.has("/steps/1/hours"), e.asMap().toString());
        assertTrue(e.has("/steps/1/name"), e.asMap().toString());
        assertTrue(e.has("/steps/1/title"), e.asMap().toString());
        assertFalse(e.get("/steps/1/hours").startsWith("$"));
    }

    @Test
    void unreadableJsonIsOneProblemAtTheRoot() {
        FormErrors e = schemas.check(ArtifactType.FEATURE_PLAN, "{\"summary\": ");
        assertEquals(1, e.asMap().size());
        assertTrue(e.get("").startsWith("This is not valid JSON"), e.asMap().toString());
        // In plain words with its place, without the parser's "[Source: REDACTED (`StreamReadFeature...` disabled)".
        FormErrors open = schemas.check(ArtifactType.FEATURE_PLAN, "{\"summary\": \"x\", \"steps\": [");
        assertTrue(open.get("").startsWith("This is not valid JSON: it ends before the array is closed") && !open.get("").contains("Source")
                && !open.get("").contains("Feature"), open.asMap().toString());
    }

    @Test
    void codeChangesNeedContentExceptForDeletes() {
        FormErrors e = schemas.check(ArtifactType.CODE_CHANGES,
                "{\"changes\":[{\"path\":\"a.txt\",\"action\":\"create\"},{\"path\":\"b.txt\",\"action\":\"delete\"}]}");
        System.out.println(e.asMap());
        assertTrue(e.has("/changes/0/content"), e.asMap().toString());
        assertEquals(1, e.asMap().size(), e.asMap().toString());
    }

    /** A property the schema does not allow is named by its own pointer, as one left out is: it was keyed by its object's. */
    @Test
    void anUnknownPropertyIsNamedByItsOwnPointer() {
        FormErrors e = schemas.check(ArtifactType.IMPLEMENTATION_STEPS,
                "{\"steps\":[{\"name\":\"ok\",\"title\":\"A\",\"colour\":\"red\"}],\"extra\":1}");
        assertTrue(e.has("/extra"), e.asMap().toString());
        assertTrue(e.has("/steps/0/colour"), e.asMap().toString());
        assertFalse(e.has(""), e.asMap().toString());
        assertFalse(e.has("/steps/0"), e.asMap().toString());
    }
}
