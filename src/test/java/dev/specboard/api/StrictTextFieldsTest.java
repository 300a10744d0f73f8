package dev.specboard.api;

import dev.specboard.plan.PlanFixtures;
import dev.specboard.repo.GitFixture;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A text field of an API body given a number, true or false is refused naming the field (Jackson read {"name": 5} as
 * the plan name "5"), as an array or an object already was; a list of texts refuses such an entry by its place. The
 * other way round too: a number given as text or a flag given as a number. A body is one JSON value with each name once.
 * MCP tool arguments are held to the same.
 */
@QuarkusTest
class StrictTextFieldsTest {

    @Inject
    TestData data;

    @Inject
    PlanFixtures fixtures;

    @Inject
    dev.specboard.spec.SpecApiFixtures fx;

    @Test
    void aNumberOrFlagForATextFieldIsRefusedNamingTheField() {
        TestData.Team t = data.team();
        try (GitFixture git = GitFixture.create()) {
            fixtures.shop(t.project(), t.owner(), git);
            String plans = "/api/v1/projects/" + t.slug() + "/repos/shop/plans";
            for (Object name : List.of(5, 1.5, true, List.of("a"), Map.of("a", "b"))) {
                Response r = Api.as(t.lead()).body(Map.of("name", name, "targetBranch", "main")).post(plans);
                assertEquals(400, r.statusCode(), name + " " + r.asString());
                assertEquals(Map.of("name", "must be a text"), r.path("details"), r.asString());
            }
            assertEquals(0, (int) Api.as(t.viewer()).get(plans).then().statusCode(200).extract().path("size()"), "no plan was made");
            Api.as(t.lead()).body(Map.of("name", "Checkout", "targetBranch", "main")).post(plans).then().statusCode(201);
        }
        String features = "/api/v1/projects/" + t.slug() + "/features";
        Response rules = Api.as(t.member()).body(Map.of("name", "Cart", "businessRules", List.of("Totals add up", 5))).post(features);
        assertEquals(400, rules.statusCode(), rules.asString());
        assertEquals(Map.of("businessRules[1]", "must be a text"), rules.path("details"));
        Response ops = Api.as(t.member()).body(Map.of("name", "Cart", "dataOperations", Map.of("creates", List.of(false)))).post(features);
        assertEquals(Map.of("dataOperations.creates[0]", "must be a text"), ops.path("details"), ops.asString());
    }

    @Test
    void everyValueOfTheWrongTypeIsNamedAtOnce() {
        TestData.Team t = data.team();
        String specs = "/api/v1/projects/" + t.slug() + "/specs";
        // Sent in this order (a Map.of would send its fields in any), so that the message names them in it.
        String body = "{\"title\": true, \"specType\": \"hierarchical\", \"overview\": \"o\", \"phases\": ["
                + "{\"name\": 7, \"description\": \"d\", \"hours\": \"two\", \"content\": \"c\"},"
                + "{\"name\": \"ok\", \"description\": \"d\", \"hours\": 1.5, \"content\": \"c\"}]}";
        Response r = Api.as(t.member()).body(body).post(specs);
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals(Map.of("title", "must be a text", "phases[0].name", "must be a text", "phases[0].hours", "must be a number"),
                r.path("details"), r.asString());
        assertEquals("The fields title (must be a text), phases[0].name (must be a text), phases[0].hours (must be a number) have values "
                + "of the wrong type", r.path("error"), r.asString());
        // A mismatch Jackson finds itself after them (an object for a list) is named with them.
        Response mixed = Api.as(t.member()).body("{\"title\": 5, \"specType\": \"hierarchical\", \"phases\": {\"a\": 1}}").post(specs);
        assertEquals(400, mixed.statusCode(), mixed.asString());
        assertEquals(List.of("title", "phases"), List.copyOf(mixed.<Map<String, Object>>path("details").keySet()), mixed.asString());
        // One is worded as before.
        Response one = Api.as(t.member()).body(Map.of("title", 5, "specType", "monolithic", "content", "c")).post(specs);
        assertEquals("The field title must be a text", one.path("error"), one.asString());
        assertEquals(0, (int) Api.as(t.viewer()).get(specs).then().statusCode(200).extract().path("size()"), "no spec was made");
    }

    @Test
    void anMcpToolArgumentOfOurBodiesIsCheckedTheSameWay() {
        TestData.Team t = data.team();
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String refused = Mcp.answer(token, session, "create_journey", true, "project", t.slug(), "name", "Pay",
                "nodes", List.of(Map.of("key", 5, "nodeType", "action", "data", Map.of("label", "Go"))));
        // The MCP library names the argument it could not convert (its message, not ours): no journey is made.
        assertTrue(refused.contains("nodes"), refused);
        assertEquals(0, (int) fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/journeys").then().statusCode(200).extract().path("size()"));
    }

    @Test
    void aNumberOrAFlagIsTakenOnlyAsWritten() {
        TestData.Team t = data.team();
        String stories = "/api/v1/projects/" + t.slug() + "/stories";
        Api.as(t.member()).body(Map.of("title", "Checkout", "description", "Pay")).post(stories).then().statusCode(201);
        Response version = Api.as(t.member()).body(Map.of("title", "Checkout", "description", "Pay", "version", "1")).put(stories + "/1");
        assertEquals(400, version.statusCode(), version.asString());
        assertEquals(Map.of("version", "must be a whole number"), version.path("details"));
        Response locked = Api.as(t.member()).body(Map.of("name", "Pay", "nodes", List.of(Map.of("key", "a", "nodeType", "action",
                "data", Map.of("label", "Go"), "locked", 1)))).post("/api/v1/projects/" + t.slug() + "/journeys");
        assertEquals(400, locked.statusCode(), locked.asString());
        assertEquals(Map.of("nodes[0].locked", "must be true or false"), locked.path("details"));
        assertEquals(1, (int) Api.as(t.member()).get(stories + "/1").then().statusCode(200).extract().path("version"), "nothing was saved");
    }

    @Test
    void aBodyIsOneJsonValueWithEachNameOnce() {
        TestData.Team t = data.team();
        String stories = "/api/v1/projects/" + t.slug() + "/stories";
        Response trailing = Api.as(t.member()).body("{\"title\":\"t\",\"description\":\"d\"}{\"bogus\":1}").post(stories);
        assertEquals(400, trailing.statusCode(), trailing.asString());
        assertEquals("The request body is not valid JSON for this call: more follows after its JSON value ends", trailing.path("error"));
        assertEquals(400, Api.as(t.member()).body("{\"title\":\"t\",\"description\":\"d\"} xyz").post(stories).statusCode());
        Response twice = Api.as(t.member()).body("{\"title\":\"a\",\"title\":\"b\",\"description\":\"d\"}").post(stories);
        assertEquals(400, twice.statusCode(), twice.asString());
        assertTrue(twice.<String>path("error").contains("Duplicate field 'title'"), twice.asString());
        assertEquals(0, (int) Api.as(t.viewer()).get(stories).then().statusCode(200).extract().path("size()"), "no story was made");
        // Whitespace after the value is no value.
        Api.as(t.member()).body("{\"title\":\"t\",\"description\":\"d\"}\n\n ").post(stories).then().statusCode(201);
    }

    @Test
    void anMcpArgumentIsTakenAsWrittenAndAMissingOneIsNamedInTheApisError() {
        TestData.Team t = data.team();
        String token = fx.token(t.member());
        String session = Mcp.initialize(token);
        String text = Mcp.answer(token, session, "create_story", true, "project", t.slug(), "title", true, "description", 7);
        assertTrue(text.startsWith("{\"error\":\"Invalid arguments: title, description\""), text);
        assertTrue(text.contains("\"title\":\"must be text\""), text);
        String number = Mcp.answer(token, session, "get_story", true, "project", t.slug(), "number", "1");
        assertTrue(number.contains("\"number\":\"must be a whole number\""), number);
        // A whole number too large for its argument is one: its range is named (it said "must be a whole number").
        String page = Mcp.answer(token, session, "list_jobs", true, "project", t.slug(), "page", 99999999999L);
        assertTrue(page.contains("\"page\":\"must be a whole number from 1 to 2147483647\""), page);
        String missing = Mcp.answer(token, session, "get_story", true, "project", t.slug());
        assertEquals("{\"error\":\"Missing required argument: number\",\"details\":{\"number\":\"is required\"}}", missing);
        String nulled = Mcp.answer(token, session, "create_story", true, "project", t.slug(), "title", null, "description", "Pay");
        assertTrue(nulled.contains("\"title\":\"is required\""), nulled);
        assertEquals(0, (int) fx.api(t.viewer()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).extract().path("size()"));
    }
}
