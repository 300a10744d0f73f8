package dev.specboard.account;

import dev.specboard.support.Mails;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administrators find accounts and make a reset link for someone who cannot log in, on a Specboard that sends no
 * mail; nobody else sees the list.
 */
@QuarkusTest
class AccountAdminTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    EntityManager em;

    @Test
    void onlyAnAdministratorSeesTheAccountsOrMakesALink() {
        Account plain = data.account("plain");
        assertEquals(403, Web.as(plain).get("/admin/accounts").statusCode());
        assertEquals(403, Web.as(plain).contentType("application/x-www-form-urlencoded")
                .post("/admin/accounts/" + plain.username + "/password-reset").statusCode());
        assertEquals(0, Web.html(Web.as(plain).get("/")).select("a[href=/admin/accounts]").size(), "and the menu does not offer it");
        Response anonymous = RestAssured.given().redirects().follow(false).get("/admin/accounts");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.getHeader("Location").contains("/login"), anonymous.getHeader("Location"));

        Account admin = data.admin("root");
        assertEquals(1, Web.html(Web.as(admin).get("/")).select("a[href=/admin/accounts]").size());
        assertEquals(404, Web.as(admin).contentType("application/x-www-form-urlencoded")
                .post("/admin/accounts/nobody-" + plain.username + "/password-reset").statusCode());
    }

    @Test
    void anAdministratorMakesAResetLinkThatSetsThePasswordOnce() {
        Account admin = data.admin("admin");
        Account locked = data.account("locked-out");
        Document found = Web.html(Web.as(admin).queryParam("q", locked.username.toUpperCase()).get("/admin/accounts"));
        assertEquals(1, found.select("tr.account-row").size(), found.select("#account-table").outerHtml());
        assertTrue(found.select("tr.account-row").text().contains(locked.email));

        Response made = Web.as(admin).contentType("application/x-www-form-urlencoded").post("/admin/accounts/" + locked.username + "/password-reset");
        assertEquals(200, made.statusCode());
        String link = Web.html(made).select("#reset-link").attr("value");
        assertTrue(link.startsWith(RestAssured.baseURI + ":" + RestAssured.port + "/password-reset/"), link);
        String code = link.substring(link.lastIndexOf('/') + 1);

        Mail notice = Mails.await(locked.email, 1).get(0);
        assertEquals("A link to reset your Specboard password was made", notice.getSubject());
        assertTrue(!notice.getText().contains(code), "the notice does not carry the link");

        assertEquals(200, RestAssured.get(link.substring(link.indexOf("/password-reset/"))).statusCode());
        assertEquals(303, Web.anonymous().formParam("code", code).formParam("newPassword", "chosen by the owner")
                .formParam("viaLink", "true").post("/password-reset/new").statusCode());
        assertEquals(303, Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("username", locked.username)
                .formParam("password", "chosen by the owner").post("/login").statusCode());
        assertEquals(404, RestAssured.get(link.substring(link.indexOf("/password-reset/"))).statusCode(), "the link worked once");
    }

    @Test
    void aNewAdministratorsLoginsEndAndTheirTokenTakesTheRoleAtOnce() {
        Account admin = data.admin("granter");
        Account other = data.account("granted");
        TestData.Team t = data.team();
        String oldLogin = Web.sessionCookie(other);
        String token = tokens.create(other.id, "cli", null, null).value();
        assertEquals(404, project(token, t.slug()), "not a member, not an administrator");

        Response granted = Web.as(admin).contentType(FORM).formParam("admin", "true").post("/admin/accounts/" + other.username + "/role");
        assertEquals(303, granted.statusCode(), granted.asString());
        assertEquals(302, RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, oldLogin).get("/").statusCode(),
                "a login carries the role it began with, so it ends");
        assertEquals(200, project(token, t.slug()), "the token has the new role at once");
        assertEquals(200, Web.as(Account.findById(other.id)).get("/admin/accounts").statusCode());

        Web.as(admin).contentType(FORM).formParam("admin", "false").post("/admin/accounts/" + other.username + "/role").then().statusCode(303);
        assertEquals(404, project(token, t.slug()), "and loses it at once");
        assertEquals(400, Web.as(admin).contentType(FORM).formParam("admin", "yes").post("/admin/accounts/" + other.username + "/role").statusCode());
        assertEquals(404, Web.as(admin).contentType(FORM).formParam("admin", "true").post("/admin/accounts/nobody-" + other.username + "/role").statusCode());
    }

    @Test
    void aDisabledAccountCannotLogInAndLosesItsLoginsAndTokens() {
        Account admin = data.admin("disabler");
        Account leaver = data.account("leaver");
        TestData.Team team = data.team();
        data.addMember(team.project(), leaver, dev.specboard.kernel.Role.MEMBER);
        String login = Web.sessionCookie(leaver);
        String token = tokens.create(leaver.id, "cli", null, null).value();
        assertEquals(200, RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/notifications").statusCode());

        Response disabled = Web.as(admin).contentType(FORM).formParam("disabled", "true").post("/admin/accounts/" + leaver.username + "/access");
        assertEquals(303, disabled.statusCode(), disabled.asString());
        assertEquals(302, RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, login).get("/").statusCode());
        assertEquals(401, RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/notifications").statusCode());
        Response refused = Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("username", leaver.username)
                .formParam("password", TestData.PASSWORD).post("/login");
        assertEquals(422, refused.statusCode());
        assertTrue(Web.html(refused).select("#login-error").text().contains("disabled"), refused.asString());
        assertEquals(401, RestAssured.given().auth().preemptive().basic(leaver.username, TestData.PASSWORD).contentType("application/json")
                .body("{\"name\":\"again\"}").post("/api/v1/tokens").statusCode(), "nor make a token with its password");
        Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("email", leaver.email).post("/password-reset").then().statusCode(200);
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT count(*) FROM password_resets WHERE account_id = ?1")
                .setParameter(1, leaver.id).getSingleResult()).longValue(), "a disabled account is sent no reset code");
        Document listed = Web.html(Web.as(admin).queryParam("q", leaver.username).get("/admin/accounts"));
        assertTrue(listed.select("tr.account-row").text().contains("disabled"), listed.html());
        Document members = Web.html(Web.as(team.owner()).get("/projects/" + team.slug() + "/members"));
        assertEquals(1, members.select("tr[data-username=" + leaver.username + "] .member-disabled").size(), "its project's members see it");
        assertEquals(0, members.select("tr[data-username=" + team.owner().username + "] .member-disabled").size());
        assertEquals(1, Web.html(Web.as(team.owner()).get("/people/" + leaver.username)).select("#person-disabled").size());
        assertEquals(409, Web.as(admin).contentType(FORM).formParam("admin", "true").post("/admin/accounts/" + leaver.username + "/role").statusCode(),
                "a disabled account is enabled before it is made an administrator");

        Web.as(admin).contentType(FORM).formParam("disabled", "false").post("/admin/accounts/" + leaver.username + "/access").then().statusCode(303);
        assertEquals(303, Web.anonymous().header("X-Forwarded-For", Web.clientAddress()).formParam("username", leaver.username)
                .formParam("password", TestData.PASSWORD).post("/login").statusCode());
        assertEquals(401, RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/notifications").statusCode(),
                "its old tokens stay revoked");
    }

    @Test
    void anAdministratorOrOnesOwnAccountIsNotDisabled() {
        Account admin = data.admin("keeper");
        Account other = data.admin("other-admin");
        Response self = Web.as(admin).contentType(FORM).formParam("disabled", "true").post("/admin/accounts/" + admin.username + "/access");
        assertEquals(409, self.statusCode());
        assertTrue(Web.html(self).select("#admin-problem").text().contains("your own account"), self.asString());
        Response ofAdmin = Web.as(admin).contentType(FORM).formParam("disabled", "true").post("/admin/accounts/" + other.username + "/access");
        assertEquals(409, ofAdmin.statusCode());
        assertTrue(Web.html(ofAdmin).select("#admin-problem").text().contains("remove them as one first"), ofAdmin.asString());
        assertEquals(400, Web.as(admin).contentType(FORM).formParam("disabled", "maybe").post("/admin/accounts/" + other.username + "/access").statusCode());
    }

    private static int project(String token, String slug) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + slug).statusCode();
    }

    @Test
    void theSearchTakesWildcardsAsTheyAreAndSaysWhenNothingMatches() {
        Account admin = data.admin("finder");
        Document none = Web.html(Web.as(admin).queryParam("q", "%_%").get("/admin/accounts"));
        assertEquals(0, none.select("tr.account-row").size());
        assertEquals("No account matches “%_%”.", none.select("#no-accounts").text());
        assertEquals("%_%", none.select("#f-q").attr("value"), "the search stays in its field");
        assertEquals(400, Web.as(admin).queryParam("page", "0").get("/admin/accounts").statusCode());
    }

    @Test
    void theListRunsTheSameStatementsForTenTimesTheAccounts() {
        Account admin = data.admin("counter");
        String few = TestData.unique("few");
        String many = TestData.unique("many");
        for (int i = 0; i < 3; i++) {
            data.account(few);
        }
        for (int i = 0; i < 30; i++) {
            data.account(many);
        }
        String cookie = Web.sessionCookie(admin);
        long forFew = SqlCounter.count(() -> Web.as(cookie).queryParam("q", few).get("/admin/accounts").then().statusCode(200));
        long forMany = SqlCounter.count(() -> Web.as(cookie).queryParam("q", many).get("/admin/accounts").then().statusCode(200));
        assertEquals(forFew, forMany);
        assertEquals(30, Web.html(Web.as(cookie).queryParam("q", many).get("/admin/accounts")).select("tr.account-row").size());
    }
}
