package dev.specboard.design;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting a page leaves the journey screens showing it as they were, a locked one too, flagged by the journey's check;
 * the journey sent back as read is taken (it was 422 for the deleted page, and changing the locked node was 409), while
 * a new node cannot name the deleted page and the locked node still cannot change.
 */
@QuarkusTest
class JourneyDeletedPageTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    @SuppressWarnings("unchecked")
    void aJourneyWhoseLockedScreensPageWasDeletedIsSavedBackAsRead() {
        TestData.Team t = data.team();
        String api = ApiPaths.project(t.slug());
        String about = fx.api(t.member()).body(Map.of("name", "About", "path", "/about")).post(api + "/pages").then().statusCode(201).extract().path("id");
        String url = api + "/journeys/" + fx.api(t.member()).body(Map.of("name", "Visit", "nodes", List.of(
                Map.of("key", "about", "nodeType", "screen", "data", Map.of("page", "/about"), "locked", true),
                Map.of("key", "bye", "nodeType", "action", "data", Map.of("label", "Leave", "end", true))),
                "connections", List.of(Map.of("from", "about", "to", "bye")))).post(api + "/journeys").then().statusCode(201).extract().path("id");
        fx.api(t.member()).delete(api + "/pages/" + about).then().statusCode(204);

        Response read = fx.api(t.member()).get(url);
        assertEquals(about, read.path("nodes[0].data.pageId"), "the locked screen still names the page it showed");
        assertNull(read.path("nodes[0].data.pagePath"));
        List<String> problems = read.path("problems.message");
        assertTrue(problems.contains("The screen about names no page: the page it showed was deleted. Choose another page or remove the screen."),
                problems.toString());

        Map<String, Object> echo = NoOpEditTest.echo(read);
        Response same = fx.api(t.member()).body(echo).put(url);
        assertEquals(200, same.statusCode(), "GET, then PUT of the same body: " + same.asString());
        assertEquals(about, same.path("nodes[0].data.pageId"));
        assertEquals(true, same.path("nodes[0].locked"));

        echo.put("description", "A short visit");
        echo.put("connections", List.of(Map.of("from", "about", "to", "bye", "trigger", "click")));
        Response changed = fx.api(t.member()).body(echo).put(url);
        assertEquals(200, changed.statusCode(), "the rest of the journey still changes: " + changed.asString());
        assertEquals(2, (int) changed.path("version"));
        assertEquals(about, changed.path("nodes[0].data.pageId"), "the locked screen keeps naming it");
        assertEquals(List.of("click"), changed.path("connections.trigger"));

        fx.api(t.member()).body(Map.of("name", "Contact", "path", "/contact")).post(api + "/pages").then().statusCode(201);
        List<Map<String, Object>> nodes = new ArrayList<>((List<Map<String, Object>>) echo.get("nodes"));
        nodes.set(0, Map.of("key", "about", "nodeType", "screen", "data", Map.of("page", "/contact")));
        echo.put("nodes", nodes);
        echo.put("version", 2);
        Response relocated = fx.api(t.member()).body(echo).put(url);
        assertEquals(409, relocated.statusCode(), "a locked node still cannot change: " + relocated.asString());
        assertEquals(List.of("about"), relocated.path("details.locked"));

        nodes.set(0, Map.of("key", "about", "nodeType", "screen", "data", Map.of("pageId", about), "locked", true));
        nodes.add(Map.of("key", "again", "nodeType", "screen", "data", Map.of("pageId", about)));
        Response naming = fx.api(t.member()).body(echo).put(url);
        assertEquals(422, naming.statusCode(), "a new screen cannot show a deleted page: " + naming.asString());
        assertEquals("There is no page " + about + " in this project", naming.path("details['nodes[2].data.pageId']"));
    }
}
