package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.specboard.support.Mcp.answer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts and agents order the page tree as the design page's drag and keyboard moves do, and the page shows their order. */
@QuarkusTest
class PageOrderApiTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private String page(TestData.Team t, String name, String path, String parentPath) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "path", path));
        if (parentPath != null) {
            body.put("parentPath", parentPath);
        }
        return fx.api(t.member()).body(body).post("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(201).extract().path("id");
    }

    private static List<String> tree(TestData.Team t, String selector) {
        Document d = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/design"));
        return d.select(selector).eachAttr("data-id");
    }

    @Test
    void aMemberMovesAPageAndOrdersALevel() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String a = page(t, "A", "/a", null);
        String b = page(t, "B", "/b", null);
        String c = page(t, "C", "/c", null);
        String child1 = page(t, "One", "/a/one", "/a");
        String child2 = page(t, "Two", "/a/two", "/a");

        fx.api(t.member()).body(Map.of("direction", "up")).post(api + "/pages/" + c + "/move")
                .then().statusCode(200).body("id", contains(a, c, b));
        assertEquals(List.of(a, c, b), tree(t, "#page-tree > ul > li"));

        fx.api(t.member()).body(Map.of("ids", List.of(b, a, c))).put(api + "/page-order")
                .then().statusCode(200).body("id", contains(b, a, c));
        assertEquals(List.of(b, a, c), tree(t, "#page-tree > ul > li"));
        fx.api(t.member()).body(Map.of("parentId", a, "ids", List.of(child2, child1))).put(api + "/page-order")
                .then().statusCode(200).body("id", contains(child2, child1)).body("parentPath", contains("/a", "/a"));
        assertEquals(List.of(child2, child1), tree(t, "#node-" + a + " > ul > li"));
        fx.api(t.viewer()).get(api + "/pages").then().statusCode(200).body("id", contains(b, a, child2, child1, c));

        // Refusals name what is wrong and change nothing.
        fx.api(t.member()).body(Map.of("direction", "up")).post(api + "/pages/" + b + "/move")
                .then().statusCode(409).body("error", containsString("already the first"));
        fx.api(t.member()).body(Map.of("direction", "sideways")).post(api + "/pages/" + b + "/move")
                .then().statusCode(422).body("details.direction", notNullValue());
        fx.api(t.member()).body(Map.of("ids", List.of(b, a))).put(api + "/page-order")
                .then().statusCode(409).body("error", containsString("changed meanwhile"));
        fx.api(t.member()).body(Map.of("ids", List.of(b, "not-an-id", c))).put(api + "/page-order")
                .then().statusCode(422).body("details.ids", containsString("not-an-id"));
        fx.api(t.member()).body(Map.of("parentId", "00000000-0000-0000-0000-000000000000", "ids", List.of(child1)))
                .put(api + "/page-order").then().statusCode(422).body("details.parentId", notNullValue());
        fx.api(t.member()).body(Map.of("parentId", a)).put(api + "/page-order").then().statusCode(422).body("details.ids", notNullValue());
        fx.api(t.member()).body(Map.of("ids", List.of(b, b, a))).put(api + "/page-order")
                .then().statusCode(422).body("details.ids", equalTo("Name each page once: " + b + " comes twice"));
        // A level without pages is confirmed as it is: empty.
        fx.api(t.member()).body(Map.of("parentId", child1, "ids", List.of())).put(api + "/page-order").then().statusCode(200).body("size()", equalTo(0));
        fx.api(t.member()).body(Map.of("ids", List.of(b, a, c), "order", "asc")).put(api + "/page-order")
                .then().statusCode(422).body("details.order", equalTo("unknown field"));
        fx.api(t.member()).body(Map.of("direction", "up")).post(api + "/pages/00000000-0000-0000-0000-000000000000/move")
                .then().statusCode(404);
        fx.api(t.viewer()).body(Map.of("direction", "down")).post(api + "/pages/" + b + "/move")
                .then().statusCode(403).body("error", containsString("member"));
        fx.api(t.outsider()).body(Map.of("ids", List.of(b, a, c))).put(api + "/page-order").then().statusCode(404);
        assertEquals(List.of(b, a, c), tree(t, "#page-tree > ul > li"));
    }

    @Test
    void anAgentOrdersPagesThroughMcp() {
        TestData.Team t = data.team();
        String a = page(t, "A", "/a", null);
        String b = page(t, "B", "/b", null);
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);

        String moved = answer(token, session, "move_page", false, "project", t.slug(), "pageId", a, "direction", "down");
        assertTrue(moved.indexOf(b) < moved.indexOf(a), moved);
        assertEquals(List.of(b, a), tree(t, "#page-tree > ul > li"));
        String ordered = answer(token, session, "order_pages", false, "project", t.slug(), "pageIds", Arrays.asList(a, b));
        assertTrue(ordered.indexOf(a) < ordered.indexOf(b), ordered);
        assertEquals(List.of(a, b), tree(t, "#page-tree > ul > li"));
        assertTrue(answer(token, session, "move_page", true, "project", t.slug(), "pageId", a, "direction", "up").contains("already the first"));
        assertTrue(answer(token, session, "order_pages", true, "project", t.slug(), "pageIds", List.of(a)).contains("changed meanwhile"));
    }

    /** An id that is no page of this project was answered 409 "changed meanwhile"; it is a wrong id, named like a wrong parentId. */
    @Test
    void anIdOfAnotherProjectOrNoPageIsRefusedByName() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        String api = "/api/v1/projects/" + t.slug();
        String a = page(t, "A", "/a", null);
        String child = page(t, "One", "/a/one", "/a");
        String theirs = page(other, "Theirs", "/theirs", null);
        String unknown = "00000000-0000-0000-0000-00000000abcd";

        fx.api(t.member()).body(Map.of("ids", List.of(a, theirs))).put(api + "/page-order")
                .then().statusCode(422).body("details.ids", equalTo("No page of this project has the id " + theirs));
        fx.api(t.member()).body(Map.of("ids", List.of(a, unknown))).put(api + "/page-order")
                .then().statusCode(422).body("details.ids", equalTo("No page of this project has the id " + unknown));
        // A page of this project on another level is still a level that changed meanwhile.
        fx.api(t.member()).body(Map.of("ids", List.of(a, child))).put(api + "/page-order")
                .then().statusCode(409).body("error", containsString("changed meanwhile"));

        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String refused = answer(token, session, "order_pages", true, "project", t.slug(), "pageIds", List.of(a, theirs));
        assertTrue(refused.contains("No page of this project has the id " + theirs), refused);
    }

    /**
     * {@code order_pages} took {@code pageIds} where {@code PUT .../page-order} (and the tree's form) take {@code ids}, and
     * refused a wrong id naming {@code ids}, an argument it did not take. It takes {@code ids} now, keeps {@code pageIds}
     * for the agents written against it, and a refusal names the argument the caller sent.
     */
    @Test
    void orderPagesTakesTheApisIdsAndARefusalNamesTheArgumentSent() throws Exception {
        TestData.Team t = data.team();
        String a = page(t, "A", "/a", null);
        String b = page(t, "B", "/b", null);
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);

        String ordered = answer(token, session, "order_pages", false, "project", t.slug(), "ids", List.of(b, a));
        assertTrue(ordered.indexOf(b) < ordered.indexOf(a), ordered);
        assertEquals(List.of(b, a), tree(t, "#page-tree > ul > li"));
        answer(token, session, "order_pages", false, "project", t.slug(), "pageIds", List.of(a, b));
        assertEquals(List.of(a, b), tree(t, "#page-tree > ul > li"));

        ObjectMapper json = new ObjectMapper();
        JsonNode viaIds = json.readTree(answer(token, session, "order_pages", true, "project", t.slug(), "ids", List.of(a, "nope")));
        assertEquals("Not a page id: nope", viaIds.at("/details/ids").asText(), viaIds.toString());
        for (List<String> sent : List.of(List.of(a, "nope"), List.of(a, a, b))) {
            JsonNode viaPageIds = json.readTree(answer(token, session, "order_pages", true, "project", t.slug(), "pageIds", sent));
            assertTrue(viaPageIds.at("/details/pageIds").isTextual(), viaPageIds.toString());
            assertTrue(viaPageIds.at("/details/ids").isMissingNode(), viaPageIds.toString());
        }
        JsonNode both = json.readTree(answer(token, session, "order_pages", true, "project", t.slug(), "ids", List.of(b, a),
                "pageIds", List.of(b, a)));
        assertTrue(both.at("/details/pageIds").asText().contains("ids"), both.toString());
        assertEquals(List.of(a, b), tree(t, "#page-tree > ul > li"), "nothing was reordered by the refusals");
    }
}
