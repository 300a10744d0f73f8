package dev.specboard.project;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links made under a project's old slug lead its members to it (301), tell others nothing, and stop once another project takes the slug. */
@QuarkusTest
class FormerSlugTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aMemberFollowingAnOldLinkIsRedirectedAndNobodyElseLearnsTheNewSlug() {
        TestData.Team t = data.team();
        String old = t.slug();
        String renamed = old + "-now";
        rename(t, old, renamed);

        Response page = Web.as(t.member()).redirects().follow(false).get("/projects/" + old + "/stories?status=draft");
        assertEquals(301, page.statusCode());
        assertTrue(page.getHeader("Location").endsWith("/projects/" + renamed + "/stories?status=draft"), page.getHeader("Location"));
        String location = page.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        assertEquals(200, Web.as(t.member()).get(location).statusCode(), "followed, the link opens the page");
        Response home = Web.as(t.viewer()).redirects().follow(false).get("/projects/" + old);
        assertTrue(home.getHeader("Location").endsWith("/projects/" + renamed), home.getHeader("Location"));

        String token = tokens.create(t.member().id, "old-links", null, null).value();
        Response api = RestAssured.given().auth().oauth2(token).redirects().follow(false).get("/api/v1/projects/" + old + "/stories");
        assertEquals(301, api.statusCode());
        assertTrue(api.getHeader("Location").endsWith("/api/v1/projects/" + renamed + "/stories"), api.getHeader("Location"));

        Response outsider = Web.as(t.outsider()).redirects().follow(false).get("/projects/" + old + "/stories");
        assertEquals(404, outsider.statusCode(), "someone outside the project learns nothing from its old slug");
        Response change = RestAssured.given().auth().oauth2(token).contentType("application/json").body(Map.of("title", "Lost"))
                .post("/api/v1/projects/" + old + "/stories");
        assertEquals(404, change.statusCode(), "a change is never replayed elsewhere by a redirect");
        assertTrue(change.jsonPath().getString("error").contains("/projects/" + renamed), change.asString());

        // Another project takes the freed slug: from then on it is that project's.
        Account other = data.account("taker");
        Project taken = data.project(other);
        rename(other, taken.slug, old);
        Response mine = Web.as(t.member()).redirects().follow(false).get("/projects/" + old + "/stories");
        assertEquals(404, mine.statusCode(), "the slug is the other project's now, which the member is not in");
        Document theirs = Web.html(Web.as(other).get("/projects/" + old + "/stories").then().statusCode(200).extract().response());
        assertTrue(theirs.title().contains(taken.name), theirs.title());

        // And a project taking back its own old slug loses nothing.
        rename(t, renamed, renamed + "-2");
        rename(t, renamed + "-2", renamed);
        assertEquals(200, Web.as(t.member()).redirects().follow(false).get("/projects/" + renamed + "/stories").statusCode());
    }

    private static void rename(TestData.Team t, String from, String to) {
        rename(t.owner(), from, to);
    }

    private static void rename(Account owner, String from, String to) {
        Document settings = Web.html(Web.as(owner).get("/projects/" + from + "/settings").then().statusCode(200).extract().response());
        Web.as(owner).contentType("application/x-www-form-urlencoded").formParam("name", settings.getElementById("f-name").val())
                .formParam("type", "api").formParam("framework", "").formParam("description", "").formParam("visionStatement", "")
                .formParam("targetFeeling", "").formParam("referenceApps", "").formParam("icon", "").formParam("color", "#123456")
                .formParam("version", settings.getElementById("f-version").val()).formParam("slug", to)
                .post("/projects/" + from + "/settings").then().statusCode(303);
    }
}
