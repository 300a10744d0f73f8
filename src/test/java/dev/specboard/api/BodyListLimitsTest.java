package dev.specboard.api;

import dev.specboard.design.JourneyFlow;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists of API bodies are bounded and hold no null, each refused with 422 naming the list (or the entry) before any
 * entry is worked on: journeys of thousands of nodes took half a minute to check, 5000 phases made 5000 tasks, 5000 story
 * numbers were looked up before a refusal for "characters", and a null entry was dropped unsaid.
 */
@QuarkusTest
class BodyListLimitsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    private static List<Map<String, Object>> nodes(int n, boolean labelled) {
        return IntStream.range(0, n).mapToObj(i -> Map.<String, Object>of("key", "n" + i, "nodeType", "action",
                "data", labelled ? Map.of("label", "Step " + i) : Map.of())).toList();
    }

    @Test
    void aJourneyHasAtMostSoManyNodesAndConnectionsAndBothListsOnCreate() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/journeys");
        Response many = fx.api(t.member()).body(Map.of("name", "J", "nodes", nodes(JourneyFlow.MAX_NODES + 1, false), "connections", List.of())).post(api);
        assertEquals(422, many.statusCode(), many.asString());
        assertEquals("A journey has at most 500 nodes; this one has 501", many.path("details.nodes"));
        assertEquals(1, (int) many.path("details.size()"), "refused before any node is checked: " + many.asString());

        List<Map<String, Object>> links = new ArrayList<>();
        IntStream.range(0, JourneyFlow.MAX_CONNECTIONS + 1).forEach(i -> links.add(Map.of("from", "n0", "to", "n1")));
        Response linked = fx.api(t.member()).body(Map.of("name", "J", "nodes", nodes(2, true), "connections", links)).post(api);
        assertEquals(422, linked.statusCode(), linked.asString());
        assertEquals("A journey has at most 2000 connections; this one has 2001", linked.path("details.connections"));

        Map<String, Object> nulls = new HashMap<>();
        nulls.put("name", "J4");
        nulls.put("nodes", null);
        nulls.put("connections", null);
        Response none = fx.api(t.member()).body(nulls).post(api);
        assertEquals(422, none.statusCode(), none.asString());
        assertTrue(none.path("details.nodes").toString().contains("required"), none.asString());
        assertTrue(none.path("details.connections").toString().contains("required"), none.asString());
        assertEquals(0, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "nothing was stored");

        String id = fx.api(t.member()).body(Map.of("name", "J", "nodes", nodes(2, true), "connections", List.of())).post(api)
                .then().statusCode(201).extract().path("id");
        Response replaced = fx.api(t.member()).body(Map.of("version", 1, "nodes", nodes(JourneyFlow.MAX_NODES + 1, true), "connections", List.of()))
                .put(api + "/" + id);
        assertEquals(422, replaced.statusCode(), replaced.asString());
        assertEquals("A journey has at most 500 nodes; this one has 501", replaced.path("details.nodes"));
    }

    @Test
    void eachUnlabelledNodeIsNamedWhereTheBodyHasItsField() {
        TestData.Team t = data.team();
        Response r = fx.api(t.member()).body(Map.of("name", "J", "nodes", nodes(JourneyFlow.MAX_NODES, false), "connections", List.of()))
                .post(ApiPaths.project(t.slug(), "/journeys"));
        assertEquals(422, r.statusCode(), r.asString());
        Map<String, Object> details = r.path("details");
        assertEquals(JourneyFlow.MAX_NODES, details.keySet().stream().filter(k -> k.matches("nodes\\[\\d+]\\.data\\.label")).count(), r.asString());
        assertTrue(details.keySet().stream().noneMatch(k -> k.matches("nodes\\[\\d+]\\.label")), "no form name is left: " + details.keySet());
    }

    @Test
    void aSpecHasAtMostSoManyPhasesAndDependenciesAndNoNullOne() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug(), "/specs");
        List<Map<String, Object>> phases = IntStream.range(0, TechnicalSpec.MAX_PHASES + 1).mapToObj(i -> Map.<String, Object>of("name", "P" + i,
                "description", "d", "hours", 1, "content", "c")).toList();
        Response many = fx.api(t.member()).body(Map.of("title", "Big", "specType", "hierarchical", "overview", "o", "phases", phases)).post(api);
        assertEquals(422, many.statusCode(), many.asString());
        assertEquals("At most 2000 phases; this spec has 2001", many.path("details.phases"));

        List<String> deps = IntStream.range(0, TechnicalSpec.MAX_DEPENDS_ON + 1).mapToObj(i -> "SPEC-" + (i + 1)).toList();
        Response depending = fx.api(t.member()).body(Map.of("title", "Deps", "specType", "monolithic", "content", "x", "dependsOn", deps)).post(api);
        assertEquals(422, depending.statusCode(), depending.asString());
        assertEquals("At most 100 entries; this list has 101", depending.path("details.dependsOn"));

        Response nullDep = fx.api(t.member()).body("{\"title\":\"N\",\"specType\":\"monolithic\",\"content\":\"x\",\"dependsOn\":[null]}").post(api);
        assertEquals(422, nullDep.statusCode(), nullDep.asString());
        assertTrue(nullDep.path("details.'dependsOn[0]'").toString().contains("not null"), nullDep.asString());
        assertEquals(0, (int) fx.api(t.viewer()).get(api).then().statusCode(200).extract().path("size()"), "nothing was stored");
    }

    @Test
    void featureAndPageListsAreBoundedAndHoldNoNull() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        Response stories = fx.api(t.member()).body(Map.of("name", "F", "userDescription", "u",
                "storyNumbers", IntStream.rangeClosed(1, BodyLists.MAX_ENTRIES + 1).boxed().toList())).post(api + "/features");
        assertEquals(422, stories.statusCode(), stories.asString());
        assertEquals("At most 100 entries; this list has 101", stories.path("details.storyNumbers"));

        Response rule = fx.api(t.member()).body("{\"name\":\"F\",\"userDescription\":\"u\",\"businessRules\":[\"a\",null]}").post(api + "/features");
        assertEquals(422, rule.statusCode(), rule.asString());
        assertTrue(rule.path("details.'businessRules[1]'").toString().contains("not null"), rule.asString());
        Response creates = fx.api(t.member()).body("{\"name\":\"F\",\"userDescription\":\"u\",\"dataOperations\":{\"creates\":[null]}}").post(api + "/features");
        assertEquals(422, creates.statusCode(), creates.asString());
        assertTrue(creates.path("details.'dataOperations.creates[0]'").toString().contains("not null"), creates.asString());

        Response page = fx.api(t.member()).body("{\"name\":\"Home\",\"path\":\"/home\",\"keyElements\":[null]}").post(api + "/pages");
        assertEquals(422, page.statusCode(), page.asString());
        assertTrue(page.path("details.'keyElements[0]'").toString().contains("not null"), page.asString());
        Response order = fx.api(t.member()).body(Map.of("ids", IntStream.range(0, BodyLists.MAX_ORDERED + 1).mapToObj(i -> "x").toList()))
                .put(api + "/page-order");
        assertEquals(422, order.statusCode(), order.asString());
        assertEquals("At most 1000 entries; this list has 1001", order.path("details.ids"));
        assertEquals(0, (int) fx.api(t.viewer()).get(api + "/features").then().statusCode(200).extract().path("size()"), "nothing was stored");
    }

    @Test
    void aBodyOfManyUnknownFieldsNamesTheFirstTwentyAndCountsTheRest() {
        TestData.Team t = data.team();
        StringBuilder body = new StringBuilder("{\"title\":\"T\",\"specType\":\"monolithic\",\"content\":\"x\"");
        IntStream.range(0, 5000).forEach(i -> body.append(",\"bogus").append(i).append("\":1"));
        Response r = fx.api(t.member()).body(body.append('}').toString()).post(ApiPaths.project(t.slug(), "/specs"));
        assertEquals(422, r.statusCode());
        assertTrue(r.asString().length() < 5000, "a short answer: " + r.asString().length() + " characters");
        Map<String, Object> details = r.path("details");
        assertEquals(21, details.size(), details.toString());
        assertEquals("unknown field", details.get("bogus0"));
        assertTrue(details.containsKey("and 4980 more"), details.toString());
        assertTrue(r.path("error").toString().startsWith("Unknown fields: bogus0, bogus1,"), r.asString());
        assertTrue(r.path("error").toString().endsWith("bogus19 and 4980 more"), r.asString());
    }

    @Test
    void renamingManyFieldsIsOnePassKeepingTheOrder() {
        dev.specboard.web.FormErrors errors = dev.specboard.web.FormErrors.none();
        List<JourneyApi.NodeBody> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            errors.add("nodes[" + i + "].label", "Give the action a label");
            bodies.add(new JourneyApi.NodeBody("n" + i, "action", i == 1 ? Map.of("pageId", "x") : Map.of(), null));
        }
        errors.add("nodes[1].page", "No such page");
        Map<String, String> names = JourneyBodyChecks.apiNames(bodies);
        assertEquals(3 * 8, names.size(), "one name per node field, collected once");
        dev.specboard.web.ValidationException renamed = new dev.specboard.web.ValidationException(errors).renamed(names);
        assertEquals(Arrays.asList("nodes[0].data.label", "nodes[1].data.label", "nodes[2].data.label", "nodes[1].data.pageId"),
                renamed.errors().list().stream().map(dev.specboard.web.FormErrors.FieldError::field).toList());
    }
}
