package dev.specboard.account;

import dev.specboard.kernel.Secrets;
import dev.specboard.support.OtherInstance;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TokenCacheTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    private static String token(Account a) {
        Document d = Web.html(Web.as(a).contentType(FORM).formParam("tokenName", "agent").formParam("tokenPassword", TestData.PASSWORD).post("/account/tokens"));
        return d.getElementById("new-token").val();
    }

    private static int get(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/projects").statusCode();
    }

    @Test
    void aRevocationOnThisInstanceEndsAKnownTokenAtOnce() {
        Account a = data.account("cached-token");
        String token = token(a);
        String other = token(a);
        assertEquals(200, get(token));
        assertEquals(200, get(other));
        ApiToken stored = ApiToken.findActive(token).orElseThrow();
        Web.htmx(Web.as(a)).post("/account/tokens/" + stored.id + "/revoke").then().statusCode(200);
        assertEquals(401, get(token));
        assertEquals(200, get(other), "the account's other token still works (read again)");
    }

    @Test
    void aRevocationOnAnotherInstanceArrivesThroughItsNotify() throws Exception {
        Account a = data.account("notify-token");
        String token = token(a);
        assertEquals(200, get(token));

        // Another instance revokes the token: this instance still knows it from a moment ago...
        assertEquals(1, OtherInstance.update("update api_tokens set revoked_at = now() where token_hash = ?", Secrets.hash(token)));
        assertEquals(200, get(token), "served from this instance's memory");
        // ...until the NOTIFY that the other instance sends with its change arrives.
        OtherInstance.notifyAccount(ApiTokenService.EVENT, a.id);
        int status = OtherInstance.awaitChange(200, () -> get(token));
        assertEquals(401, status);
    }
}
