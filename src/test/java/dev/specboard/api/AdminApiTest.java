package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.kernel.Role;
import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The site administrators' API: the accounts page's actions for scripts, refused to anyone else. */
@QuarkusTest
class AdminApiTest {

    private static final String ACCOUNTS = "/api/v1/admin/accounts";

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Inject
    ApiTokenService tokens;

    @Test
    void onlyAnAdministratorsUnlimitedTokenGetsIn() {
        TestData.Team team = data.team();
        RestAssured.given().get(ACCOUNTS).then().statusCode(401);
        fx.api(team.owner()).get(ACCOUNTS).then().statusCode(403).body("error", containsString("administrator"));
        fx.api(team.owner()).body(Map.of("disabled", true)).post(ACCOUNTS + "/" + team.viewer().username + "/access").then().statusCode(403);

        Account admin = data.admin("root");
        String limited = tokens.create(admin.id, "one project", team.project().id, Role.VIEWER).value();
        RestAssured.given().header("Authorization", "Bearer " + limited).get(ACCOUNTS).then().statusCode(403)
                .body("error", containsString("limited to one project"));
        fx.api(admin).get(ACCOUNTS).then().statusCode(200);
    }

    /** Whatever the body (an unknown field, none), anyone but an administrator gets 403 before it is judged. */
    @Test
    void anyoneElseGets403WhateverTheBody() {
        TestData.Team team = data.team();
        // A member, not the owner: the first account a run makes becomes the site administrator.
        List<String> wrong = new java.util.ArrayList<>();
        List<dev.specboard.support.Routes.Route> writes = dev.specboard.support.Routes.all().stream()
                .filter(r -> r.template().startsWith("/api/v1/admin/") && !r.method().equals("GET")).toList();
        for (dev.specboard.support.Routes.Route route : writes) {
            String url = dev.specboard.support.Routes.fill(route, team.slug());
            for (String body : List.of("{}", "{\"noSuchField\":1}", "")) {
                io.restassured.specification.RequestSpecification as = fx.api(team.member());
                int status = (body.isEmpty() ? as : as.body(body)).request(route.method(), url).statusCode();
                if (status != 403) {
                    wrong.add(route.method() + " " + url + " with '" + body + "': " + status);
                }
            }
        }
        assertEquals(3, writes.size(), "the administrators' changes: role, access, reset link");
        assertEquals(List.of(), wrong);
    }

    @Test
    void anAdministratorFindsAccountsAPageAtATime() {
        Account admin = data.admin("root");
        Account someone = data.account("findme");
        List<Map<String, Object>> found = fx.api(admin).queryParam("q", someone.username.toUpperCase()).get(ACCOUNTS)
                .then().statusCode(200).extract().path("$");
        assertEquals(1, found.size(), found.toString());
        assertEquals(someone.email, found.get(0).get("email"));
        assertEquals(false, found.get(0).get("admin"));
        assertEquals(false, found.get(0).get("disabled"));
        fx.api(admin).queryParam("q", someone.username).queryParam("page", 2).get(ACCOUNTS).then().statusCode(200).body("size()", equalTo(0));
        fx.api(admin).queryParam("q", "%").get(ACCOUNTS).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void disablingEndsTheAccountsTokensAndEnablingLetsItMakeNewOnes() {
        Account admin = data.admin("root");
        Account leaver = data.account("leaver");
        String leaversToken = fx.token(leaver);
        RestAssured.given().header("Authorization", "Bearer " + leaversToken).get("/api/v1/projects").then().statusCode(200);

        fx.api(admin).body(Map.of("disabled", true)).post(ACCOUNTS + "/" + leaver.username + "/access").then().statusCode(200)
                .body("disabled", equalTo(true)).body("disabledAt", notNullValue());
        RestAssured.given().header("Authorization", "Bearer " + leaversToken).get("/api/v1/projects").then().statusCode(401);
        fx.api(admin).queryParam("q", leaver.username).get(ACCOUNTS).then().body("[0].disabled", equalTo(true));

        fx.api(admin).body(Map.of("disabled", false)).post(ACCOUNTS + "/" + leaver.username + "/access").then().statusCode(200)
                .body("disabled", equalTo(false)).body("disabledAt", nullValue());
        RestAssured.given().header("Authorization", "Bearer " + leaversToken).get("/api/v1/projects").then().statusCode(401);
        fx.api(leaver).get("/api/v1/projects").then().statusCode(200);

        fx.api(admin).body(Map.of("disabled", true)).post(ACCOUNTS + "/" + admin.username + "/access").then().statusCode(409)
                .body("error", containsString("your own account"));
    }

    @Test
    void aNewAdministratorsTokenAdministersAtOnce() {
        Account admin = data.admin("root");
        Account helper = data.account("helper");
        String helpersToken = fx.token(helper);
        RestAssured.given().header("Authorization", "Bearer " + helpersToken).get(ACCOUNTS).then().statusCode(403);
        fx.api(admin).body(Map.of("admin", true)).post(ACCOUNTS + "/" + helper.username + "/role").then().statusCode(200)
                .body("admin", equalTo(true)).body("username", equalTo(helper.username));
        RestAssured.given().header("Authorization", "Bearer " + helpersToken).get(ACCOUNTS).then().statusCode(200);
        fx.api(admin).body(Map.of("admin", false)).post(ACCOUNTS + "/" + helper.username + "/role").then().statusCode(200)
                .body("admin", equalTo(false));
        RestAssured.given().header("Authorization", "Bearer " + helpersToken).get(ACCOUNTS).then().statusCode(403);
    }

    @Test
    void aResetLinkSetsThePasswordOnce() {
        Account admin = data.admin("root");
        Account locked = data.account("locked-out");
        String link = fx.api(admin).post(ACCOUNTS + "/" + locked.username + "/password-reset").then().statusCode(201)
                .body("username", equalTo(locked.username)).body("link", startsWith("http")).extract().path("link");
        String path = link.substring(link.indexOf("/password-reset/"));
        RestAssured.given().get(path).then().statusCode(200);
    }

    @Test
    void badRequestsAreNamedAndChangeNothing() {
        Account admin = data.admin("root");
        Account someone = data.account("someone");
        fx.api(admin).body(Map.of()).post(ACCOUNTS + "/" + someone.username + "/role").then().statusCode(422)
                .body("details.admin", notNullValue());
        fx.api(admin).body("{\"disabled\": true, \"reason\": \"left\"}").post(ACCOUNTS + "/" + someone.username + "/access")
                .then().statusCode(422).body("details.reason", equalTo("unknown field"));
        fx.api(admin).body("{\"disabled\": \"soon\"}").post(ACCOUNTS + "/" + someone.username + "/access").then().statusCode(400)
                .body("error", containsString("disabled"));
        fx.api(admin).body(Map.of("disabled", true)).post(ACCOUNTS + "/nobody-" + someone.username + "/access").then().statusCode(404);
        fx.api(admin).contentType(ContentType.JSON).post(ACCOUNTS + "/nobody-" + someone.username + "/password-reset").then().statusCode(404);
        fx.api(admin).queryParam("q", someone.username).get(ACCOUNTS).then().body("[0].disabled", equalTo(false)).body("[0].admin", equalTo(false));
    }
}
