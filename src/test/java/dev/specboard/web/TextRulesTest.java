package dev.specboard.web;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text limits count characters as a person does (code points): 128 emoji are 128 characters, not 256 UTF-16 units, so a
 * title of them saves, while 256 characters are refused. A title of nothing but zero-width spaces is blank. A
 * direction-changing character (U+202E) in a single-line name is refused, named, instead of reversing the text after it.
 */
@QuarkusTest
class TextRulesTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** 😀, one character of two UTF-16 units. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void storyTitlesThroughTheForm() {
        TestData.Team t = data.team();
        String stories = "/projects/" + t.slug() + "/stories";
        Web.as(t.member()).contentType(FORM).formParam("title", EMOJI.repeat(128)).formParam("description", "d").post(stories)
                .then().statusCode(303);
        Document saved = Web.html(Web.as(t.viewer()).get(stories + "/1").then().statusCode(200).extract().response());
        assertEquals("US-1 · " + EMOJI.repeat(128), saved.getElementById("story-title").text());
        Web.as(t.member()).contentType(FORM).formParam("title", EMOJI.repeat(255)).formParam("description", "d").post(stories)
                .then().statusCode(303);
        assertTitleRefused(t, stories, "x".repeat(256), "At most 255 characters");
        assertTitleRefused(t, stories, EMOJI.repeat(256), "At most 255 characters");
        assertTitleRefused(t, stories, "\u200b\u200b", "Give the story a title");
        assertTitleRefused(t, stories, "\u00a0\ufeff\u2060\u200d", "Give the story a title");
        assertTitleRefused(t, stories, "\u202egnp.exe", "Remove the invisible direction-changing character (U+202E)");
        assertTitleRefused(t, stories, "a\u2067b", "Remove the invisible direction-changing character (U+2067)");
    }

    private static void assertTitleRefused(TestData.Team t, String stories, String title, String message) {
        Response r = Web.as(t.member()).contentType(FORM).formParam("title", title).formParam("description", "kept text").post(stories);
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals(message, d.getElementById("e-title").text());
        assertEquals(title, d.getElementById("f-title").val(), "the typed title is kept");
        assertEquals("kept text", d.getElementById("f-description").text());
    }

    @Test
    void storyTitlesThroughTheApi() {
        TestData.Team t = data.team();
        String stories = "/api/v1/projects/" + t.slug() + "/stories";
        fx.api(t.member()).body(Map.of("title", EMOJI.repeat(128), "description", "d")).post(stories).then().statusCode(201)
                .body("title", equalTo(EMOJI.repeat(128)));
        fx.api(t.member()).body(Map.of("title", "é".repeat(256))).post(stories).then().statusCode(422)
                .body("details.title", equalTo("At most 255 characters"));
        fx.api(t.member()).body(Map.of("title", "\u200b\u200b")).post(stories).then().statusCode(422)
                .body("details.title", equalTo("Give the story a title"));
        fx.api(t.member()).body(Map.of("title", "\u202egnp.exe")).post(stories).then().statusCode(422)
                .body("details.title", equalTo("Remove the invisible direction-changing character (U+202E)"));
    }

    @Test
    void designNamesThroughTheFormAndTheApi() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug();
        fx.api(t.member()).body(Map.of("name", EMOJI.repeat(255), "path", "/smile")).post(api + "/pages").then().statusCode(201)
                .body("name", equalTo(EMOJI.repeat(255)));
        fx.api(t.member()).body(Map.of("name", EMOJI.repeat(256), "path", "/more")).post(api + "/pages").then().statusCode(422)
                .body("details.name", equalTo("At most 255 characters"));
        fx.api(t.member()).body(Map.of("name", "\u200b", "path", "/blank")).post(api + "/pages").then().statusCode(422)
                .body("details.name", equalTo("Give the page a name"));
        fx.api(t.member()).body(Map.of("name", "\u202egnp.exe", "path", "/turned")).post(api + "/pages").then().statusCode(422)
                .body("details.name", equalTo("Remove the invisible direction-changing character (U+202E)"));

        Response r = Web.as(t.member()).contentType(FORM).formParam("name", "\u200b\u200c").formParam("path", "/zero")
                .post("/projects/" + t.slug() + "/pages");
        assertEquals(422, r.statusCode());
        assertEquals("Give the page a name", Web.html(r).getElementById("e-name").text());
        Web.as(t.member()).contentType(FORM).formParam("name", EMOJI.repeat(128)).formParam("path", "/emoji")
                .post("/projects/" + t.slug() + "/pages").then().statusCode(303);

        fx.api(t.member()).body(Map.of("name", EMOJI.repeat(128), "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(201)
                .body("name", equalTo(EMOJI.repeat(128)));
        fx.api(t.member()).body(Map.of("name", "\ufeff\u200b", "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(422)
                .body("details.name", equalTo("Give the journey a name"));
        fx.api(t.member()).body(Map.of("name", "Sign\u2066up", "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(422)
                .body("details.name", equalTo("Remove the invisible direction-changing character (U+2066)"));
        fx.api(t.member()).body(Map.of("name", "x".repeat(256), "nodes", List.of(), "connections", List.of())).post(api + "/journeys").then().statusCode(422)
                .body("details.name", equalTo("At most 255 characters"));
    }
}
