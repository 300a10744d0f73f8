package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A known address asked with a method it does not answer to is 405 with {@code Allow}, for pages and the API alike
 * (a form's POST route answered HEAD and PATCH 404, as if it did not exist); an unknown address stays 404, and an
 * outsider sees the same answer for a project they do not belong to as for one that does not exist.
 */
@QuarkusTest
class MethodNotAllowedTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void aFormsPostRouteAnswersOtherMethods405WithAllow() {
        TestData.Team t = data.team();
        // A POST-only address (a review thread's form among others; FormAddressRedirectTest keeps the list of them).
        String delete = "/projects/" + t.slug() + "/threads/" + UUID.randomUUID() + "/resolve";
        for (String method : new String[] {"HEAD", "PATCH", "GET", "PUT"}) {
            Response r = Web.as(t.owner()).request(method, delete);
            assertEquals(405, r.statusCode(), method + " " + delete + ": " + r.body().asString());
            assertEquals("POST", r.header("Allow"), method);
            if (!"HEAD".equals(method)) {
                assertTrue(r.contentType().startsWith("text/html"), r.contentType());
                assertTrue(r.body().asString().contains("does not answer to " + method), r.body().asString());
            }
        }
        // The route shape exists whatever the project: an outsider, and a slug nobody has, get the same answer.
        Response outsider = Web.as(t.outsider()).request("PATCH", delete);
        Response unknown = Web.as(t.outsider()).request("PATCH", "/projects/no-such-" + UUID.randomUUID() + "/threads/x/resolve");
        assertEquals(unknown.statusCode(), outsider.statusCode());
        assertEquals(unknown.header("Allow"), outsider.header("Allow"));
        // The page route itself still answers its own method: a missing thread stays 404, without Allow.
        Response missing = Web.as(t.owner()).post(delete);
        assertTrue(missing.statusCode() == 404 || missing.statusCode() == 403 || missing.statusCode() == 422,
                "POST reached its route: " + missing.statusCode());
        assertNull(missing.header("Allow"));
    }

    @Test
    void unknownAddressesStay404() {
        TestData.Team t = data.team();
        for (String path : new String[] {"/projects/" + t.slug() + "/no-such-page", "/no-such-page/at/all",
                "/projects/" + t.slug() + "/components/x/delete/more"}) {
            Response r = Web.as(t.owner()).request("PATCH", path);
            assertEquals(404, r.statusCode(), path);
            assertNull(r.header("Allow"), path);
        }
    }

    @Test
    void theApiAnswers405AsItsJsonError() {
        TestData.Team t = data.team();
        String token = tokens.create(t.owner().id, "test", null, null).value();
        String references = "/api/v1/projects/" + t.slug() + "/context-items/" + UUID.randomUUID() + "/references";
        Response r = RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{}").patch(references);
        assertEquals(405, r.statusCode(), r.body().asString());
        assertEquals("POST", r.header("Allow"));
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertTrue(r.<String>path("error").contains("PATCH"), r.body().asString());
        RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/projects/" + t.slug() + "/no-such-list")
                .then().statusCode(404);
    }
}
