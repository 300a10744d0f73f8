package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    ApiTokenService tokens;

    @Test
    void tokenIsShownOnceAndListedByPrefix() {
        Account a = data.account("acct");
        Response r = Web.as(a).contentType(FORM).formParam("tokenName", "my agent").formParam("tokenPassword", TestData.PASSWORD).formParam("project", "").formParam("role", "")
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
        // What a browser sends when only the name is filled in: each select's selected option, else its first.
        String project = shown(page, "#f-project");
        String role = shown(page, "#f-role");
        assertEquals("", project);
        assertEquals("", role, "the role a new token starts with is the account's own in each project");
        Response created = Web.as(team.member()).contentType(FORM).formParam("tokenName", "all projects").formParam("tokenPassword", TestData.PASSWORD).formParam("project", project)
                .formParam("role", role).post("/account/tokens");
        assertEquals(201, created.statusCode());
        ApiToken stored = ApiToken.findActive(Web.html(created).getElementById("new-token").val()).orElseThrow();
        assertNull(stored.projectId);
        assertNull(stored.role);

        Response refused = Web.as(team.member()).contentType(FORM).formParam("tokenName", "ci-reader").formParam("tokenPassword", TestData.PASSWORD).formParam("project", "")
                .formParam("role", "viewer").post("/account/tokens");
        assertEquals(422, refused.statusCode());
        Document d = Web.html(refused);
        assertEquals("A role limit needs a project", d.getElementById("e-role").text());
        assertEquals("ci-reader", d.getElementById("f-tokenName").val());
        assertEquals("viewer", d.select("#f-role option[selected]").val(), "the chosen role is kept");
    }

    private static String shown(Document page, String select) {
        org.jsoup.nodes.Element selected = page.selectFirst(select + " option[selected]");
        return selected != null ? selected.val() : page.select(select + " option").first().val();
    }

    /** A token outlives the login that made it: a stolen login alone must not be able to make one. */
    @Test
    void tokenFormNeedsTheCurrentPassword() {
        Account a = data.account("tokpw");
        Document page = Web.html(Web.as(a).get("/account"));
        assertEquals("password", page.select("#token-form input[name=tokenPassword]").attr("type"));
        assertNotNull(page.selectFirst("#token-form label[for=f-tokenPassword]"), "the password field is labelled");

        Response missing = Web.as(a).contentType(FORM).formParam("tokenName", "stolen").post("/account/tokens");
        assertEquals(422, missing.statusCode());
        Document d = Web.html(missing);
        assertEquals("Enter your current password to create a token", d.getElementById("e-tokenPassword").text());
        assertEquals("stolen", d.getElementById("f-tokenName").val());
        assertNull(d.getElementById("new-token"));

        Response wrong = Web.as(a).contentType(FORM).formParam("tokenName", "stolen").formParam("tokenPassword", "a guess")
                .post("/account/tokens");
        assertEquals(422, wrong.statusCode());
        assertEquals("This is not your current password", Web.html(wrong).getElementById("e-tokenPassword").text());
        assertNull(Web.html(wrong).getElementById("new-token"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ApiToken.count("account.id", a.id)) == 0, "no token was made");
    }

    @Test
    void revokedTokenStopsWorking() {
        Account a = data.account("revoke");
        Document d = Web.html(Web.as(a).contentType(FORM).formParam("tokenName", "short lived").formParam("tokenPassword", TestData.PASSWORD).post("/account/tokens"));
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
        Response r = Web.as(team.member()).contentType(FORM).formParam("tokenName", "greedy").formParam("tokenPassword", TestData.PASSWORD).formParam("project", team.slug())
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
        Response saved = Web.as(a).contentType(FORM).formParam("email", "fixed-" + a.email).formParam("name", "New Name")
                .formParam("password", TestData.PASSWORD).post("/account/profile");
        assertEquals(303, saved.statusCode());
        // The flash travels in a cookie to the next page, which shows it once and clears it.
        Response next = Web.as(a).cookie("sb_flash", saved.getCookie("sb_flash")).get("/account");
        assertEquals("Profile saved. Your email changed, so your other logins are ended.", Web.html(next).select("#flash .flash").text());
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

    /** An email is how invitations and logins find an account: a stolen login alone must not change it. */
    @Test
    void changingTheEmailNeedsTheCurrentPassword() {
        Account a = data.account("mail");
        String wanted = "new-" + a.email;
        Document page = Web.html(Web.as(a).get("/account"));
        assertEquals("password", page.select("#profile-form input[name=password]").attr("type"));
        assertNotNull(page.selectFirst("#profile-form label[for=f-password]"), "the password field is labelled");

        Response missing = Web.as(a).contentType(FORM).formParam("email", wanted).formParam("name", "Mo").post("/account/profile");
        assertEquals(422, missing.statusCode());
        Document d = Web.html(missing);
        assertEquals(wanted, d.getElementById("f-email").val());
        assertEquals("Mo", d.getElementById("f-name").val());
        assertTrue(d.getElementById("e-password").text().contains("current password"), d.getElementById("e-password").text());

        Response wrong = Web.as(a).contentType(FORM).formParam("email", wanted).formParam("name", "Mo").formParam("password", "not it")
                .post("/account/profile");
        assertEquals(422, wrong.statusCode());
        assertEquals("This is not your current password", Web.html(wrong).getElementById("e-password").text());
        assertEquals(wanted, Web.html(wrong).getElementById("f-email").val());
        assertEquals(a.email, emailOf(a), "nothing was saved");

        // The name alone changes without it; the email with it.
        Web.as(a).contentType(FORM).formParam("email", a.email).formParam("name", "Mo").post("/account/profile").then().statusCode(303);
        Web.as(a).contentType(FORM).formParam("email", wanted).formParam("name", "Mo").formParam("password", TestData.PASSWORD)
                .post("/account/profile").then().statusCode(303);
        assertEquals(wanted, emailOf(a));
    }

    /** Whether an address belongs to another account is told only to whoever gives the current password. */
    @Test
    void anEmailTakenByAnotherAccountIsToldOnlyWithTheCurrentPassword() {
        Account a = data.account("probe");
        Account other = data.account("probed");
        for (String password : new String[] {"", "not it"}) {
            Response r = Web.as(a).contentType(FORM).formParam("email", other.email).formParam("name", "").formParam("password", password)
                    .post("/account/profile");
            assertEquals(422, r.statusCode());
            Document d = Web.html(r);
            assertNull(d.getElementById("e-email"), "no word on the address without the password");
            assertEquals(other.email, d.getElementById("f-email").val());
            assertNotNull(d.getElementById("e-password"));
        }
        Response r = Web.as(a).contentType(FORM).formParam("email", other.email).formParam("name", "").formParam("password", TestData.PASSWORD)
                .post("/account/profile");
        assertEquals(422, r.statusCode());
        assertEquals("An account with this email already exists", Web.html(r).getElementById("e-email").text());
        assertEquals(a.email, emailOf(a));
    }

    /** A password change after a theft also takes the thief's API tokens away, unless the owner unticks the box. */
    @Test
    void passwordChangeRevokesApiTokensUnlessUnticked() {
        Account a = data.account("pwtok");
        String token = tokens.create(a.id, "agent", null, null).value();
        Document page = Web.html(Web.as(a).get("/account"));
        assertNotNull(page.selectFirst("#password-form input[type=checkbox][name=revokeTokens][checked]"), "ticked by default");
        assertNotNull(page.selectFirst("#password-form label[for=f-revokeTokens]"));

        // A mistake keeps the box as it was.
        Response bad = Web.as(a).contentType(FORM).formParam("currentPassword", "wrong").formParam("newPassword", "another long one")
                .post("/account/password");
        assertEquals(422, bad.statusCode());
        assertNull(Web.html(bad).selectFirst("#f-revokeTokens[checked]"), "left unticked");

        Web.as(a).contentType(FORM).formParam("currentPassword", TestData.PASSWORD).formParam("newPassword", "another long one")
                .post("/account/password").then().statusCode(303);
        RestAssured.given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(200);

        Web.as(a).contentType(FORM).formParam("currentPassword", "another long one").formParam("newPassword", "a third long one")
                .formParam("revokeTokens", "true").post("/account/password").then().statusCode(303);
        RestAssured.given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(401);
    }

    private static String emailOf(Account a) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id).email);
    }
}
