package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.web.StrictJson;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JSON body of more names and values than any request takes is refused while it is read: one of 1.3 million names
 * (18 MB, under the body size limit) ran the server out of memory, on the sign-up call that needs no login as on every
 * other, because the whole body was read (each name kept to refuse one given twice) before any list or map limit applied.
 */
@QuarkusTest
class JsonTokenLimitTest {

    private static final int NAMES = (int) (StrictJson.MAX_TOKENS / 2) + 1_000;

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    /** {@code {"email":"…","k0":0,"k1":0,…}}: one more name than the limit allows, with its value. */
    private static String manyNames(String first) {
        StringBuilder body = new StringBuilder("{").append(first);
        for (int i = 0; i < NAMES; i++) {
            body.append(",\"k").append(i).append("\":0");
        }
        return body.append('}').toString();
    }

    @Test
    void aBodyOfTooManyNamesIsRefusedOnTheCallWithoutLogin() {
        String email = TestData.unique("many") + "@example.com";
        RestAssured.given().contentType("application/json").body(manyNames("\"email\":\"" + email + "\""))
                .post("/api/v1/accounts").then().statusCode(400)
                .body("error", containsString("more than 200,000 names and values"));
    }

    @Test
    void aBodyOfTooManyNamesIsRefusedOnAnApiWrite() {
        TestData.Team t = data.team();
        Api.as(t.member()).contentType("application/json").body(manyNames("\"title\":\"t\",\"description\":\"d\""))
                .post("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(400)
                .body("error", containsString("more than 200,000 names and values"));
        Api.as(t.member()).get("/api/v1/projects/" + t.slug() + "/stories").then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * 300,000 numbers where texts go: refused as values of the wrong type at their field, and as cut at the limit. The
     * answer called them "unknown names" and counted "and 199979 more" as if the reading had reached the body's end.
     */
    @Test
    void aHugeListOfWrongTypesIsToldAsSuchAndCutAtTheLimit() {
        TestData.Team t = data.team();
        String features = "/api/v1/projects/" + t.slug() + "/features";
        io.restassured.response.Response many = Api.as(t.member()).contentType("application/json").body(rules(300_000)).post(features);
        assertEquals(400, many.statusCode(), many.asString());
        String error = many.path("error");
        assertTrue(error.startsWith("The fields businessRules[0] (must be a text), businessRules[1] (must be a text)"), error);
        assertTrue(error.endsWith("businessRules[19] (must be a text) and more have values of the wrong type. "
                + "The JSON holds more than 200,000 names and values, more than any one request takes: send less at a time."), error);
        Map<String, Object> details = many.path("details");
        assertEquals(21, details.size(), details.toString());
        assertEquals("must be a text", details.get("businessRules[0]"));
        assertEquals("not named here: only the first 20 values of the wrong type are, and the body was read no further than its first "
                + "200,000 names and values", details.get("and more"), details.toString());

        io.restassured.response.Response few = Api.as(t.member()).contentType("application/json").body(rules(25)).post(features);
        assertEquals(400, few.statusCode(), few.asString());
        assertTrue(few.<String>path("error").endsWith("businessRules[19] (must be a text) and 5 more have values of the wrong type"), few.asString());
        assertEquals("not named here: only the first 20 values of the wrong type are", few.path("details.'and 5 more'"), few.asString());
        Api.as(t.member()).get(features).then().statusCode(200).body("size()", equalTo(0));
    }

    /** A feature whose business rules are {@code n} numbers. */
    private static String rules(int n) {
        StringBuilder body = new StringBuilder("{\"name\":\"Quizzes\",\"userDescription\":\"Pupils answer\",\"businessRules\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append(i);
        }
        return body.append("]}").toString();
    }

    @Test
    void anMcpMessageOfTooManyNamesIsAParseError() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "many", null, null).value();
        String session = Mcp.initialize(token);
        String call = "\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_stories\",\"arguments\":"
                + manyNames("\"project\":\"" + t.slug() + "\"") + "}";
        mcp(token, session, "{" + call + "}").then().statusCode(400).body("error.code", equalTo(-32700))
                .body("error.message", containsString("more than 200,000 names and values"));
        mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo(2));
    }

    /** MCP takes a text or a whole number as an id: the library echoed an object back as if it were one. */
    @Test
    void anMcpIdThatIsNoTextOrWholeNumberIsAnInvalidRequest() {
        TestData.Team t = data.team();
        String token = tokens.create(t.member().id, "ids", null, null).value();
        String session = Mcp.initialize(token);
        for (String id : new String[] {"{\"a\":1}", "[1]", "true", "null", "1.5"}) {
            mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}").then().statusCode(400)
                    .body("error.code", equalTo(-32600)).body("error.message", startsWith("Invalid Request: id must be a text or a whole number"));
        }
        mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo("x"));
        mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").then().statusCode(200).body("id", equalTo(7));
    }

    private static io.restassured.response.Response mcp(String token, String session, String body) {
        return RestAssured.given().contentType("application/json").header("Accept", "application/json, text/event-stream")
                .auth().oauth2(token).header("Mcp-Session-Id", session).body(body).post("/api/mcp");
    }
}
