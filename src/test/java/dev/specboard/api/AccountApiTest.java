package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiToken;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class AccountApiTest {

    @Inject
    TestData data;

    @Test
    void signupCreatesAccount() {
        String u = TestData.unique("api");
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("email", u + "@example.test", "username", u, "name", "Api User", "password", "a long password"))
                .post("/api/v1/accounts")
                .then().statusCode(201).body("username", equalTo(u)).body("id", notNullValue());
    }

    @Test
    void signupTakenAnswers409AndInvalid422() {
        Account a = data.account("dup");
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("email", "fresh-" + a.email, "username", a.username, "password", "a long password"))
                .post("/api/v1/accounts")
                .then().statusCode(409).body("error", notNullValue()).body("details.username", equalTo("This username is taken"));
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("email", "nope", "username", "-", "password", "x"))
                .post("/api/v1/accounts")
                .then().statusCode(422).body("error", equalTo("Validation failed"))
                .body("details.email", notNullValue()).body("details.username", notNullValue()).body("details.password", notNullValue());
    }

    @Test
    void malformedJsonAnswers400() {
        RestAssured.given().contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/accounts")
                .then().statusCode(400).body("error", notNullValue());
    }

    @Test
    void basicAuthCreatesTokenStoredHashedAndUsable() {
        Account a = data.account("tok");
        String token = RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD)
                .contentType(ContentType.JSON).body(Map.of("name", "agent"))
                .post("/api/v1/tokens")
                .then().statusCode(201).body("name", equalTo("agent")).body("token", startsWith("sbt_"))
                .extract().path("token");
        ApiToken stored = ApiToken.findActive(token).orElseThrow();
        assertNotEquals(token, stored.tokenHash);
        assertEquals(64, stored.tokenHash.length());
        RestAssured.given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(200);
    }

    /** Someone whose only token leaked lists and revokes it with their password, without making a second token first. */
    @Test
    void aPasswordListsAndRevokesALeakedToken() {
        Account a = data.account("leak");
        String leaked = RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD)
                .contentType(ContentType.JSON).body(Map.of("name", "leaked"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        String id = RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD)
                .get("/api/v1/tokens").then().statusCode(200).body("size()", equalTo(1)).body("[0].name", equalTo("leaked"))
                .extract().path("[0].id");

        RestAssured.given().auth().preemptive().basic(a.username, "wrong").delete("/api/v1/tokens/" + id)
                .then().statusCode(401).body("error", notNullValue());
        RestAssured.given().auth().oauth2(leaked).get("/api/v1/projects").then().statusCode(200);
        RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD).delete("/api/v1/tokens/" + id)
                .then().statusCode(204);
        RestAssured.given().auth().oauth2(leaked).get("/api/v1/projects").then().statusCode(401);
        RestAssured.given().auth().preemptive().basic(a.username, TestData.PASSWORD)
                .get("/api/v1/tokens").then().statusCode(200).body("[0].active", equalTo(false));
    }

    @Test
    void wrongBasicPasswordAnswers401() {
        Account a = data.account("badbasic");
        RestAssured.given().auth().preemptive().basic(a.username, "wrong")
                .contentType(ContentType.JSON).body(Map.of("name", "agent"))
                .post("/api/v1/tokens").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void missingOrBadTokenAnswers401Json() {
        RestAssured.get("/api/v1/projects").then().statusCode(401).body("error", notNullValue());
        RestAssured.given().auth().oauth2("sbt_nonsense").get("/api/v1/projects").then().statusCode(401).body("error", notNullValue());
    }
}
