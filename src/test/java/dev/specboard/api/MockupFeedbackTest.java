package dev.specboard.api;

import dev.specboard.design.DesignFixtures;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 004's mockup feedback: reviewers leave notes on a version, on its page, over the API and through MCP's twin. */
@QuarkusTest
class MockupFeedbackTest {

    @Inject
    TestData data;

    private static String page(TestData.Team t) {
        return Api.as(t.member()).body(Map.of("name", "Home", "path", "/", "html", DesignFixtures.HOME_HTML, "css", DesignFixtures.HOME_CSS))
                .post("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(201).extract().path("id");
    }

    @Test
    void aReviewerLeavesFeedbackOnAVersionAndAnEmptyNoteKeepsThePage() {
        TestData.Team t = data.team();
        String version = "/projects/" + t.slug() + "/pages/" + page(t) + "/mockups/1";
        Document empty = Web.html(Web.as(t.viewer()).get(version).then().statusCode(200).extract().response());
        assertNotNull(empty.getElementById("no-feedback"));
        assertNull(empty.getElementById("feedback-form"), "a viewer reads feedback but leaves none");

        Response blank = Web.as(t.reviewer()).formParam("text", "   ").post(version + "/feedback");
        assertEquals(422, blank.statusCode());
        assertEquals("Write your feedback", Web.html(blank).getElementById("e-text").text());

        Web.as(t.reviewer()).formParam("text", "The button reads well.\nThe header is too tall on phones.").post(version + "/feedback")
                .then().statusCode(303).header("Location", containsString("/mockups/1#feedback"));
        Document shown = Web.html(Web.as(t.viewer()).get(version).then().statusCode(200).extract().response());
        assertEquals(1, shown.select("#feedback-notes li").size());
        assertTrue(shown.selectFirst("#feedback-notes li").text().contains(t.reviewer().username), shown.select("#feedback").outerHtml());
        assertEquals("The button reads well.\nThe header is too tall on phones.", shown.selectFirst("#feedback-notes .feedback-text").wholeText());

        assertEquals(403, Web.as(t.viewer()).formParam("text", "mine").post(version + "/feedback").statusCode());
        assertEquals(404, Web.as(t.outsider()).formParam("text", "mine").post(version + "/feedback").statusCode());
        assertEquals(404, Web.as(t.reviewer()).formParam("text", "mine").post(version.replace("/mockups/1", "/mockups/9") + "/feedback").statusCode());
    }

    @Test
    void theApiAppendsNotesThatPeopleWriteAtOnceWithoutLosingAny() {
        TestData.Team t = data.team();
        String api = "/api/v1/projects/" + t.slug() + "/pages/" + page(t) + "/mockups/1";
        Api.as(t.reviewer()).body(Map.of("text", "")).post(api + "/feedback").then().statusCode(422)
                .body("details.text", equalTo("Write your feedback"));
        Api.as(t.reviewer()).body(Map.of("text", "x".repeat(4001))).post(api + "/feedback").then().statusCode(422)
                .body("details.text", containsString("4000"));
        Api.as(t.reviewer()).body(Map.of("text", "ok", "mood", "happy")).post(api + "/feedback").then().statusCode(422);
        Api.as(t.viewer()).body(Map.of("text", "mine")).post(api + "/feedback").then().statusCode(403);

        List<CompletableFuture<Integer>> writes = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.<Integer>supplyAsync(() ->
                Api.as(i % 2 == 0 ? t.reviewer() : t.member()).body(Map.of("text", "note " + i)).post(api + "/feedback").statusCode())).toList();
        writes.forEach(w -> assertEquals(201, w.join()));
        List<String> texts = Api.as(t.viewer()).get(api).then().statusCode(200).extract().path("feedback.text");
        assertEquals(8, texts.size(), "every note written at once is kept: " + texts);
        assertTrue(IntStream.range(0, 8).allMatch(i -> texts.contains("note " + i)), texts.toString());
        Api.as(t.viewer()).get(api).then().body("feedback[0].author", org.hamcrest.Matchers.anyOf(equalTo(t.reviewer().username), equalTo(t.member().username)));
    }
}
