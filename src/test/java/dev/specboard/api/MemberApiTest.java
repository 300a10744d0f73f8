package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MemberApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    String token(Account a) {
        return tokens.create(a.id, "t", null, null).value();
    }

    @Test
    void ownerAddsChangesAndRemovesMembers() {
        var team = data.team();
        Account newcomer = data.account("newcomer");
        String owner = token(team.owner());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("username", newcomer.username, "role", "reviewer"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(201).body("username", equalTo(newcomer.username)).body("role", equalTo("reviewer"));
        RestAssured.given().auth().oauth2(owner).get("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(200).body("username", hasItem(newcomer.username));
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("role", "lead"))
                .put("/api/v1/projects/" + team.slug() + "/members/" + newcomer.username)
                .then().statusCode(200).body("role", equalTo("lead"));
        RestAssured.given().auth().oauth2(owner).delete("/api/v1/projects/" + team.slug() + "/members/" + newcomer.username)
                .then().statusCode(204);
    }

    /** The contract adds by username: an email address, even one an account has, adds nobody. */
    @Test
    void anEmailAddressAddsNobody() {
        var team = data.team();
        RestAssured.given().auth().oauth2(token(team.owner())).contentType(ContentType.JSON)
                .body(Map.of("username", team.outsider().email, "role", "lead"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(422).body("details.username", notNullValue());
        RestAssured.given().auth().oauth2(token(team.owner())).get("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(200).body("username", not(hasItem(team.outsider().username)));
    }

    @Test
    void membersAreListedOwnersFirstThenDownTheRoles() {
        var team = data.team();
        Account anotherLead = data.account("another-lead");
        data.addMember(team.project(), anotherLead, Role.LEAD);
        RestAssured.given().auth().oauth2(token(team.viewer())).get("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(200).body("role", contains("owner", "lead", "lead", "member", "reviewer", "viewer"))
                .body("username", contains(team.owner().username, anotherLead.username, team.lead().username, team.member().username,
                        team.reviewer().username, team.viewer().username));
    }

    @Test
    void refusalsUseTheApiErrorShape() {
        var team = data.team();
        String owner = token(team.owner());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + TestData.unique("x"), "role", "member"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(422).body("details.username", notNullValue());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("username", team.viewer().username, "role", "emperor"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(422).body("details.role", notNullValue());
        RestAssured.given().auth().oauth2(token(team.lead())).contentType(ContentType.JSON)
                .body(Map.of("username", team.outsider().username, "role", "member"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(403).body("error", notNullValue());
        RestAssured.given().auth().oauth2(token(team.outsider())).contentType(ContentType.JSON)
                .body(Map.of("username", team.outsider().username, "role", "owner"))
                .post("/api/v1/projects/" + team.slug() + "/members")
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(owner).delete("/api/v1/projects/" + team.slug() + "/members/" + team.owner().username)
                .then().statusCode(409).body("error", notNullValue());
    }
}
