package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AccountResourceTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Test
    void tokenIsShownOnceAndListedByPrefix() {
        Account a = data.account("acct");
        Response r = Web.as(a).contentType(FORM).formParam("tokenName", "my agent").formParam("project", "").formParam("role", "")
                .post("/account/tokens");
        assertEquals(201, r.statusCode());
        Document d = Web.html(r);
        String token = d.getElementById("new-token").val();
        assertTrue(token.startsWith("sbt_"));
        RestAssured.given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(200);

        Document again = Web.html(Web.as(a).get("/account"));
        assertNotNull(again.getElementById("token-table"));
        assertTrue(again.getElementById("new-token") == null, "the token must not be shown twice");
        assertTrue(again.getElementById("token-table").text().contains(token.substring(0, 10)));
    }

    @Test
    void tokenFormAsShownCreatesAnAllProjectsTokenAndARoleWithoutProjectIsRefused() {
        var team = data.team();
        Document page = Web.html(Web.as(team.member()).get("/account"));
        // What a browser sends when only the name is filled in: each select's first option.
        String project = page.select("#f-project option").first().val();
        String role = page.select("#f-role option").first().val();
        assertEquals("", project);
        Response created = Web.as(team.member()).contentType(FORM).formParam("tokenName", "all projects").formParam("project", project)
                .formParam("role", role).post("/account/tokens");
        assertEquals(201, created.statusCode());
        ApiToken stored = ApiToken.findActive(Web.html(created).getElementById("new-token").val()).orElseThrow();
        assertNull(stored.projectId);
        assertNull(stored.role);

        Response refused = Web.as(team.member()).contentType(FORM).formParam("tokenName", "ci-reader").formParam("project", "")
                .formParam("role", "viewer").post("/account/tokens");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        assertEquals("A role limit needs a project", d.getElementById("e-role").text());
        assertEquals("ci-reader", d.getElementById("f-tokenName").val());
        assertEquals("viewer", d.select("#f-role option[selected]").val(), "the chosen role is kept");
    }

    @Test
    void revokedTokenStopsWorking() {
        Account a = data.account("revoke");
        Document d = Web.html(Web.as(a).contentType(FORM).formParam("tokenName", "short lived").post("/account/tokens"));
        String token = d.getElementById("new-token").val();
        ApiToken stored = ApiToken.findActive(token).orElseThrow();
        Response r = Web.htmx(Web.as(a)).post("/account/tokens/" + stored.id + "/revoke");
        assertEquals(200, r.statusCode());
        assertTrue(Web.html(r).getElementById("token-" + stored.id).text().contains("Revoked"));
        RestAssured.given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void tokenAboveOwnRoleIsRefused() {
        var team = data.team();
        Response r = Web.as(team.member()).contentType(FORM).formParam("tokenName", "greedy").formParam("project", team.slug())
                .formParam("role", "owner").post("/account/tokens");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertTrue(d.getElementById("e-role").text().contains("above your own"));
        assertEquals("greedy", d.getElementById("f-tokenName").val());
    }

    @Test
    void profileValidationKeepsValues() {
        Account a = data.account("prof");
        Response r = Web.as(a).contentType(FORM).formParam("email", "broken").formParam("name", "New Name").post("/account/profile");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("broken", d.getElementById("f-email").val());
        assertEquals("New Name", d.getElementById("f-name").val());
        Response saved = Web.as(a).contentType(FORM).formParam("email", "fixed-" + a.email).formParam("name", "New Name").post("/account/profile");
        assertEquals(303, saved.statusCode());
        // The flash travels in a cookie to the next page, which shows it once and clears it.
        Response next = Web.as(a).cookie("sb_flash", saved.getCookie("sb_flash")).get("/account");
        assertEquals("Profile saved.", Web.html(next).select("#flash .flash").text());
        assertEquals("", next.getCookie("sb_flash"));
    }

    @Test
    void passwordChangeNeedsCurrentPassword() {
        Account a = data.account("pw");
        Response r = Web.as(a).contentType(FORM).formParam("currentPassword", "wrong").formParam("newPassword", "another long one")
                .post("/account/password");
        assertEquals(422, r.statusCode());
        assertEquals("This is not your current password", Web.html(r).getElementById("e-currentPassword").text());
        Web.as(a).contentType(FORM).formParam("currentPassword", TestData.PASSWORD).formParam("newPassword", "another long one")
                .post("/account/password").then().statusCode(303);
        Web.anonymous().formParam("username", a.username).formParam("password", "another long one").post("/login").then().statusCode(303);
    }
}
