package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoped tokens (create, list, revoke, and what a limited token may do), the project event stream and the agent MCP tools. */
@QuarkusTest
class AgentApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private String tokenOf(dev.specboard.account.Account a) {
        return tokens.create(a.id, "test", null, null).value();
    }

    /** A token is asked for with the password (HTTP Basic), as DESIGN.md says: never with another token. */
    private static RequestSpecification basic(dev.specboard.account.Account a) {
        return RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void aRoleWithoutAProjectIsRefusedNotIgnored() {
        TestData.Team t = data.team();
        String member = tokenOf(t.member());
        basic(t.member()).body(Map.of("name", "ci-reader", "role", "viewer")).post("/api/v1/tokens")
                .then().statusCode(422).body("details.role", equalTo("A role limit needs a project"));
        bearer(member).get("/api/v1/tokens").then().statusCode(200).body("name", not(hasItem("ci-reader")));
        // No role and no project is still an all-projects token, as before.
        basic(t.member()).body(Map.of("name", "everywhere", "role", "")).post("/api/v1/tokens")
                .then().statusCode(201).body("project", nullValue()).body("role", nullValue());
    }

    @Test
    void aProjectTokenIsLimitedToItsProjectAndRoleAndNeverAboveTheCallers() {
        TestData.Team t = data.team();
        TestData.Team other = data.team();
        data.addMember(other.project(), t.member(), dev.specboard.kernel.Role.MEMBER);
        basic(t.member()).body(Map.of("name", "too high", "project", t.slug(), "role", "lead")).post("/api/v1/tokens")
                .then().statusCode(422).body("details.role", containsString("above your own"));
        basic(t.member()).body(Map.of("name", "nowhere", "project", data.team().slug(), "role", "viewer")).post("/api/v1/tokens")
                .then().statusCode(422).body("details.project", notNullValue());
        basic(t.member()).body(Map.of("name", "", "project", t.slug())).post("/api/v1/tokens")
                .then().statusCode(422).body("details.name", notNullValue());

        String viewerToken = basic(t.member()).body(Map.of("name", "reader", "project", t.slug(), "role", "viewer")).post("/api/v1/tokens")
                .then().statusCode(201).body("token", startsWith("sbt_")).body("project", equalTo(t.slug()))
                .body("role", equalTo("viewer")).extract().path("token");
        // A viewer token reads, cannot claim, and knows no other project.
        bearer(viewerToken).get("/api/v1/projects/" + t.slug() + "/tasks").then().statusCode(200);
        bearer(viewerToken).post("/api/v1/projects/" + t.slug() + "/tasks/claim-next").then().statusCode(403);
        bearer(viewerToken).get("/api/v1/projects/" + other.slug() + "/tasks").then().statusCode(404);
        // Without a role, a project token gets the caller's own role there.
        basic(t.member()).body(Map.of("name", "worker", "project", t.slug())).post("/api/v1/tokens").then().statusCode(201)
                .body("role", equalTo("member"));
        basic(t.member()).body(Map.of("name", "bootstrap", "project", t.slug(), "role", "reviewer")).post("/api/v1/tokens")
                .then().statusCode(201).body("role", equalTo("reviewer"));
    }

    /**
     * A token made with a token outlived the revocation of the one that made it, so a leaked token could keep itself alive:
     * every token is asked for with the password (or on the account page), and a bearer token asking is refused, 403, whatever
     * its limit and whatever the body, before the body is judged.
     */
    @Test
    void aTokenCannotCreateAnotherSoARevokedTokenLeavesNoHeir() {
        TestData.Team t = data.team();
        String first = basic(t.owner()).body(Map.of("name", "tw1")).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        String limited = basic(t.owner()).body(Map.of("name", "tw1-limited", "project", t.slug(), "role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        for (String caller : List.of(first, limited)) {
            for (String body : List.of("{\"name\":\"tw2\"}", "{\"name\":\"tw2\",\"project\":\"" + t.slug() + "\"}", "{\"bogus\":1}", "")) {
                bearer(caller).body(body).post("/api/v1/tokens").then().statusCode(403)
                        .body("error", equalTo("Create a token with your password (HTTP Basic) or on your settings page; "
                                + "a token cannot create another.")).body("details", equalTo(Map.of()));
            }
        }
        bearer(first).get("/api/v1/tokens").then().statusCode(200).body("name", not(hasItem("tw2")));
        String id = bearer(first).get("/api/v1/tokens").then().extract().path("find { it.name == 'tw1' }.id");
        bearer(first).delete("/api/v1/tokens/" + id).then().statusCode(204);
        bearer(first).get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void tokensAreListedWithoutTheirSecretAndRevokedByTheirOwnerOnly() {
        TestData.Team t = data.team();
        String member = tokenOf(t.member());
        io.restassured.path.json.JsonPath created = basic(t.member()).body(Map.of("name", "ci", "project", t.slug(), "role", "member"))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String list = bearer(member).get("/api/v1/tokens").then().statusCode(200)
                .body("name", hasItem("ci")).body("find { it.id == '" + id + "' }.project", equalTo(t.slug()))
                .body("find { it.id == '" + id + "' }.active", equalTo(true))
                .body("token", everyItem(nullValue()))
                .extract().asString();
        assertTrue(!list.contains(created.getString("token")) && !list.contains(member), "never a secret in the list");
        bearer(tokenOf(t.lead())).delete("/api/v1/tokens/" + id).then().statusCode(404);
        bearer(member).delete("/api/v1/tokens/not-a-uuid").then().statusCode(404);
        bearer(member).delete("/api/v1/tokens/" + id).then().statusCode(204);
        bearer(member).get("/api/v1/tokens").then().body("find { it.id == '" + id + "' }.active", equalTo(false));
    }

    @Test
    void projectEventsStreamToABearerTokenAsServerSentEvents() throws Exception {
        TestData.Team t = data.team();
        String lead = tokenOf(t.lead());
        bearer(lead).body(SpecApiFixtures.hierarchical(null, "Streamed", List.of(), "one")).post("/api/v1/projects/" + t.slug() + "/specs")
                .then().statusCode(201);
        String agent = tokenOf(t.member());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/projects/" + t.slug() + "/events"))
                .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        awaitLine(lines, "event:ready");
        // The ready event's data is JSON of the others' shape, as X-SSE-Content-Type says (it was the bare word ready).
        List<String> ready = awaitLine(lines, "data:");
        assertEquals("data:{\"kind\":\"ready\",\"project\":\"" + t.slug() + "\"}", ready.get(ready.size() - 1).replace(" ", ""));
        bearer(agent).post("/api/v1/projects/" + t.slug() + "/tasks/TASK-1-1/claim").then().statusCode(200);
        List<String> seen = awaitLine(lines, "event:board");
        assertTrue(String.join("\n", awaitLine(lines, "data:")).contains("\"project\":\"" + t.slug() + "\""), "data names the project: " + seen);
        stream.body().close();

        RestAssured.given().header("Authorization", "Bearer " + agent).get("/api/v1/projects/" + data.team().slug() + "/events")
                .then().statusCode(404);
        RestAssured.given().get("/api/v1/projects/" + t.slug() + "/events").then().statusCode(401);
        // Asked for JSON, it says what to ask for in the API's error shape, not the framework's words about @Produces.
        RestAssured.given().header("Authorization", "Bearer " + agent).accept("application/json")
                .get("/api/v1/projects/" + t.slug() + "/events").then().statusCode(406)
                .body("error", equalTo("This address sends text/event-stream; ask with Accept: text/event-stream."));
    }

    private static List<String> awaitLine(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        // A minute, for a loaded CI machine; the line usually arrives at once.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.replace(" ", "").startsWith(prefix)) {
                return seen;
            }
        }
        throw new AssertionError("no line " + prefix + " in " + seen);
    }

    @Test
    void anAgentKeepsItsLeaseLogsNotesAndGivesTasksBackThroughMcpTools() {
        TestData.Team t = data.team();
        bearer(tokenOf(t.lead())).body(SpecApiFixtures.hierarchical(null, "Tools", List.of(), "one"))
                .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(201);
        String agent = tokens.create(t.member().id, "agent", t.project().id, dev.specboard.kernel.Role.MEMBER).value();
        String session = Mcp.initialize(agent);
        String task = "{\"project\":\"" + t.slug() + "\",\"task\":\"TASK-1-1\"";
        Mcp.callTool(agent, session, "claim_task", task + "}").then().body("result.isError", equalTo(false));
        Mcp.callTool(agent, session, "heartbeat_task", task + "}").then().statusCode(200)
                .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("leaseExpiresAt"));
        Mcp.callTool(agent, session, "add_task_note", task + ",\"body\":\"Schema *done*\"}").then()
                .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("<em>done</em>"));
        Mcp.callTool(agent, session, "set_task_priority", task + ",\"priority\":\"high\"}").then()
                .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("\"priority\":\"high\""));
        Mcp.callTool(agent, session, "release_task", task + "}").then()
                .body("result.isError", equalTo(false)).body("result.content[0].text", containsString("\"status\":\"pending\""));
        Mcp.callTool(agent, session, "retry_task", task + "}").then().body("result.isError", equalTo(true));
        Mcp.callTool(agent, session, "get_task", task + "}").then().body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("Schema *done*"));
        Mcp.callTool(agent, session, "list_api_tokens", "{}").then().body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("\"name\":\"agent\""))
                .body("result.content[0].text", not(containsString(agent)));
    }
}
