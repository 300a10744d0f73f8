package dev.specboard.account;

import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where no mail goes out, "Forgot your password?" says so and points to the administrators instead of a form. */
@QuarkusTest
@TestProfile(PasswordResetWithoutMailTest.NoMail.class)
class PasswordResetWithoutMailTest {

    /** An installation without a mail server. */
    public static class NoMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.mail.enabled", "false", "specboard.embedded-postgres.instance", "no-mail");
        }
    }

    @Test
    void thePageSaysNoCodeCanBeSentAndAskingChangesNothing() {
        Document page = Web.html(RestAssured.get("/password-reset"));
        assertTrue(page.select("#reset-not-offered").text().contains("administrators for a reset link"), page.html());
        assertEquals(0, page.select("#reset-request-form").size());

        Response asked = Web.anonymous().formParam("email", "someone@example.test").post("/password-reset");
        assertEquals(409, asked.statusCode());
        assertEquals(1, Web.html(asked).select("#reset-not-offered").size());
    }
}
