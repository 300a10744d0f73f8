package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Routes;
import dev.specboard.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call that takes no body refuses one with fields, and a multipart upload a part it does not take, as every other call
 * refuses a field it does not take.
 */
@QuarkusTest
class NoBodyGuardTest {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    private static List<Routes.Route> jsonCalls() {
        return Routes.all().stream().filter(r -> r.template().startsWith("/api/v1/") && CHANGES.contains(r.method())
                && !r.consumes().contains("multipart") && !r.consumes().contains("form-urlencoded")).toList();
    }

    @Test
    void theGuardTellsTheCallsThatTakeABodyAsTheirMethodsDeclareThem() {
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : jsonCalls()) {
            boolean declared = route.body() != null;
            if (NoBodyGuard.takesBody(route.javaMethod().getParameterTypes()) != declared) {
                wrong.add(route.describe() + (declared ? " takes a body of " + route.body().getSimpleName() : " takes no body"));
            }
        }
        assertTrue(wrong.isEmpty(), "the guard misjudges:\n" + String.join("\n", wrong));
    }

    @Test
    void everyCallThatTakesNoBodyRefusesFieldsNamingEach() {
        TestData.Team t = data.team();
        Account admin = data.admin("guard-admin");
        List<String> wrong = new ArrayList<>();
        int bodyless = 0;
        for (Routes.Route route : jsonCalls()) {
            if (route.body() != null) {
                continue;
            }
            bodyless++;
            // The administrators' calls refuse anyone else first (AdminFirst), whatever the body.
            Account caller = route.template().startsWith("/api/v1/admin/") ? admin : t.owner();
            Response r = Api.as(caller).body(Map.of("zzz", 1, "version", 99)).request(route.method(), Routes.fill(route, t.slug()));
            if (r.statusCode() != 422 || !"unknown field".equals(r.path("details.zzz")) || !"unknown field".equals(r.path("details.version"))) {
                wrong.add(route.describe() + ": " + r.statusCode() + " " + r.asString());
            }
        }
        assertTrue(bodyless > 30, "the scan found the bodyless calls: " + bodyless);
        assertTrue(wrong.isEmpty(), "a body with fields must be 422 naming them:\n" + String.join("\n", wrong));
    }

    @Test
    void aMultipartUploadRefusesAPartItDoesNotTakeAndKeepsNothing() {
        TestData.Team t = data.team();
        String url = "/api/v1/projects/" + t.slug() + "/context-items";
        String token = tokens.create(t.member().id, "upload", null, null).value();
        Response typo = RestAssured.given().header("Authorization", "Bearer " + token).multiPart("itemType", "file")
                .multiPart("tag", "brand").multiPart("file", "notes.txt", "Lesson plans".getBytes(), "text/plain").post(url);
        assertEquals(422, typo.statusCode(), typo.asString());
        assertEquals("unknown field", typo.path("details.tag"));
        assertEquals(0, Api.as(t.member()).get(url).then().statusCode(200).extract().jsonPath().getList("$").size(), "nothing was kept");
        assertEquals(404, RestAssured.given().header("Authorization", "Bearer " + tokens.create(t.outsider().id, "x", null, null).value())
                .multiPart("itemType", "text").multiPart("tag", "x").post(url).statusCode(), "an outsider learns nothing");

        Response ok = RestAssured.given().header("Authorization", "Bearer " + token).multiPart("itemType", "file")
                .multiPart("tags", "brand").multiPart("categories", "inspiration")
                .multiPart("file", "notes.txt", "Lesson plans".getBytes(), "text/plain").post(url);
        assertEquals(201, ok.statusCode(), ok.asString());
    }

    @Test
    void anEmptyBodyOrObjectStillDoesTheCallAndNothingIsDoneOnARefusal() {
        TestData.Team t = data.team();
        String project = "/api/v1/projects/" + t.slug();

        Response refused = Api.as(t.owner()).body(Map.of("reason", "done")).post(project + "/archive");
        assertEquals(422, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("this call takes no body"), refused.asString());
        assertEquals("active", Api.as(t.owner()).get(project).path("status"), "nothing was archived");
        assertEquals(400, Api.as(t.owner()).body("[1]").post(project + "/archive").statusCode());
        assertEquals(400, Api.as(t.owner()).body("archive please").post(project + "/archive").statusCode());
        assertEquals(404, Api.as(t.outsider()).body(Map.of("zzz", 1)).post(project + "/archive").statusCode(),
                "an outsider learns nothing about the call");

        assertEquals(200, Api.as(t.owner()).body("{}").post(project + "/archive").statusCode());
        assertEquals("archived", Api.as(t.owner()).get(project).path("status"));
        assertEquals(200, Api.as(t.owner()).body(" \n").post(project + "/unarchive").statusCode());
        assertEquals(200, Api.as(t.owner()).post(project + "/archive").statusCode());
        String token = tokens.create(t.owner().id, "plain", null, null).value();
        Response plain = RestAssured.given().header("Authorization", "Bearer " + token).post(project + "/unarchive");
        assertEquals(200, plain.statusCode(), "no body and no Content-Type, as curl -X POST sends: " + plain.asString());
        assertEquals("active", Api.as(t.owner()).get(project).path("status"));
    }
}
