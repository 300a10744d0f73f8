package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new installation, without a mail server and with a database of its own: "Forgot your password?" points to the
 * administrators instead of a form, and its first account, the only administrator, cannot step down.
 */
@QuarkusTest
@TestProfile(NewInstallationTest.NoMail.class)
class NewInstallationTest {

    /** An installation without a mail server, with no account yet. */
    public static class NoMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.mail.enabled", "false", "specboard.embedded-postgres.instance", "no-mail");
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Test
    void thePageSaysNoCodeCanBeSentAndAskingChangesNothing() {
        Document page = Web.html(RestAssured.get("/password-reset"));
        assertTrue(page.select("#reset-not-offered").text().contains("administrators for a reset link"), page.html());
        assertEquals(0, page.select("#reset-request-form").size());

        Response asked = Web.anonymous().formParam("email", "someone@example.test").post("/password-reset");
        assertEquals(409, asked.statusCode());
        assertEquals(1, Web.html(asked).select("#reset-not-offered").size());
    }

    @Test
    void theOnlyAdministratorCannotStepDownButCanHandOver() {
        Account first = data.account("first");
        Account second = data.account("second");
        assertTrue(Account.<Account>findById(first.id).isAdmin(), "the first account of an installation is its administrator");
        String cookie = Web.sessionCookie(Account.findById(first.id));

        Response refused = Web.as(cookie).contentType(FORM).formParam("admin", "false").post("/admin/accounts/" + first.username + "/role");
        assertEquals(409, refused.statusCode());
        assertTrue(Web.html(refused).select("#admin-problem").text().contains("only administrator"), refused.asString());

        Web.as(cookie).contentType(FORM).formParam("admin", "true").post("/admin/accounts/" + second.username + "/role").then().statusCode(303);
        Response stepDown = Web.as(cookie).contentType(FORM).formParam("admin", "false").post("/admin/accounts/" + first.username + "/role");
        assertEquals(303, stepDown.statusCode(), stepDown.asString());
        String renewed = stepDown.getCookie(SessionCookie.NAME);
        assertEquals(403, Web.as(renewed).get("/admin/accounts").statusCode(), "the new login has the new role");
        assertEquals(200, Web.as(Account.findById(second.id)).get("/admin/accounts").statusCode());
    }
}
