package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bcrypt reads only a password's first 72 bytes: a new password longer than that in UTF-8 is refused, on sign-up (form,
 * invitation and API) and on a password change, however few characters it has.
 */
@QuarkusTest
class PasswordBytesTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    /** 42 characters, 80 bytes: within the old limit of 72 characters, but bcrypt would ignore its last 4 letters. */
    private static final String LONG = "é".repeat(38) + "abcd";
    /** 36 characters, 72 bytes: all of it counts. */
    private static final String FITS = "é".repeat(36);

    @Inject
    TestData data;

    @Test
    void theSignupFormRefusesAPasswordOfMoreThan72BytesNamingTheLimit() {
        assertEquals(80, LONG.getBytes(StandardCharsets.UTF_8).length);
        String u = TestData.unique("bytes");
        Response r = Web.anonymous().contentType(FORM).formParam("email", u + "@example.test").formParam("username", u)
                .formParam("name", "Éloïse").formParam("password", LONG).post("/signup");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertTrue(d.getElementById("e-password").text().contains("at most 72 bytes"), d.getElementById("e-password").text());
        assertEquals(u, d.getElementById("f-username").val());
        assertEquals("Éloïse", d.getElementById("f-name").val());

        Web.anonymous().contentType(FORM).formParam("email", u + "@example.test").formParam("username", u)
                .formParam("name", "").formParam("password", FITS).post("/signup").then().statusCode(303);
        Web.anonymous().contentType(FORM).formParam("username", u).formParam("password", FITS).post("/login").then().statusCode(303);
    }

    @Test
    void theApiRefusesItWith422NamingThePasswordField() {
        String u = TestData.unique("bytesapi");
        RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(Map.of("email", u + "@example.test", "username", u, "name", "", "password", LONG)).post("/api/v1/accounts")
                .then().statusCode(422).body("details.password", containsString("at most 72 bytes"));
        RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(Map.of("email", u + "@example.test", "username", u, "name", "", "password", "x".repeat(72))).post("/api/v1/accounts")
                .then().statusCode(201);
    }

    @Test
    void aPasswordChangeRefusesItToo() {
        Account a = data.account("bytespw");
        Response r = Web.as(a).contentType(FORM).formParam("currentPassword", TestData.PASSWORD).formParam("newPassword", LONG)
                .post("/account/password");
        assertEquals(422, r.statusCode());
        String message = Web.html(r).getElementById("e-newPassword").text();
        assertTrue(message.startsWith("The new password is at most 72 bytes"), message);
        // Nothing changed: the old password still logs in.
        Web.anonymous().contentType(FORM).formParam("username", a.username).formParam("password", TestData.PASSWORD).post("/login")
                .then().statusCode(303);
    }
}
