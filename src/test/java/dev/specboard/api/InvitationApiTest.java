package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Owners invite by email over the API as on the members page, and the links they get work as the page's do. */
@QuarkusTest
class InvitationApiTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    MockMailbox mailbox;

    String token(Account a) {
        return tokens.create(a.id, "t", null, null).value();
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/invitations/"));
    }

    @Test
    void anOwnerInvitesListsRenewsAndWithdraws() {
        var team = data.team();
        String owner = token(team.owner());
        String base = "/api/v1/projects/" + team.slug() + "/invitations";
        String email = TestData.unique("api-invitee") + "@example.test";

        JsonPath made = RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("email", " " + email + " ", "role", "reviewer")).post(base)
                .then().statusCode(201).body("email", equalTo(email)).body("role", equalTo("reviewer"))
                .body("refreshed", equalTo(false)).body("expiresAt", notNullValue()).extract().jsonPath();
        String id = made.getString("id");
        String link = made.getString("link");
        assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getText().contains(link)), "the mail carries the link");
        RestAssured.given().get(path(link)).then().statusCode(200);
        assertTrue(Web.html(Web.as(team.owner()).get("/projects/" + team.slug() + "/members")).getElementById("invitations").text()
                .contains(email), "the members page lists it");

        RestAssured.given().auth().oauth2(owner).get(base)
                .then().statusCode(200).body("id", hasItem(id)).body("find { it.id == '" + id + "' }.role", equalTo("reviewer"))
                .body("link", not(hasItem(notNullValue())));

        // The same address again refreshes its one open invitation: a new link, the new role.
        JsonPath again = RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "role", "member")).post(base)
                .then().statusCode(201).body("refreshed", equalTo(true)).body("role", equalTo("member")).extract().jsonPath();
        assertEquals(id, again.getString("id"));
        RestAssured.given().get(path(link)).then().statusCode(404);
        List<String> open = RestAssured.given().auth().oauth2(owner).get(base).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.email.equalsIgnoreCase('" + email + "') }.id");
        assertEquals(List.of(id), open);

        String renewed = RestAssured.given().auth().oauth2(owner).post(base + "/" + id + "/renew")
                .then().statusCode(201).body("email", equalTo(email.toUpperCase())).body("role", equalTo("member"))
                .extract().jsonPath().getString("link");
        assertNotEquals(again.getString("link"), renewed);
        RestAssured.given().get(path(again.getString("link"))).then().statusCode(410);
        RestAssured.given().get(path(renewed)).then().statusCode(200);
        String renewedId = RestAssured.given().auth().oauth2(owner).get(base).then().statusCode(200).extract().jsonPath()
                .getString("find { it.email == '" + email.toUpperCase() + "' }.id");

        RestAssured.given().auth().oauth2(owner).delete(base + "/" + renewedId).then().statusCode(204);
        RestAssured.given().get(path(renewed)).then().statusCode(410);
        RestAssured.given().auth().oauth2(owner).get(base).then().statusCode(200).body("id", not(hasItem(renewedId)));
        RestAssured.given().auth().oauth2(owner).post(base + "/" + renewedId + "/renew").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void badBodiesNameEveryProblemAndInviteNobody() {
        var team = data.team();
        String owner = token(team.owner());
        String base = "/api/v1/projects/" + team.slug() + "/invitations";
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("email", "not an address", "role", "emperor"))
                .post(base).then().statusCode(422).body("details.email", notNullValue()).body("details.role", notNullValue());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON).body(Map.of("role", "member"))
                .post(base).then().statusCode(422).body("details.email", notNullValue()).body("details.role", nullValue());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("email", "someone@example.test", "role", "member", "message", "hi"))
                .post(base).then().statusCode(422).body("details.message", equalTo("unknown field"));
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"email\": 7, ")
                .post(base).then().statusCode(400).body("error", notNullValue());
        RestAssured.given().auth().oauth2(owner).contentType(ContentType.JSON).post(base).then().statusCode(400).body("error", notNullValue());
        RestAssured.given().auth().oauth2(owner).get(base).then().statusCode(200).body("size()", equalTo(0));
        RestAssured.given().auth().oauth2(owner).delete(base + "/not-an-id").then().statusCode(404).body("error", notNullValue());
        RestAssured.given().auth().oauth2(owner).post(base + "/00000000-0000-0000-0000-000000000000/renew")
                .then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void onlyOwnersOfTheProjectSeeOrMakeInvitations() {
        var team = data.team();
        var other = data.team();
        String base = "/api/v1/projects/" + team.slug() + "/invitations";
        String id = RestAssured.given().auth().oauth2(token(team.owner())).contentType(ContentType.JSON)
                .body(Map.of("email", TestData.unique("kept") + "@example.test", "role", "viewer")).post(base)
                .then().statusCode(201).extract().jsonPath().getString("id");

        RestAssured.given().auth().oauth2(token(team.lead())).get(base).then().statusCode(403).body("error", notNullValue());
        RestAssured.given().auth().oauth2(token(team.lead())).contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.test", "role", "owner")).post(base).then().statusCode(403);
        RestAssured.given().auth().oauth2(token(team.lead())).delete(base + "/" + id).then().statusCode(403);
        RestAssured.given().auth().oauth2(token(team.outsider())).get(base).then().statusCode(404);
        RestAssured.given().get(base).then().statusCode(401);
        // Another project's owner cannot reach it through their own project.
        RestAssured.given().auth().oauth2(token(other.owner())).delete("/api/v1/projects/" + other.slug() + "/invitations/" + id)
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(token(other.owner())).post("/api/v1/projects/" + other.slug() + "/invitations/" + id + "/renew")
                .then().statusCode(404);
        RestAssured.given().auth().oauth2(token(team.owner())).get(base).then().statusCode(200).body("id", hasItem(id));
    }
}
