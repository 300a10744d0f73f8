package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec's story is unlinked by an explicit null ({@code "storyNumber": null} in {@code PUT .../specs/{key}}, the same in
 * {@code update_spec}) and kept when left out: before, the API and MCP had no way to unlink it at all.
 */
@QuarkusTest
class SpecStoryUnlinkTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void anExplicitNullStoryNumberUnlinksTheSpecAndOneLeftOutKeepsIt() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        Api.as(t.member()).body(Map.of("storyNumber", 1, "title", "Base", "specType", "monolithic", "content", "# Base"))
                .post(api).then().statusCode(201);
        // Left out: kept.
        Api.as(t.member()).body(Map.of("version", 1, "title", "Base v2")).put(api + "/SPEC-1").then().statusCode(200)
                .body("version", equalTo(2)).body("storyNumber", equalTo(1)).body("roadmapItemId", equalTo("US-1"))
                .body("content", equalTo("# Base"));
        // Sent as null: unlinked.
        Map<String, Object> unlink = new HashMap<>();
        unlink.put("version", 2);
        unlink.put("storyNumber", null);
        Api.as(t.member()).body(unlink).put(api + "/SPEC-1").then().statusCode(200)
                .body("version", equalTo(3)).body("storyNumber", nullValue()).body("roadmapItemId", nullValue())
                .body("title", equalTo("Base v2")).body("content", equalTo("# Base"));
        Api.as(t.member()).get(api + "?story=1").then().statusCode(200).body("size()", equalTo(0));
        // A number links it again; one that is no story is still refused naming the field.
        Api.as(t.member()).body(Map.of("version", 3, "storyNumber", 2)).put(api + "/SPEC-1").then().statusCode(200)
                .body("storyNumber", equalTo(2));
        Api.as(t.member()).body(Map.of("version", 4, "storyNumber", 9)).put(api + "/SPEC-1").then().statusCode(422)
                .body("details.storyNumber", equalTo("There is no story US-9 in this project"));
        Api.as(t.member()).body(Map.of("version", 4, "storyNumber", "two")).put(api + "/SPEC-1").then().statusCode(400)
                .body("details.storyNumber", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void updateSpecUnlinksTheStoryWhenStoryNumberIsSentAsNullAndKeepsItWhenLeftOut() {
        TestData.Team t = data.team();
        data.stories(t, 2);
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        Api.as(t.member()).body(Map.of("title", "Base", "specType", "monolithic", "content", "# Base"))
                .post(api).then().statusCode(201);
        String token = tokens.create(t.member().id, "unlink", null, null).value();
        String session = Mcp.initialize(token);
        Mcp.answer(token, session, "update_spec", false, "project", t.slug(), "spec", "SPEC-1", "version", 1, "storyNumber", 2);
        Api.as(t.member()).get(api + "/SPEC-1").then().statusCode(200).body("storyNumber", equalTo(2));
        Mcp.answer(token, session, "update_spec", false, "project", t.slug(), "spec", "SPEC-1", "version", 2, "title", "Base v2");
        Api.as(t.member()).get(api + "/SPEC-1").then().statusCode(200).body("version", equalTo(3)).body("storyNumber", equalTo(2));
        String answer = Mcp.answer(token, session, "update_spec", false, "project", t.slug(), "spec", "SPEC-1", "version", 3,
                "storyNumber", null);
        assertTrue(answer.replaceAll("\\s", "").contains("\"storyNumber\":null"), answer);
        Api.as(t.member()).get(api + "/SPEC-1").then().statusCode(200).body("version", equalTo(4)).body("storyNumber", nullValue())
                .body("title", equalTo("Base v2"));
        // The tool says how to unlink.
        String described = io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Mcp-Session-Id", session).header("Accept", "application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").post("/api/mcp")
                .path("result.tools.find { it.name == 'update_spec' }.inputSchema.properties.storyNumber.description");
        assertTrue(described != null && described.contains("null") && described.contains("unlinks"), described);
    }

    @Test
    void theEditFormSaysAnEmptyStoryNumberIsNoneAndEmptyingItUnlinks() {
        TestData.Team t = data.team();
        data.stories(t, 1);
        String api = "/api/v1/projects/" + t.slug() + "/specs";
        Api.as(t.member()).body(Map.of("storyNumber", 1, "title", "Base", "specType", "monolithic", "content", "# Base"))
                .post(api).then().statusCode(201);
        Document edit = Web.html(Web.as(t.member()).get("/projects/" + t.slug() + "/specs/SPEC-1/edit"));
        assertEquals("1", edit.getElementById("f-storyNumber").val());
        assertTrue(edit.getElementById("h-storyNumber").text().contains("empty for none"), edit.getElementById("h-storyNumber").text());
        Response r = Web.as(t.member()).contentType("application/x-www-form-urlencoded").formParam("title", "Base")
                .formParam("storyNumber", "").formParam("specType", "monolithic").formParam("content", "# Base").formParam("version", "1")
                .post("/projects/" + t.slug() + "/specs/SPEC-1");
        assertEquals(303, r.statusCode(), r.asString());
        Api.as(t.member()).get(api + "/SPEC-1").then().statusCode(200).body("storyNumber", nullValue()).body("version", equalTo(2));
    }
}
