package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.assist.AiJob;
import dev.specboard.assist.JobStatus;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import dev.specboard.web.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What agents are told when refused says what they can act on: the header, the argument, the token. */
@QuarkusTest
class AgentWordingTest {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    /** The library refused a POST lacking either type in Accept with 400 and an empty body. */
    @Test
    void anMcpPostWithoutTheAcceptHeaderItNeedsIsToldWhichOne() {
        String token = tokens.create(data.account("accept").id, "agent", null, null).value();
        for (String accept : new String[] {"application/json", "text/event-stream", "*/*"}) {
            RestAssured.given().auth().oauth2(token).contentType("application/json").header("Accept", accept).body(INITIALIZE)
                    .post("/api/mcp").then().statusCode(400)
                    .body("error.message", containsString("Accept: application/json, text/event-stream")).body("id", equalTo(7));
        }
        RestAssured.given().auth().oauth2(token).contentType("application/json").header("Accept", "application/json, text/event-stream")
                .body(INITIALIZE).post("/api/mcp").then().statusCode(200).body("result.serverInfo.name", equalTo("Specboard"));
    }

    @Test
    void aTooLongWorkSessionFailureIsKeyedByTheReasonTheCallSent() {
        TestData.Team t = data.team();
        String component = ComponentApiTest.create(t.member(), t, "Orders");
        String base = "/api/v1/projects/" + t.slug() + "/work-sessions";
        String id = Api.as(t.member()).body(Map.of("sessionType", "test", "targetType", "component", "targetId", component))
                .post(base).then().statusCode(201).extract().path("id");
        Api.as(t.member()).post(base + "/" + id + "/claim").then().statusCode(200);
        Api.as(t.member()).body(Map.of("reason", "x".repeat(20_001))).post(base + "/" + id + "/fail").then().statusCode(422)
                .body("details.reason", equalTo("At most 20000 characters")).body("details.note", nullValue());
    }

    @Test
    void aFinishedJobIsSaidToHaveSucceeded() {
        AiJob job = new AiJob();
        job.status = JobStatus.SUCCESS;
        assertEquals("Only a failed or cancelled job can be retried; this one succeeded.",
                assertThrows(ApiException.class, job::retry).getMessage());
        job.status = JobStatus.RUNNING;
        assertEquals("Only a failed or cancelled job can be retried; this one is running.",
                assertThrows(ApiException.class, job::retry).getMessage());
    }

    /** A lead using a token limited to viewer was told "yours is viewer", and looked for a change of their membership. */
    @Test
    void aRoleCappedByTheTokenIsSaidToBeTheTokens() {
        TestData.Team t = data.team();
        String limited = tokens.create(t.lead().id, "reader", t.project().id, Role.VIEWER).value();
        String base = "/api/v1/projects/" + t.slug();
        RestAssured.given().auth().oauth2(limited).contentType(ContentType.JSON).post(base + "/tasks/claim-next").then().statusCode(403)
                .body("error", containsString("this token is limited to viewer"));
        RestAssured.given().auth().oauth2(limited).contentType(ContentType.JSON).body(Map.of("title", "T", "description", "D"))
                .post(base + "/stories").then().statusCode(403).body("error", containsString("this token is limited to viewer"));
        // A viewer's own role is theirs.
        String own = tokens.create(t.viewer().id, "mine", null, null).value();
        RestAssured.given().auth().oauth2(own).contentType(ContentType.JSON).post(base + "/tasks/claim-next").then().statusCode(403)
                .body("error", containsString("yours is viewer"));
    }
}
