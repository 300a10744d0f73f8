package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A PUT of a page, a feature or a journey changes what its body names and keeps the rest, as the MCP tools say they do:
 * an agent renaming one lost its device and parent, its rules and pages, its type and description.
 */
@QuarkusTest
class PartialPutTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aPageRenamedKeepsItsDeviceParentAndPurpose() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("name", "Contacts", "path", "/contacts")).post(api + "/pages").then().statusCode(201);
        String id = fx.api(t.member()).body(Map.of("name", "New contact", "path", "/contacts/new", "parentPath", "/contacts",
                "primaryDevice", "desktop", "purpose", "Add someone", "keyElements", List.of("form"))).post(api + "/pages").then().statusCode(201)
                .extract().path("id");

        JsonPath renamed = fx.api(t.member()).body(Map.of("name", "Add a contact", "version", 1)).put(api + "/pages/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Add a contact", renamed.getString("name"));
        assertEquals("desktop", renamed.getString("primaryDevice"));
        assertEquals("/contacts", renamed.getString("parentPath"));
        assertEquals("Add someone", renamed.getString("purpose"));
        assertEquals(List.of("form"), renamed.getList("keyElements"));
        assertEquals("/contacts/new", renamed.getString("path"));

        JsonPath top = fx.api(t.member()).body(Map.of("parentPath", "", "purpose", "", "version", 2)).put(api + "/pages/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(null, top.getString("parentPath"), "an empty parentPath still moves the page to the top");
        assertEquals("desktop", top.getString("primaryDevice"));
    }

    @Test
    void aFeatureRenamedKeepsItsRulesPagesAndCategory() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("name", "Checkout", "path", "/checkout")).post(api + "/pages").then().statusCode(201);
        String id = fx.api(t.member()).body(Map.of("name", "Pay", "userDescription", "Shoppers pay", "category", "payment",
                "businessRules", List.of("A paid order cannot be changed"), "uiRequirements", List.of("One page"), "affectedPages", List.of("/checkout"),
                "dataOperations", Map.of("creates", List.of("Order")))).post(api + "/features").then().statusCode(201).extract().path("id");

        JsonPath renamed = fx.api(t.member()).body(Map.of("name", "Pay for an order", "userDescription", "Shoppers pay once", "version", 1))
                .put(api + "/features/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("Pay for an order", renamed.getString("name"));
        assertEquals("payment", renamed.getString("category"));
        assertEquals(List.of("A paid order cannot be changed"), renamed.getList("businessRules"));
        assertEquals(List.of("One page"), renamed.getList("uiRequirements"));
        assertEquals(List.of("/checkout"), renamed.getList("affectedPages"));
        assertEquals(List.of("Order"), renamed.getList("dataOperations.creates"));

        JsonPath cleared = fx.api(t.member()).body(Map.of("businessRules", List.of(), "version", 2)).put(api + "/features/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), cleared.getList("businessRules"), "a list given replaces the old one, an empty one clears it");
        assertEquals(List.of("/checkout"), cleared.getList("affectedPages"));
    }

    @Test
    void aJourneyRenamedKeepsItsTypeDescriptionPrimacyAndNodes() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).body(Map.of("name", "Checkout", "flowType", "user", "description", "Buy things", "primary", true,
                "nodes", List.of(Map.of("key", "a", "nodeType", "action", "data", Map.of("label", "pay"))), "connections", List.of())).post(api + "/journeys")
                .then().statusCode(201).extract().path("id");

        JsonPath renamed = fx.api(t.member()).body(Map.of("name", "Checkout v2", "version", 1)).put(api + "/journeys/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Checkout v2", renamed.getString("name"));
        assertEquals("user", renamed.getString("flowType"));
        assertEquals("Buy things", renamed.getString("description"));
        assertEquals(true, renamed.getBoolean("primary"));
        assertEquals(List.of("a"), renamed.getList("nodes.key"));

        JsonPath demoted = fx.api(t.member()).body(Map.of("primary", false, "description", "", "version", 2)).put(api + "/journeys/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(false, demoted.getBoolean("primary"));
        assertEquals("user", demoted.getString("flowType"));
    }
}
