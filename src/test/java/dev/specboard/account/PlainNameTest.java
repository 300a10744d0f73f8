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
 * A display name with a right-to-left override or a control character is refused, on sign-up (form and API) and on the
 * profile: shown beside other names it would read as someone else's. Names in any script still pass.
 */
@QuarkusTest
class PlainNameTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    /** Shows as "Ada Lovelace-nimda" reversed: "Ada Lovelace" followed by a right-to-left override. */
    private static final String SPOOF = "Ada Lovelace\u202Eadmin";

    @Inject
    TestData data;

    @Test
    void theApiRefusesADirectionOverrideAndTakesAnyScript() {
        String u = TestData.unique("bidi");
        RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(Map.of("email", u + "@example.test", "username", u, "name", SPOOF, "password", TestData.PASSWORD))
                .post("/api/v1/accounts").then().statusCode(422).body("details.name", containsString("change the direction"));
        RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(Map.of("email", u + "@example.test", "username", u, "name", "Zoë محمد 李", "password", TestData.PASSWORD))
                .post("/api/v1/accounts").then().statusCode(201);
    }

    @Test
    void theSignupFormRefusesAControlCharacterKeepingWhatWasTyped() {
        String u = TestData.unique("ctrl");
        Response r = Web.anonymous().contentType(FORM).formParam("email", u + "@example.test").formParam("username", u)
                .formParam("name", "Bob\u0001").formParam("password", TestData.PASSWORD).post("/signup");
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertTrue(d.getElementById("e-name").text().contains("control characters"), d.getElementById("e-name").text());
        assertEquals(u, d.getElementById("f-username").val());
    }

    @Test
    void theProfileRefusesItAndKeepsTheOldName() {
        Account a = data.account("bidiprofile");
        String before = Web.html(Web.as(a).get("/account")).getElementById("f-name").val();
        Response r = Web.as(a).contentType(FORM).formParam("email", a.email).formParam("name", "\u2067Mallory\u2069")
                .formParam("password", "").post("/account/profile");
        assertEquals(422, r.statusCode());
        assertTrue(Web.html(r).getElementById("e-name").text().contains("change the direction"));
        assertEquals(before, Web.html(Web.as(a).get("/account")).getElementById("f-name").val());
    }
}
