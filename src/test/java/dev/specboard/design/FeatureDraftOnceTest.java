package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feature drafts one story: drafting again (a second click, an agent's retry) answers with the story drafted before,
 * on the page and over the API alike, instead of making an identical second story.
 */
@QuarkusTest
class FeatureDraftOnceTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void draftingTwiceOverTheApiAnswersTheStoryDraftedBefore() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).body(Map.of("name", "Wish list", "userDescription", "Shoppers keep products for later"))
                .post(api + "/features").then().statusCode(201).extract().path("id");

        Response first = fx.api(t.member()).post(api + "/features/" + id + "/stories");
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(false, first.path("draftedBefore"));
        Response again = fx.api(t.member()).post(api + "/features/" + id + "/stories");
        assertEquals(200, again.statusCode(), "the story drafted before, not a new one: " + again.asString());
        assertEquals("US-1", again.path("key"));
        assertEquals(true, again.path("draftedBefore"));
        assertEquals(List.of(1), fx.api(t.viewer()).get(api + "/stories").path("number"), "one story only");
        Response feature = fx.api(t.viewer()).get(api + "/features/" + id);
        assertEquals(List.of("US-1"), feature.path("stories.key"));
        assertEquals(2, (int) feature.path("version"), "drafting again changes nothing of the feature");
    }

    @Test
    void draftingTwiceOnThePageOpensTheStoryDraftedBefore() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String id = fx.api(t.member()).body(Map.of("name", "Wish list", "userDescription", "Shoppers keep products for later"))
                .post(api + "/features").then().statusCode(201).extract().path("id");
        String base = "/projects/" + t.slug() + "/features/" + id;

        Web.as(t.member()).formParam("x", "").post(base + "/stories").then().statusCode(303);
        Response again = Web.as(t.member()).formParam("x", "").post(base + "/stories");
        assertEquals(303, again.statusCode());
        assertTrue(again.getHeader("Location").endsWith("/stories/1"), again.getHeader("Location"));
        String flash = URLDecoder.decode(again.getCookie("sb_flash"), StandardCharsets.UTF_8);
        assertTrue(flash.contains("US-1 was drafted from the feature before"), flash);
        assertEquals(List.of(1), fx.api(t.viewer()).get(api + "/stories").path("number"), "one story only");
    }
}
