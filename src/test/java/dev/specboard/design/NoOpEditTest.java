package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An edit of a feature, page or journey that changes nothing (an empty body, or what a GET answered sent back) answers
 * 200 with the thing as it was and leaves its version and updated_at alone: a concurrent editor's save based on that
 * version stays valid instead of meeting a needless 409. A real change still makes a new version, and a real change
 * based on an older version is still refused.
 */
@QuarkusTest
class NoOpEditTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void aFeatureEditChangingNothingKeepsItsVersion() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("name", "Checkout", "path", "/checkout")).post(api + "/pages").then().statusCode(201);
        fx.api(t.member()).body(Map.of("title", "Pay", "description", "Shoppers pay")).post(api + "/stories").then().statusCode(201);
        String id = fx.api(t.member()).body(Map.of("name", "Pay", "userDescription", "Shoppers pay", "category", "payment",
                "businessRules", List.of("A paid order cannot be changed", "Prices include tax"), "uiRequirements", List.of("One page", "No popups"),
                "affectedPages", List.of("/checkout"), "storyNumbers", List.of(1),
                "dataOperations", Map.of("creates", List.of("Order", "Payment"), "reads", List.of("Cart")))).post(api + "/features")
                .then().statusCode(201).extract().path("id");
        String url = api + "/features/" + id;
        Instant touched = QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(UUID.fromString(id)).updatedAt);

        assertUnchanged(fx.api(t.member()).body(Map.of("version", 1)).put(url), 1, "nothing but the version");
        assertUnchanged(fx.api(t.member()).body(Map.of("name", "Pay", "businessRules", List.of("A paid order cannot be changed", "Prices include tax"),
                "storyNumbers", List.of(1), "version", 1)).put(url), 1, "the same values again");
        assertEquals(touched, QuarkusTransaction.requiringNew().call(() -> Feature.<Feature>findById(UUID.fromString(id)).updatedAt));

        assertChangedThenStale(url, t, Map.of("name", "Pay for an order", "version", 1), Map.of("name", "Pay once", "version", 1));
        assertEquals(3, (int) fx.api(t.member()).body(Map.of("storyNumbers", List.of(), "version", 2)).put(url).then().statusCode(200).extract().path("version"),
                "a story unlinked is a change");
    }

    @Test
    void aPageEditChangingNothingKeepsItsVersion() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("name", "Contacts", "path", "/contacts")).post(api + "/pages").then().statusCode(201);
        String id = fx.api(t.member()).body(Map.of("name", "New contact", "path", "/contacts/new", "parentPath", "/contacts", "primaryDevice", "desktop",
                "purpose", "Add someone", "keyElements", List.of("form", "save button"))).post(api + "/pages").then().statusCode(201).extract().path("id");
        String url = api + "/pages/" + id;
        Instant touched = QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(UUID.fromString(id)).updatedAt);

        assertUnchanged(fx.api(t.member()).body(Map.of("version", 1)).put(url), 1, "nothing but the version");
        assertUnchanged(fx.api(t.member()).body(Map.of("name", "New contact", "path", "/contacts/new/", "keyElements", List.of("form", "save button"),
                "version", 1)).put(url), 1, "the same values again");
        assertEquals(touched, QuarkusTransaction.requiringNew().call(() -> Page.<Page>findById(UUID.fromString(id)).updatedAt));

        assertChangedThenStale(url, t, Map.of("purpose", "Add a person", "version", 1), Map.of("purpose", "Add a contact", "version", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJourneyEditChangingNothingKeepsItsVersionAlsoWhenItsNodesComeBackAsRead() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        fx.api(t.member()).body(Map.of("name", "Sign up", "path", "/signup")).post(api + "/pages").then().statusCode(201);
        String id = fx.api(t.member()).body(Map.of("name", "Join", "flowType", "user", "description", "New people join", "nodes", List.of(
                Map.of("key", "form", "nodeType", "screen", "data", Map.of("page", "/signup", "start", true)),
                Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Email valid?", "branches", List.of("Yes", "No"))),
                Map.of("key", "save", "nodeType", "database", "data", Map.of("operation", "CREATE", "entity", "Account"), "locked", true)),
                "connections", List.of(Map.of("from", "form", "to", "ok", "trigger", "submit"), Map.of("from", "ok", "to", "save", "label", "Yes"),
                        Map.of("from", "ok", "to", "form", "label", "No")))).post(api + "/journeys").then().statusCode(201).extract().path("id");
        String url = api + "/journeys/" + id;
        Instant touched = QuarkusTransaction.requiringNew().call(() -> JourneyFlow.<JourneyFlow>findById(UUID.fromString(id)).updatedAt);

        assertUnchanged(fx.api(t.member()).body(Map.of("version", 1)).put(url), 1, "nothing but the version");
        assertUnchanged(fx.api(t.member()).body(echo(fx.api(t.member()).get(url))).put(url), 1, "the journey sent back as read");
        assertEquals(touched, QuarkusTransaction.requiringNew().call(() -> JourneyFlow.<JourneyFlow>findById(UUID.fromString(id)).updatedAt));

        Map<String, Object> reordered = echo(fx.api(t.member()).get(url));
        reordered.put("connections", List.of(Map.of("from", "form", "to", "ok", "trigger", "submit"), Map.of("from", "ok", "to", "save", "label", "Yes")));
        // The branch "No" still names its target as read, which makes the connection again: the body says where it leads.
        assertUnchanged(fx.api(t.member()).body(reordered).put(url), 1, "a connection left out that its branch's targetNode still names");
        reordered.put("nodes", withoutTarget((List<Map<String, Object>>) reordered.get("nodes"), "ok", "No"));
        Response dropped = fx.api(t.member()).body(reordered).put(url);
        assertEquals(200, dropped.statusCode(), dropped.asString());
        assertEquals(2, (int) dropped.path("version"), "a connection removed is a change");
        assertChangedThenStale(url, t, Map.of("description", "People join", "version", 2), Map.of("description", "Anyone joins", "version", 2));

        String empty = fx.api(t.member()).body(Map.of("name", "Leave", "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(201).extract().path("id");
        assertUnchanged(fx.api(t.member()).body(Map.of("nodes", List.of(), "connections", List.of(), "version", 1)).put(api + "/journeys/" + empty), 1,
                "no nodes given to a journey without nodes");
    }

    /** The nodes with the decision {@code key}'s branch {@code label} naming no target. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> withoutTarget(List<Map<String, Object>> nodes, String key, String label) {
        return nodes.stream().map(n -> {
            if (!key.equals(n.get("key"))) {
                return n;
            }
            Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) n.get("data"));
            data.put("branches", ((List<Map<String, Object>>) data.get("branches")).stream()
                    .map(b -> label.equals(b.get("label")) ? Map.<String, Object>of("label", label) : b).toList());
            Map<String, Object> node = new LinkedHashMap<>(n);
            node.put("data", data);
            return node;
        }).toList();
    }

    /** The journey as a GET answered it, as the body of a PUT: its details, version, nodes and connections. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> echo(Response got) {
        Map<String, Object> read = got.then().statusCode(200).extract().as(Map.class);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "flowType", "description", "primary", "version", "connections")) {
            body.put(field, read.get(field));
        }
        body.put("nodes", ((List<Map<String, Object>>) read.get("nodes")).stream().map(n -> Map.of("key", n.get("key"), "nodeType", n.get("nodeType"),
                "data", n.get("data"), "locked", n.get("locked"))).toList());
        return body;
    }

    private static void assertUnchanged(Response r, int version, String what) {
        assertEquals(200, r.statusCode(), what + ": " + r.asString());
        assertEquals(version, (int) r.path("version"), what + " is no new version");
    }

    /** A real change makes a new version; another editor's change based on the old one is then refused. */
    private void assertChangedThenStale(String url, TestData.Team t, Map<String, Object> change, Map<String, Object> stale) {
        Response changed = fx.api(t.member()).body(change).put(url);
        assertEquals(200, changed.statusCode(), changed.asString());
        int version = (int) change.get("version");
        assertEquals(version + 1, (int) changed.path("version"), "a real change is a new version");
        Response refused = fx.api(t.lead()).body(stale).put(url);
        assertEquals(409, refused.statusCode(), refused.asString());
    }
}
