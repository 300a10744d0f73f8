package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Accept header no route type matches is 406 saying what the address sends and what was asked for; it said
 * "The accept header value did not match the value in @Produces", the framework's words about an annotation of ours.
 */
@QuarkusTest
class NotAcceptableTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void anApiAddressNamesWhatItAnswersInTheJsonErrorShape() {
        TestData.Team t = data.team();
        String token = tokens.create(t.viewer().id, "test", null, null).value();
        RestAssured.given().header("Authorization", "Bearer " + token).accept("application/xml")
                .get("/api/v1/projects/" + t.slug() + "/pages").then().statusCode(406)
                .contentType("application/json")
                .body("error", equalTo("This address answers application/json; the Accept header asks for application/xml."))
                .body("details", anEmptyMap());
        // The events stream keeps its own words.
        RestAssured.given().header("Authorization", "Bearer " + token).accept("application/xml")
                .get("/api/v1/projects/" + t.slug() + "/events").then().statusCode(406)
                .body("error", equalTo("This address sends text/event-stream; ask with Accept: text/event-stream."));
    }

    @Test
    void aPageNamesWhatItAnswersOnTheErrorPage() {
        TestData.Team t = data.team();
        Response r = Web.as(t.viewer()).accept("application/xml").get("/projects/" + t.slug());
        assertEquals(406, r.statusCode(), r.body().asString());
        String body = r.body().asString();
        assertTrue(body.contains("This address answers text/html; the Accept header asks for application/xml."), body);
        assertFalse(body.contains("@Produces"), body);
    }
}
