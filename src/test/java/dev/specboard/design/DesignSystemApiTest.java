package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member's decisions on the colour tokens over the API and MCP, as on the design-system page. */
@QuarkusTest
class DesignSystemApiTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aMemberNamesConfirmsMergesAndUnmergesAColour() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String colors = ApiPaths.project(t.slug(), "/design-system/colors");

        fx.api(t.viewer()).body(Map.of("color", "#1e293b", "name", "night")).post(colors + "/name").then().statusCode(403);
        fx.api(t.member()).body(Map.of("color", "#1e293b", "name", "Not A Name!")).post(colors + "/name").then().statusCode(422)
                .body("details.name", containsString("starts with a letter"));
        fx.api(t.member()).body(Map.of("color", "blue", "name", "night")).post(colors + "/name").then().statusCode(422)
                .body("details.color", notNullValue());
        fx.api(t.member()).body(Map.of("color", "#1e293b", "name", "night", "by", "me")).post(colors + "/name").then().statusCode(422)
                .body("details.by", equalTo("unknown field"));
        fx.api(t.member()).body(Map.of("color", "#1E293B", "name", "night")).post(colors + "/name").then().statusCode(200)
                .body("userConfirmations.colors.'#1e293b'.name", equalTo("night"));
        fx.api(t.member()).body(Map.of("color", "#1e293b", "name", "slate", "was", "ink")).post(colors + "/name").then().statusCode(409)
                .body("details.current", equalTo("night")).body("details.yours", equalTo("slate"));

        fx.api(t.member()).body(Map.of("color", "#1e293b")).post(colors + "/confirm").then().statusCode(200)
                .body("userConfirmations.colors.'#1e293b'.confirmed", equalTo(true));
        fx.api(t.member()).body(Map.of("color", "#1e293b", "into", "#dc2626")).post(colors + "/merge").then().statusCode(200)
                .body("userConfirmations.merges.'#1e293b'", equalTo("#dc2626"));
        fx.api(t.member()).body(Map.of("color", "#1e293b", "into", "#ffffff")).post(colors + "/unmerge").then().statusCode(409);
        fx.api(t.member()).body(Map.of("color", "#1e293b", "into", "#dc2626")).post(colors + "/unmerge").then().statusCode(200)
                .body("userConfirmations.merges.'#1e293b'", nullValue());
        fx.api(t.outsider()).body(Map.of("color", "#1e293b")).post(colors + "/confirm").then().statusCode(404);

        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String named = Mcp.answer(token, session, "name_color_token", false, "project", t.slug(), "color", "#1e293b", "name", "ink",
                "was", "night");
        assertTrue(named.contains("\"name\":\"ink\""), named);
        assertTrue(Mcp.answer(token, session, "merge_color_token", true, "project", t.slug(), "color", "nope", "into", "#dc2626")
                .contains("color"));
    }

    /**
     * "Add back" was only on the page: an agent could reject a colour's token thought but never undo it. It adds a colour
     * left out back over the API and MCP, and the token thought, rejected until then, is undecided again.
     */
    @Test
    void aMemberAddsBackARejectedColourOverTheApiAndMcpAndItsThoughtIsUndecidedAgain() {
        TestData.Team t = data.team();
        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        String restore = ApiPaths.project(t.slug(), "/design-system/colors/restore");
        fx.api(t.member()).post(ApiPaths.project(t.slug(), "/thinking/" + tokenThought(t, "#1e293b").id + "/reject")).then().statusCode(200);
        DesignSystemResourceTest.settled(t);
        fx.api(t.member()).get(ApiPaths.project(t.slug(), "/design-system")).then().statusCode(200)
                .body("userConfirmations.rejected", hasItem("#1e293b")).body("tokens.colors.collect { it.value.value }", not(hasItem("#1e293b")));

        fx.api(t.viewer()).body(Map.of("color", "#1e293b")).post(restore).then().statusCode(403);
        fx.api(t.outsider()).body(Map.of("color", "#1e293b")).post(restore).then().statusCode(404);
        fx.api(t.member()).body(Map.of("color", "navy")).post(restore).then().statusCode(422).body("details.color", notNullValue());
        fx.api(t.member()).body(Map.of("color", "#1e293b", "by", "me")).post(restore).then().statusCode(422)
                .body("details.by", equalTo("unknown field"));
        String shortHex = fx.api(t.member()).body(Map.of("color", "#FFF")).post(restore).then().extract().asString();
        assertTrue(shortHex.contains("#ffffff") && !shortHex.contains("Name a colour by its hex"), "#fff is read as CSS reads it: " + shortHex);
        fx.api(t.member()).body(Map.of("color", "#1E293B")).post(restore).then().statusCode(200)
                .body("userConfirmations.rejected", not(hasItem("#1e293b")));
        assertEquals("active", tokenThought(t, "#1e293b").status, "the rejection is undone in the thinking chain too");
        fx.api(t.member()).body(Map.of("color", "#1e293b")).post(restore).then().statusCode(409)
                .body("error", containsString("not left out"));
        DesignSystemResourceTest.settled(t);
        fx.api(t.member()).get(ApiPaths.project(t.slug(), "/design-system")).then().statusCode(200)
                .body("tokens.colors.collect { it.value.value }", hasItem("#1e293b"));

        fx.api(t.member()).post(ApiPaths.project(t.slug(), "/thinking/" + tokenThought(t, "#1e293b").id + "/reject")).then().statusCode(200);
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String added = Mcp.answer(token, session, "restore_color_token", false, "project", t.slug(), "color", "#1e293b");
        assertTrue(added.contains("\"rejected\":[]"), added);
        assertEquals("active", tokenThought(t, "#1e293b").status);
        assertTrue(Mcp.answer(token, session, "restore_color_token", true, "project", t.slug(), "color", "#1e293b").contains("not left out"));
    }

    private static Thought tokenThought(TestData.Team t, String hex) {
        return QuarkusTransaction.requiringNew().call(() -> Thought.bySubject(t.project().id, "token:" + hex)
                .orElseThrow(() -> new AssertionError("no thought about " + hex)));
    }

    @Test
    void aColourNoMockupUsesIsRefusedByNameAndReservesNothing() {
        TestData.Team t = data.team();
        String colors = ApiPaths.project(t.slug(), "/design-system/colors");
        fx.api(t.member()).body(Map.of("color", "#123456", "name", "brand")).post(colors + "/name").then().statusCode(422)
                .body("details.color", equalTo("No mockup uses #123456: choose a colour of the design system"));
        fx.api(t.member()).body(Map.of("color", "#123456")).post(colors + "/confirm").then().statusCode(422).body("details.color", notNullValue());
        fx.api(t.member()).get(ApiPaths.project(t.slug(), "/design-system")).then().statusCode(200)
                .body("generationMethod", equalTo("emergent")).body("userConfirmations.colors", anEmptyMap());

        DesignSystemResourceTest.threePages(t);
        DesignSystemResourceTest.settled(t);
        fx.api(t.member()).body(Map.of("color", "#123456", "name", "brand")).post(colors + "/name").then().statusCode(422)
                .body("details.color", containsString("#123456"));
        fx.api(t.member()).body(Map.of("color", "#123456", "into", "#dc2626")).post(colors + "/merge").then().statusCode(422)
                .body("details.color", notNullValue());
        fx.api(t.member()).body(Map.of("color", "#1e293b", "into", "#123456")).post(colors + "/merge").then().statusCode(422)
                .body("details.into", equalTo("No mockup uses #123456: choose a colour of the design system"));
        fx.api(t.member()).body(Map.of("color", "#1e293b", "name", "brand")).post(colors + "/name").then().statusCode(200)
                .body("userConfirmations.colors.'#1e293b'.name", equalTo("brand")).body("userConfirmations.colors", aMapWithSize(1));

        fx.api(t.member()).body(Map.of("color", "#dc2727", "into", "#dc2626")).post(colors + "/merge").then().statusCode(200);
        DesignSystemResourceTest.settled(t);
        fx.api(t.member()).body(Map.of("color", "#dc2727", "name", "red-2")).post(colors + "/name").then().statusCode(422)
                .body("details.color", equalTo("#dc2727 is merged into #dc2626: decide on that colour, or undo the merge first"));
    }
}
