package dev.specboard.design;

import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A URL context item is fetched and analysed only when its host is on the allow-list; here the app itself is. */
@QuarkusTest
@TestProfile(ContextUrlFetchTest.LocalhostAllowed.class)
class ContextUrlFetchTest {

    public static class LocalhostAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("specboard.context.url-fetch-hosts", "localhost");
        }
    }

    @TestHTTPResource("/login")
    URL login;

    @Inject
    TestData data;

    @Test
    void anAllowedHostIsFetchedAndItsHtmlAnalysedWhileOthersAreOnlyStored() {
        TestData.Team t = data.team();
        Response created = Web.as(t.member()).multiPart("itemType", "url").multiPart("url", login.toString())
                .post("/projects/" + t.slug() + "/context");
        assertEquals(303, created.statusCode(), created.asString());
        String id = created.getHeader("Location").substring(created.getHeader("Location").indexOf("#item-") + 6);
        Element item = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + id);
        assertFalse(item.text().contains("not fetched"), item.text());
        assertFalse(item.text().contains("Could not fetch"), item.text());
        assertTrue(item.text().contains("Elements:") && item.text().contains("form"), "the login page's form was parsed: " + item.text());

        Response other = Web.as(t.member()).multiPart("itemType", "url").multiPart("url", "https://example.com/elsewhere")
                .post("/projects/" + t.slug() + "/context");
        String otherId = other.getHeader("Location").substring(other.getHeader("Location").indexOf("#item-") + 6);
        Element stored = Web.html(Web.as(t.viewer()).get("/projects/" + t.slug() + "/context")).selectFirst("#item-" + otherId);
        assertTrue(stored.text().contains("not fetched"), stored.text());
    }
}
