package dev.specboard.account;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TokenCacheTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    private static String token(Account a) {
        Document d = Web.html(Web.as(a).contentType(FORM).formParam("tokenName", "agent").post("/account/tokens"));
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

        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        // Another instance revokes the token: this instance still knows it from a moment ago...
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement revoke = c.prepareStatement("update api_tokens set revoked_at = now() where token_hash = ?")) {
            revoke.setString(1, ApiToken.hash(token));
            assertEquals(1, revoke.executeUpdate());
        }
        assertEquals(200, get(token), "served from this instance's memory");
        // ...until the NOTIFY that the other instance sends with its change arrives.
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement notify = c.prepareStatement("select pg_notify('specboard_events', ?)")) {
            notify.setString(1, ApiTokenService.EVENT + "|" + a.id + "|");
            notify.execute();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        int status = get(token);
        while (status == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            status = get(token);
        }
        assertEquals(401, status);
    }
}
