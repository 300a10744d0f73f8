package dev.specboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Mcp;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MCP message is at most what the largest tool call needs ({@link McpBodyLimit#LARGEST}): one of 20 MB, under the
 * server's body limit, was read whole by the session guard and again by the library and ran the server out of memory.
 * A larger message is refused 413 as its bytes pass the cap, declared or streamed, and the server goes on; a text longer
 * than any tool takes is refused before the library reads it; the largest mockup is still saved, written in escapes.
 * And a page below 1 is a tool error naming it for every tool that takes a page (list_thinking answered -32603).
 */
@QuarkusTest
class McpBodyCapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    /** A tools/call create_story whose description fills the message to {@code size} bytes. */
    private static byte[] createStory(String slug, long size) {
        String head = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"create_story\",\"arguments\":{\"project\":\""
                + slug + "\",\"title\":\"t\",\"description\":\"";
        String tail = "\"}}}";
        byte[] body = new byte[(int) size];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, body, body.length - tail.length(), tail.length());
        return body;
    }

    private static String head(String token, String session) {
        return "POST /api/mcp HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json"
                + "\r\nAccept: application/json, text/event-stream" + (session == null ? "" : "\r\nMcp-Session-Id: " + session);
    }

    @Test
    void aMessageOverTheCapIsRefused413AsItArrivesAndTheServerGoesOn() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "large agent", null, null).value();
        String session = Mcp.initialize(token);
        RawHttp.Answer declared = RawHttp.sendWhileWriting(head(token, session), createStory(t.slug(), McpBodyLimit.LARGEST + 1));
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.header("content-type").startsWith("application/json"), declared.header("content-type"));
        assertTrue(declared.body().startsWith("{\"error\":\"The MCP message is too large: at most " + String.format("%,d", McpBodyLimit.LARGEST)
                + " bytes are accepted, this one has " + String.format("%,d", McpBodyLimit.LARGEST + 1) + " bytes"), declared.body());
        // The tester's message: 20 MB with no Accept header and no session, refused by its length before anything reads it.
        RawHttp.Answer bare = RawHttp.sendWhileWriting("POST /api/mcp HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json", createStory(t.slug(), 20_000_000));
        assertEquals(413, bare.status(), bare.body());
        // Streamed without a length: refused once it passes the cap, long before the 64 MB it would send. What counts as sent
        // includes what the two sockets' buffers took in before the close reached the writer (17.3 MB was seen for a cap
        // of 10 MB), so the bound leaves them room and fails only when the server reads on past its cap.
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        RawHttp.Streamed streamed = RawHttp.sendChunked(head(token, session),
                ("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"create_story\",\"arguments\":{\"project\":\""
                        + t.slug() + "\",\"title\":\"t\",\"description\":\"").getBytes(StandardCharsets.UTF_8), chunk,
                "\"}}}".getBytes(StandardCharsets.UTF_8), 64L * 1024 * 1024);
        assertEquals(413, streamed.answer().status(), streamed.answer().body());
        assertTrue(streamed.answer().body().startsWith("{\"error\":\"The MCP message is too large: at most "), streamed.answer().body());
        assertTrue(streamed.sent() < 40L * 1024 * 1024, "sent " + streamed.sent());
        // The server is up and the session still works; nothing was stored.
        Mcp.answer(token, session, "list_stories", false, "project", t.slug());
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aTextLongerThanAnyToolTakesIsAToolErrorNamingItJustUnderTheCap() throws Exception {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "long text agent", null, null).value();
        String session = Mcp.initialize(token);
        RawHttp.Answer answer = RawHttp.sendWhileWriting(head(token, session), createStory(t.slug(), McpBodyLimit.LARGEST - 1));
        assertEquals(200, answer.status(), answer.body());
        JsonNode message = JSON.readTree(answer.body().substring(answer.body().indexOf('{')));
        assertEquals(2, message.path("id").asInt(), answer.body());
        assertTrue(message.at("/result/isError").asBoolean(), answer.body());
        JsonNode error = JSON.readTree(message.at("/result/content/0/text").asText());
        assertEquals("At most 500000 characters", error.at("/details/description").asText(), error.toString());
        assertTrue(error.get("error").asText().contains("description"), error.toString());
        // Just over what any tool takes is the same refusal; a description the tool's own limit refuses is that limit's.
        String over = Mcp.answer(token, session, "create_story", true, "project", t.slug(), "title", "t", "description", "x".repeat(500_001));
        assertTrue(over.contains("\"description\":\"At most 500000 characters\""), over);
        String tool = Mcp.answer(token, session, "create_story", true, "project", t.slug(), "title", "t", "description", "x".repeat(500_000));
        assertTrue(tool.contains("\"description\":\"At most 20000 characters\""), tool);
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theLargestMockupIsSavedEvenWithEveryCharacterEscaped() throws Exception {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "mockup agent", null, null).value();
        String session = Mcp.initialize(token);
        String page = Mcp.id(Mcp.answer(token, session, "create_page", false, "project", t.slug(), "name", "Shop", "path", "/shop"));
        // Each text 500,000 characters, each character but the markup written as a 6-byte escape, as ASCII-only encoders do.
        String e = "\\u00e9";
        String html = "<p>" + e.repeat(500_000 - 7) + "</p>";
        String css = "/*" + e.repeat(500_000 - 4) + "*/";
        String js = "//" + e.repeat(500_000 - 2);
        String arguments = "{\"project\":\"" + t.slug() + "\",\"pageId\":\"" + page + "\",\"html\":\"" + html + "\",\"css\":\"" + css
                + "\",\"js\":\"" + js + "\"}";
        assertTrue(arguments.length() > 8_900_000 && arguments.length() < McpBodyLimit.LARGEST - 1000, "size " + arguments.length());
        Response saved = Mcp.callTool(token, session, "save_mockup", arguments);
        assertEquals(200, saved.statusCode(), saved.asString().substring(0, Math.min(2000, saved.asString().length())));
        assertNull(saved.path("error"));
        assertFalse((Boolean) saved.path("result.isError"), String.valueOf((Object) saved.path("result.content[0].text")));
        String mockup = Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/pages/" + page).then().statusCode(200)
                .extract().path("page.currentVersion").toString();
        assertEquals("1", mockup);
    }

    @Test
    void aPageBelowOneIsAToolErrorNamingItForEveryToolThatTakesAPage() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "page census", null, null).value();
        String session = Mcp.initialize(token);
        for (int below : new int[] {0, -1}) {
            String thinking = Mcp.answer(token, session, "list_thinking", true, "project", t.slug(), "page", below);
            assertTrue(thinking.contains("\"page\":\"must be"), thinking);
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                Map<?, ?> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> p ? p : Map.of();
                if (!properties.containsKey("page")) {
                    continue;
                }
                Map<String, Object> args = new LinkedHashMap<>();
                List<?> required = tool.inputSchema().get("required") instanceof List<?> r ? r : List.of();
                for (Object name : required) {
                    Object schema = properties.get(name);
                    Object type = schema instanceof Map<?, ?> s ? s.get("type") : null;
                    args.put((String) name, "project".equals(name) ? t.slug() : "string".equals(type) ? "ledger" : 1);
                }
                args.put("page", 0);
                checked++;
                try {
                    McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), args));
                    String text = r.content().get(0) instanceof McpSchema.TextContent c ? c.text() : String.valueOf(r.content());
                    if (!Boolean.TRUE.equals(r.isError()) || !text.contains("\"page\"")) {
                        failures.add(tool.name() + " answered " + text);
                    }
                } catch (RuntimeException e) {
                    failures.add(tool.name() + " failed: " + e);
                }
            }
        }
        assertTrue(checked >= 10, "tools with a page: " + checked);
        assertTrue(failures.isEmpty(), "a page of 0 must be a tool error naming page:\n" + String.join("\n", failures));
    }
}
