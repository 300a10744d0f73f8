package dev.specboard.design;

import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.ApiPaths;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing a node, locking or unlocking it and removing a connection are checked against the version the page showed, as
 * a node's edit is: a request from a page opened before someone changed that node (or that connection's place) is 409
 * naming both versions, where it used to win silently; a change elsewhere in the journey is no conflict.
 */
@QuarkusTest
class JourneyStaleActionsTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI root;

    private String journey(TestData.Team t) {
        return fx.api(t.member()).body(Map.of("name", "Sign up", "nodes", List.of(
                        Map.of("key", "ok", "nodeType", "decision", "data", Map.of("question", "Email valid?", "branches", List.of("Yes", "No"))),
                        Map.of("key", "yes", "nodeType", "annotation", "data", Map.of("text", "Welcome")),
                        Map.of("key", "no", "nodeType", "annotation", "data", Map.of("text", "Try again"))),
                        "connections", List.of(Map.of("from", "ok", "to", "yes", "label", "Yes"), Map.of("from", "ok", "to", "no", "label", "No"))))
                .post(ApiPaths.project(t.slug(), "/journeys")).then().statusCode(201).extract().path("id");
    }

    private static String val(Element form, String name) {
        return form.selectFirst("input[name=" + name + "]").val();
    }

    private static void assertStale(Response r, String refused) {
        assertEquals(409, r.statusCode(), r.asString());
        String message = Web.html(r).getElementById("e-version").text();
        assertTrue(message.contains("since you opened version 1 of the journey Sign up (it is now version 2), so " + refused), message);
    }

    @Test
    void aRemovalOrLockFromAPageOpenedBeforeTheNodeChangedIs409() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/journeys/" + journey(t);
        Document editor = JourneyPositionTest.editor(t.member(), base, "yes");
        Element remove = editor.selectFirst("form[action$=/nodes/yes/remove]");
        Element lock = editor.selectFirst("form[action$=/nodes/yes/lock]");
        assertEquals("1", val(remove, "version"));
        assertEquals(val(editor.selectFirst("form[action$=/nodes/yes]"), "seen"), val(remove, "seen"), "the node as its forms show it");
        assertEquals("1", val(lock, "version"));

        Web.as(t.lead()).formParam("text", "Welcome aboard").formParam("version", "1").post(base + "/nodes/yes").then().statusCode(303);
        Response removed = Web.as(t.member()).formParam("version", "1").formParam("seen", val(remove, "seen")).post(base + "/nodes/yes/remove");
        assertStale(removed, "it was not removed");
        Document page = Web.html(removed);
        assertTrue(page.selectFirst("#node-yes details.edit-node").hasAttr("open"), "the node's entry is open");
        assertTrue(page.getElementById("node-yes").text().contains("Welcome aboard"), "the node as it is now");
        assertEquals("2", val(page.selectFirst("form[action$=/nodes/yes/remove]"), "version"), "its forms now on the current version");
        Response locked = Web.as(t.member()).formParam("locked", "true").formParam("version", "1").formParam("seen", val(lock, "seen"))
                .post(base + "/nodes/yes/lock");
        assertStale(locked, "it was not locked");
        String api = "/api/v1" + base;
        assertEquals(List.of("ok", "yes", "no"), fx.api(t.viewer()).get(api).path("nodes.key"), "nothing removed");
        assertEquals(List.of(false, false, false), fx.api(t.viewer()).get(api).path("nodes.locked"), "nothing locked");

        // A change to another node is no conflict: the node is as the page showed it.
        Document other = JourneyPositionTest.editor(t.member(), base, "no");
        Web.as(t.lead()).formParam("question", "Email typed?").formParam("branches", "Yes, No").formParam("version", "2").post(base + "/nodes/ok")
                .then().statusCode(303);
        Element lockNo = other.selectFirst("form[action$=/nodes/no/lock]");
        Web.as(t.member()).formParam("locked", "true").formParam("version", val(lockNo, "version")).formParam("seen", val(lockNo, "seen"))
                .post(base + "/nodes/no/lock").then().statusCode(303);

        // Unlocking from a page opened before the locked node changed (unlocked, edited, locked again) is refused too.
        Element unlock = Web.html(Web.as(t.member()).get(base)).selectFirst("#node-no form[action$=/nodes/no/lock]");
        assertEquals("4", val(unlock, "version"));
        Web.as(t.lead()).formParam("locked", "false").post(base + "/nodes/no/lock").then().statusCode(303);
        Web.as(t.lead()).formParam("text", "Try once more").post(base + "/nodes/no").then().statusCode(303);
        Web.as(t.lead()).formParam("locked", "true").post(base + "/nodes/no/lock").then().statusCode(303);
        Response unlocked = Web.as(t.member()).formParam("locked", "false").formParam("version", "4").formParam("seen", val(unlock, "seen"))
                .post(base + "/nodes/no/lock");
        assertEquals(409, unlocked.statusCode(), unlocked.asString());
        String message = Web.html(unlocked).selectFirst("#node-no #e-version").text();
        assertTrue(message.contains("since you opened version 4 of the journey Sign up (it is now version 7), so it was not unlocked"), message);
        assertEquals(true, fx.api(t.viewer()).get(api).path("nodes[2].locked"), "still locked");
    }

    @Test
    void removingAConnectionWhosePlaceNowHoldsAnotherIs409() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/journeys/" + journey(t);
        Document page = Web.html(Web.as(t.member()).get(base));
        // One form holds the version; each connection's remove button sends it to its own address with its own "seen".
        String version = val(page.getElementById("connection-remove"), "version");
        Element first = page.selectFirst("#node-ok button[form=connection-remove][formaction$=/nodes/ok/connections/0/remove]");
        Element second = page.selectFirst("#node-ok button[form=connection-remove][formaction$=/nodes/ok/connections/1/remove]");
        assertEquals("1", version);
        assertEquals("seen", first.attr("name"));
        assertFalse(first.val().equals(second.val()), "each connection is told apart");

        Web.as(t.lead()).formParam("version", "1").formParam("seen", first.val()).post(first.attr("formaction")).then().statusCode(303);
        // The same button again: place 0 now holds ok -> no, which the member never chose to remove.
        assertStale(Web.as(t.member()).formParam("version", "1").formParam("seen", first.val())
                .post(base + "/nodes/ok/connections/0/remove"), "its connection was not removed");
        // Place 1 holds nothing now: the stale button is told so, not 404.
        assertStale(Web.as(t.member()).formParam("version", "1").formParam("seen", second.val())
                .post(second.attr("formaction")), "its connection was not removed");
        assertEquals(List.of("no"), fx.api(t.viewer()).get("/api/v1" + base).path("connections.to"), "ok -> no stays");
        // The connection at its place as the page showed it is removed, whatever else changed meanwhile.
        Web.as(t.lead()).formParam("text", "Hello").post(base + "/nodes/yes").then().statusCode(303);
        Document now = Web.html(Web.as(t.member()).get(base));
        Element button = now.selectFirst("#node-ok button[formaction$=/nodes/ok/connections/0/remove]");
        Web.as(t.lead()).formParam("text", "Hi").post(base + "/nodes/yes").then().statusCode(303);
        Web.as(t.member()).formParam("version", val(now.getElementById("connection-remove"), "version")).formParam("seen", button.val())
                .post(button.attr("formaction")).then().statusCode(303);
        assertEquals(List.of(), fx.api(t.viewer()).get("/api/v1" + base).path("connections"));
    }

    @Test
    void theApiAndMcpLockWithAStaleVersionAre409WithBothVersions() throws Exception {
        TestData.Team t = data.team();
        String id = journey(t);
        String url = ApiPaths.project(t.slug(), "/journeys/") + id;
        fx.api(t.lead()).body(Map.of("name", "Sign up again", "version", 1)).put(url).then().statusCode(200);

        Response stale = fx.api(t.member()).put(url + "/nodes/yes/lock?version=1");
        assertEquals(409, stale.statusCode(), stale.asString());
        assertEquals(1, (int) stale.path("details.yourVersion"));
        assertEquals(2, (int) stale.path("details.currentVersion"));
        assertEquals("Welcome", stale.path("details.current.text"));
        assertTrue(stale.<String>path("error").contains("so it was not locked"), stale.asString());
        assertEquals(409, fx.api(t.member()).delete(url + "/nodes/yes/lock?version=1").statusCode());
        assertEquals(422, fx.api(t.member()).put(url + "/nodes/yes/lock?version=9").statusCode(), "a version never saved");
        Response current = fx.api(t.member()).put(url + "/nodes/yes/lock?version=2");
        assertEquals(200, current.statusCode(), current.asString());
        assertEquals(List.of(false, true, false), current.path("nodes.locked"));
        assertEquals(200, fx.api(t.member()).delete(url + "/nodes/yes/lock").statusCode(), "no version: no check, as before");

        String agent = tokens.create(t.member().id, "agent", t.project().id, Role.MEMBER).value();
        try (McpSyncClient mcp = Mcp.client(root, agent)) {
            McpSchema.CallToolResult refused = mcp.callTool(new McpSchema.CallToolRequest("lock_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "no", "locked", true, "version", 2)));
            assertTrue(refused.isError(), refused.toString());
            assertTrue(refused.content().toString().contains("it is now version 4"), refused.content().toString());
            McpSchema.CallToolResult done = mcp.callTool(new McpSchema.CallToolRequest("lock_journey_node",
                    Map.of("project", t.slug(), "journeyId", id, "key", "no", "locked", true, "version", 4)));
            assertFalse(done.isError(), done.toString());
        }
    }

    /**
     * A drag of a node someone locked or removed since the picture was drawn: 409, and the journey as it is now with what
     * changed (the drag script reloads the page on 409, where the flash says it; a plain form gets that page at once).
     */
    @Test
    void aDragOfANodeLockedOrRemovedMeanwhileAnswersWithTheJourneyAsItIs() {
        TestData.Team t = data.team();
        String base = "/projects/" + t.slug() + "/journeys/" + journey(t);
        Web.as(t.lead()).formParam("locked", "true").formParam("version", "1").post(base + "/nodes/yes/lock").then().statusCode(303);

        Response dragged = Web.htmx(Web.as(t.member())).formParam("x", "100").formParam("y", "40").post(base + "/nodes/yes/position");
        assertEquals(409, dragged.statusCode(), dragged.asString());
        String said = "The node yes was locked meanwhile, so it stays where it is: unlock it to move it.";
        assertEquals(said, dragged.asString());
        String cookie = dragged.getCookie("sb_flash");
        assertTrue(cookie != null && java.net.URLDecoder.decode(cookie, java.nio.charset.StandardCharsets.UTF_8).equals(said),
                "the reloaded page says it: " + cookie);

        Response plain = Web.as(t.member()).formParam("x", "100").formParam("y", "40").post(base + "/nodes/yes/position");
        assertEquals(409, plain.statusCode());
        Document page = Web.html(plain);
        assertEquals(said, page.selectFirst("#flash").text());
        assertTrue(page.getElementById("flow-picture") != null, "the journey page itself, not an error page");

        Web.as(t.lead()).formParam("locked", "false").formParam("version", "2").post(base + "/nodes/yes/lock").then().statusCode(303);
        String seen = JourneyPositionTest.editor(t.member(), base, "no").selectFirst("form[action$=/nodes/no/remove] input[name=seen]").val();
        Web.as(t.lead()).formParam("version", "3").formParam("seen", seen).post(base + "/nodes/no/remove").then().statusCode(303);
        Response gone = Web.as(t.member()).formParam("x", "100").formParam("y", "40").post(base + "/nodes/no/position");
        assertEquals(409, gone.statusCode());
        assertEquals("The node no was removed meanwhile, so nothing moved: the journey is shown as it is now.",
                Web.html(gone).selectFirst("#flash").text());
    }
}
