package dev.specboard.api;

import dev.specboard.support.Routes;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API checks who may see a project (and that the thing addressed exists) before it judges the body: a caller who is
 * no member gets 404 whatever the body (an empty object, an unknown field, none), and a member naming an unknown id gets
 * 404 for an empty object or no body, where about ten routes answered 422 first. (A member's body that is not JSON of
 * the route's shape, an unknown field or none where one is required, stays 422 or 400: it is malformed wherever it goes.)
 * A viewer, who may change nothing, gets 403 whatever the body, as does a member below the route's role, and a change to an
 * archived project 409. Every POST, PUT, PATCH and DELETE route of a project is
 * asked; and every change of the API, a project's or not, answers a missing or bad token 401 before anything else.
 */
@QuarkusTest
class ApiAccessOrderTest {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> BODIES = List.of("{}", "{\"noSuchField\":1}", "");

    @Inject
    TestData data;

    /**
     * Without a token, or with one that does not exist, every change of the API is 401 whatever the body: the routes
     * outside a project ({@code POST /api/v1/projects}, {@code /tokens}, {@code /notifications/read-all}, the
     * notification settings) judged the body first, 422 for an unknown field, 400 for no JSON or none.
     */
    @Test
    void withoutAValidTokenEveryChangeIs401WhateverTheBody() {
        TestData.Team t = data.team();
        List<String> wrong = new ArrayList<>();
        int accountLevel = 0;
        List<Routes.Route> changes = Routes.all().stream().filter(r -> r.api() && !r.template().startsWith("/api/mcp")
                && WRITES.contains(r.method()) && !r.consumes().contains("multipart")).toList();
        for (Routes.Route route : changes) {
            String url = Routes.fill(route, t.slug());
            if (url.equals("/api/v1/accounts")) {
                continue; // signing up is the one change made without an account; anonymousSignupAndAPasswordTokenNeedNoToken
            }
            accountLevel += route.projectScoped() ? 0 : 1;
            for (String token : java.util.Arrays.asList(null, "sbt_nope")) {
                for (String body : List.of("{}", "{\"bogus\":1}", "garbage", "")) {
                    io.restassured.specification.RequestSpecification as = io.restassured.RestAssured.given()
                            .contentType(io.restassured.http.ContentType.JSON);
                    if (token != null) {
                        as = as.header("Authorization", "Bearer " + token);
                    }
                    Response r = send(as, route, url, body);
                    if (r.statusCode() != 401 || r.path("error") == null) {
                        wrong.add(route.describe() + (token == null ? " without a token" : " with a bad token") + " and '" + body + "': "
                                + r.statusCode() + " " + r.body().asString());
                    }
                }
            }
        }
        assertTrue(accountLevel >= 4, "the walk reached the routes outside a project: " + accountLevel);
        assertTrue(wrong.isEmpty(), "a missing or bad token must get 401 before the body is judged:\n" + String.join("\n", wrong));
    }

    /** The two changes made before having a token: signing up, and the first token asked for with the password. */
    @Test
    void anonymousSignupAndAPasswordTokenNeedNoToken() {
        String u = TestData.unique("first");
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("email", u + "@example.test", "username", u, "name", "", "password", TestData.PASSWORD))
                .post("/api/v1/accounts").then().statusCode(201);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).auth().preemptive().basic(u, TestData.PASSWORD)
                .body(java.util.Map.of("name", "cli")).post("/api/v1/tokens").then().statusCode(201);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).auth().preemptive().basic(u, "wrong password")
                .body(java.util.Map.of("name", "cli")).post("/api/v1/tokens").then().statusCode(401);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).header("Authorization", "Bearer sbt_nope")
                .body(java.util.Map.of("name", "cli")).post("/api/v1/tokens").then().statusCode(401);
    }

    @Test
    void anOutsiderGets404WhateverTheBody() {
        TestData.Team t = data.team();
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : writes()) {
            String url = Routes.fill(route, t.slug());
            for (String body : BODIES) {
                int status = send(Api.as(t.outsider()), route, url, body).statusCode();
                if (status != 404) {
                    wrong.add(route.describe() + " with '" + body + "': " + status);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "an outsider must get 404 before the body is judged:\n" + String.join("\n", wrong));
    }

    @Test
    void aViewerGets403WhateverTheBody() {
        TestData.Team t = data.team();
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : writes()) {
            String url = Routes.fill(route, t.slug());
            for (String body : BODIES) {
                Response r = send(Api.as(t.viewer()), route, url, body);
                if (r.statusCode() != 403) {
                    wrong.add(route.describe() + " with '" + body + "': " + r.statusCode() + " " + r.body().asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "a viewer must get 403 before the body is judged:\n" + String.join("\n", wrong));
    }

    /**
     * A reviewer on a member's change, a member on a lead's and a lead on an owner's: where a well-formed body is 403, an
     * unknown field or no body is 403 too (it was 422 first, as {@code RoleFirst} did not exist).
     */
    @Test
    void aMemberBelowTheRoutesRoleGets403WhateverTheBody() {
        TestData.Team t = data.team();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (dev.specboard.account.Account who : List.of(t.reviewer(), t.member(), t.lead())) {
            for (Routes.Route route : writes()) {
                String url = Routes.fill(route, t.slug());
                if (send(Api.as(who), route, url, "{}").statusCode() != 403) {
                    continue;
                }
                refused++;
                for (String body : BODIES.subList(1, BODIES.size())) {
                    Response r = send(Api.as(who), route, url, body);
                    if (r.statusCode() != 403) {
                        wrong.add(who.username + " on " + route.describe() + " with '" + body + "': " + r.statusCode() + " " + r.body().asString());
                    }
                }
            }
        }
        assertTrue(refused > 100, "the walk reached the routes above each role: " + refused);
        assertTrue(wrong.isEmpty(), "a role below the route's must get 403 before the body is judged:\n" + String.join("\n", wrong));
    }

    @Test
    void anArchivedProjectRefusesEveryChangeWhateverTheBody() {
        TestData.Team t = data.team();
        Api.as(t.owner()).post("/api/v1/projects/" + t.slug() + "/archive").then().statusCode(200);
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : writes()) {
            if (route.template().endsWith("{slug}/archive") || route.template().endsWith("{slug}/unarchive")) {
                continue;
            }
            String url = Routes.fill(route, t.slug());
            // The one change an archived project takes besides unarchiving: closing access it gave out (a public preview link).
            boolean closesAccess = route.template().endsWith("/previews/{id}/revoke");
            for (String body : BODIES) {
                Response r = send(Api.as(t.owner()), route, url, body);
                if (closesAccess) {
                    if (r.statusCode() == 409) {
                        wrong.add(route.describe() + " closes access, which an archived project allows, with '" + body + "': 409");
                    }
                } else if (r.statusCode() != 409 || !Boolean.TRUE.equals(r.path("details.archived"))) {
                    wrong.add(route.describe() + " with '" + body + "': " + r.statusCode() + " " + r.body().asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "an archived project must refuse a change before the body is judged:\n" + String.join("\n", wrong));
        Api.as(t.owner()).body("{\"noSuchField\":1}").post("/api/v1/projects/" + t.slug() + "/unarchive").then().statusCode(422);
        Api.as(t.owner()).post("/api/v1/projects/" + t.slug() + "/unarchive").then().statusCode(200);
    }

    @Test
    void aMemberNamingAnUnknownIdGets404WhateverTheBody() {
        TestData.Team t = data.team();
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : writes()) {
            if (Routes.PARAM.matcher(route.template().replace("{slug}", "")).results().findAny().isEmpty()) {
                continue;
            }
            String url = Routes.fill(route, t.slug());
            for (String body : List.of("{}", "")) {
                Response r = send(Api.as(t.owner()), route, url, body);
                boolean bodyRequired = body.isEmpty() && r.statusCode() == 400 && r.body().asString().contains("A JSON body is required");
                if (r.statusCode() != 404 && !bodyRequired) {
                    wrong.add(route.describe() + " " + url + " with '" + body + "': " + r.statusCode() + " " + r.body().asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "an unknown id must be 404 before the body is judged:\n" + String.join("\n", wrong));
    }

    @Test
    void anOutsiderGets404ForAMultipartBodyWithANulCharacter() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        Api.as(t.outsider()).contentType("multipart/form-data").multiPart("itemType", "text").multiPart("text", "a\u0000b").post(url).then().statusCode(404);
        Api.as(t.member()).contentType("multipart/form-data").multiPart("itemType", "text").multiPart("text", "a\u0000b").post(url).then().statusCode(422);
    }

    /**
     * A body in a type the route does not take (a form, plain text) is 415 for a member, and for an outsider the 404 of
     * an unknown project: RESTEasy judged the content type while routing, before the policy, and answered an outsider 415.
     */
    @Test
    void anOutsiderGets404WhateverTheContentType() {
        TestData.Team t = data.team();
        String items = "/api/v1/projects/" + t.slug() + "/context-items";
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
            Api.as(t.outsider()).contentType(type).body("text=a").post(items).then().statusCode(404);
            Api.as(t.outsider()).contentType(type).body("text=a").post("/api/v1/projects/no-such-" + t.slug() + "/context-items")
                    .then().statusCode(404);
            Api.as(t.viewer()).contentType(type).body("text=a").post(items).then().statusCode(403);
            Api.as(t.member()).contentType(type).body("text=a").post(items).then().statusCode(415)
                    .contentType("application/json")
                    .body("error", org.hamcrest.Matchers.equalTo("Send the body as application/json or multipart/form-data."));
        }
        Api.as(t.outsider()).contentType("text/plain").body("x").put("/api/v1/projects/" + t.slug() + "/pages/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        // A change whose route consumes nothing (a start: no body) takes any type, as before (curl -d '{}' sends it
        // urlencoded): the unknown task is 404, not 415.
        Api.as(t.member()).contentType("application/x-www-form-urlencoded").body("{}")
                .post("/api/v1/projects/" + t.slug() + "/tasks/TASK-99-1/start").then().statusCode(404);
        // JSON and multipart still reach their routes.
        Api.as(t.member()).body("{\"itemType\":\"text\",\"text\":\"hello\"}").post(items).then().statusCode(201);
        Api.as(t.member()).contentType("multipart/form-data").multiPart("itemType", "text").multiPart("text", "hi").post(items)
                .then().statusCode(201);
    }

    private static List<Routes.Route> writes() {
        return Routes.all().stream().filter(r -> r.api() && r.projectScoped() && WRITES.contains(r.method())
                && !r.consumes().contains("multipart")).toList();
    }

    private static Response send(io.restassured.specification.RequestSpecification as, Routes.Route route, String url, String body) {
        if (!body.isEmpty()) {
            as = as.body(body);
        }
        return as.request(route.method(), url);
    }
}
